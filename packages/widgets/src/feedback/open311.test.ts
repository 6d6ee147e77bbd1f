import { configurationError } from '@civic-widgets/client/adapters/configuration';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { resetSharedClients } from '../internal/client.js';
import { CivicErrorEvent } from '../internal/events.js';
import { rate } from './feedback.examples.js';
import type { CivicFeedback } from './feedback.js';

// <civic-feedback adapter="open311"> set up from HTML alone, against a GeoReport v2 server in the browser's fetch:
// what the specification says a server answers, and what a page set up wrong meets.

const endpoint = 'https://proxy.example.gov/open311/v2';
const root = (el: HTMLElement) => el.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();
const answer = (status: number, body: unknown) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

interface Seen {
  method: string;
  url: URL;
  form?: URLSearchParams;
}

/**
 * A GeoReport v2 server for jurisdiction `example.gov` with one service, `web-feedback`, that requires a location
 * and `attribute[channel]`; `POST /requests.json` files request 638344, whose status `GET /requests/638344.json` gives.
 */
function serveOpen311(overrides: { services?: () => Response } = {}) {
  const seen: Seen[] = [];
  sinon.stub(window, 'fetch').callsFake(async (input, init = {}) => {
    const url = new URL(String(input));
    const method = init.method ?? 'GET';
    const form = method === 'POST' ? new URLSearchParams(String(init.body)) : undefined;
    seen.push({ method, url, form });
    const path = url.pathname.replace('/open311/v2', '');
    if ((form?.get('jurisdiction_id') ?? url.searchParams.get('jurisdiction_id')) !== 'example.gov') {
      return answer(400, [{ code: 400, description: 'jurisdiction_id was not provided' }]);
    }
    if (path === '/services.json') {
      return (
        overrides.services?.() ?? answer(200, [{ service_code: 'web-feedback', service_name: 'Web', metadata: false }])
      );
    }
    if (path === '/requests/638344.json') {
      return answer(200, [
        {
          service_request_id: '638344',
          status: 'open',
          status_notes: 'The web team will correct the page.',
          agency_responsible: 'Web team',
          expected_datetime: '2026-12-10T17:00:00Z',
        },
      ]);
    }
    if (method !== 'POST' || path !== '/requests.json') return answer(404, [{ code: 404, description: 'Not found' }]);
    if (!(form!.has('lat') && form!.has('long')) && !form!.has('address_string')) {
      return answer(400, [{ code: 400, description: 'A location is required: lat and long, or address_string' }]);
    }
    if (!form!.get('attribute[channel]')) {
      return answer(400, [{ code: 400, description: 'attribute[channel] is required' }]);
    }
    return answer(200, [{ service_request_id: '638344' }]);
  });
  return seen;
}

async function show(markup: ReturnType<typeof html>) {
  const el = await fixture<CivicFeedback>(markup);
  await el.updateComplete;
  return el;
}

describe('<civic-feedback adapter="open311"> from HTML', () => {
  afterEach(() => {
    sinon.restore();
    resetSharedClients();
  });

  it('sends the jurisdiction, a fixed point and fixed attributes, then shows the reference and its status', async () => {
    const seen = serveOpen311();
    const el = await show(html`<civic-feedback
      topic="page:/bins"
      adapter="open311"
      endpoint=${endpoint}
      service-code="web-feedback"
      jurisdiction-id="example.gov"
      location="53.80,-1.55"
      service-attributes="channel=web | source=site"
      no-comment
      reasons=""
    ></civic-feedback>`);
    await waitUntil(() => root(el).querySelector('civic-rating'), 'the widget did not load');
    await rate(el, 1);
    const post = seen.find((s) => s.method === 'POST')!;
    expect(post.form!.get('jurisdiction_id')).to.equal('example.gov');
    expect([post.form!.get('lat'), post.form!.get('long')]).to.deep.equal(['53.8', '-1.55']);
    expect(post.form!.get('attribute[channel]')).to.equal('web');
    expect(post.form!.get('attribute[source]')).to.equal('site');
    expect(seen[0]!.url.searchParams.get('jurisdiction_id')).to.equal('example.gov');
    // The reference, then the status read with GET /requests/638344.json.
    const status = () => root(el).querySelector('civic-report-status');
    await waitUntil(() => text(status()?.shadowRoot?.querySelector('[part=result]'))?.includes('Web team'));
    const shown = text(status()!.shadowRoot!.querySelector('[part=result]'));
    expect(shown).to.contain('Report 638344');
    expect(shown).to.contain('Open: the council is working on it');
    expect(shown).to.contain('The web team will correct the page.');
    expect(shown).to.contain('Handled by Web team');
    expect(shown).to.contain('Expected by December 10, 2026');
    expect(seen.some((s) => s.method === 'GET' && s.url.pathname.endsWith('/requests/638344.json'))).to.equal(true);
  });

  it('keeps a report on this browser only when the resident ticks, and shows its status on a later visit', async () => {
    const key = `civic-reports:open311:${endpoint}`;
    localStorage.removeItem(key);
    serveOpen311();
    const markup =
      () => html`<civic-feedback topic="t" adapter="open311" endpoint=${endpoint} service-code="web-feedback"
      jurisdiction-id="example.gov" address="Town Hall" service-attributes="channel=web" no-comment reasons=""></civic-feedback>`;
    const el = await show(markup());
    await waitUntil(() => root(el).querySelector('civic-rating'));
    await rate(el, 1);
    const status = () => root(el).querySelector('civic-report-status');
    await waitUntil(() => status()?.shadowRoot?.querySelector('input[type=checkbox]'));
    expect(localStorage.getItem(key)).to.equal(null, 'nothing kept without consent');
    status()!.shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    expect(Object.keys(JSON.parse(localStorage.getItem(key)!))).to.deep.equal(['638344']);
    el.remove();
    resetSharedClients();
    // A later visit: the rating is asked again, and the kept report's status shows beside it.
    const later = await show(markup());
    await waitUntil(() => root(later).querySelector('civic-rating'));
    const kept = () => root(later).querySelector('civic-report-status');
    await waitUntil(() => text(kept()?.shadowRoot?.querySelector('[part=result]'))?.includes('Handled by Web team'));
    expect(kept()!.shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]')!.checked).to.equal(true);
    localStorage.removeItem(key);
  });

  it("a configuration error inside the feedback (its report's status) is the status's own, not the feedback's", async () => {
    serveOpen311();
    const el =
      await show(html`<civic-feedback topic="t" adapter="open311" endpoint=${endpoint} service-code="web-feedback"
      jurisdiction-id="example.gov" address="Town Hall" service-attributes="channel=web" no-comment reasons=""></civic-feedback>`);
    await waitUntil(() => root(el).querySelector('civic-rating'));
    await rate(el, 1);
    await waitUntil(() => root(el).querySelector('civic-report-status'));
    const logged = sinon.stub(console, 'error');
    // As the status element reports a failure of its own: composed, it bubbles through the feedback.
    const error = configurationError('set the reference attribute');
    root(el)
      .querySelector('civic-report-status')!
      .dispatchEvent(new CivicErrorEvent({ error, operation: 'load' }));
    await el.updateComplete;
    expect(text(root(el).querySelector('[data-confirmation]'))).to.equal('Thank you, your answer has been recorded.');
    expect(logged.callCount).to.equal(1);
    expect(String(logged.firstCall.args[0])).to.match(/^Civic Widgets: <civic-report-status> /);
  });

  it('sends a fixed address instead of a point', async () => {
    const seen = serveOpen311();
    const el =
      await show(html`<civic-feedback topic="t" adapter="open311" endpoint=${endpoint} service-code="web-feedback"
      jurisdiction-id="example.gov" address="Town Hall, Leeds" service-attributes="channel=web" no-comment reasons=""></civic-feedback>`);
    await waitUntil(() => root(el).querySelector('civic-rating'));
    await rate(el, 1);
    const form = seen.find((s) => s.method === 'POST')!.form!;
    expect(form.get('address_string')).to.equal('Town Hall, Leeds');
    expect(form.has('lat')).to.equal(false);
  });

  it('a refusal that names nothing the form shows: a clear message, the choice kept, the reasons in problem.detail', async () => {
    serveOpen311();
    const el =
      await show(html`<civic-feedback topic="t" adapter="open311" endpoint=${endpoint} service-code="web-feedback"
      jurisdiction-id="example.gov" service-attributes="channel=web"></civic-feedback>`);
    await waitUntil(() => root(el).querySelector('civic-rating'));
    const errors: CivicErrorEvent[] = [];
    el.addEventListener('civic-error', (event) => errors.push(event as CivicErrorEvent));
    const rating = root(el).querySelector('civic-rating')!;
    await rating.updateComplete;
    rating.shadowRoot!.querySelector<HTMLElement>('[data-value="1"]')!.click();
    await waitUntil(() => root(el).querySelector('.notice.error'));
    expect(text(root(el).querySelector('.notice.error'))).to.equal(
      'The service could not take this report. Try again later, or contact us another way.',
    );
    expect(rating.value).to.equal('1');
    expect(errors[0]!.detail.error.problem?.detail).to.equal('A location is required: lat and long, or address_string');
  });

  describe('configuration errors: one console error naming the attribute, a calm notice, no retry', () => {
    const cases: [string, () => ReturnType<typeof html>, RegExp, (() => Response)?][] = [
      [
        'a key in the endpoint',
        () =>
          html`<civic-feedback topic="t" adapter="open311" endpoint="${endpoint}?api_key=s3cret" service-code="web-feedback"></civic-feedback>`,
        /endpoint attribute .*api_key/,
      ],
      [
        'no service code',
        () =>
          html`<civic-feedback topic="t" adapter="open311" endpoint=${endpoint} jurisdiction-id="example.gov"></civic-feedback>`,
        /service-code attribute/,
      ],
      [
        'a service the server does not list',
        () =>
          html`<civic-feedback topic="t" adapter="open311" endpoint=${endpoint} service-code="pothole" jurisdiction-id="example.gov"></civic-feedback>`,
        /service-code attribute .*web-feedback/,
      ],
      [
        'a server that is not Open311',
        () =>
          html`<civic-feedback topic="t" adapter="open311" endpoint=${endpoint} service-code="web-feedback" jurisdiction-id="example.gov"></civic-feedback>`,
        /endpoint attribute/,
        () => new Response('<!doctype html><title>Council</title>', { status: 200 }),
      ],
      [
        'a location that is not a point',
        () =>
          html`<civic-feedback topic="t" adapter="open311" endpoint=${endpoint} service-code="web-feedback" location="Leeds"></civic-feedback>`,
        /location attribute is "Leeds"/,
      ],
    ];
    for (const [name, markup, named, services] of cases) {
      it(name, async () => {
        serveOpen311({ services });
        const logged = sinon.stub(console, 'error');
        const el = await show(markup());
        await waitUntil(() => root(el).querySelector('[role=alert]'), 'no notice');
        await el.updateComplete;
        expect(text(root(el).querySelector('[role=alert]'))).to.equal('This form is not available right now.');
        expect(root(el).querySelector('button, civic-rating')).to.equal(null);
        expect(logged.callCount).to.equal(1);
        expect(String(logged.firstCall.args[0])).to.match(/^Civic Widgets: <civic-feedback> /);
        expect(String(logged.firstCall.args[0])).to.match(named);
        expect(String(logged.firstCall.args[0])).not.to.contain('s3cret');
      });
    }
  });
});
