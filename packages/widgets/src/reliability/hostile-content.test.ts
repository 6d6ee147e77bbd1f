// Hostile content (docs/reliability.md): a backend double answers every widget with XSS vectors in every field
// it renders, through the real client and its schemas. Pass: nothing runs, no dialog opens, no element that runs
// or frames content is made, no javascript:/data:/vbscript: URL becomes a link or a form target, the server's
// error wording is never shown, and every vector that a state renders is there as text.
import { ClientError, type FeedbackField, type PollKind } from '@civic-widgets/client';
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { resetSharedClients } from '../internal/client.js';
import { safeHref } from '../internal/safe-url.js';
import { fillForm } from '../petition/petition.examples.js';
import { directionsHref } from '../service-locator/service-locator-data.js';
import {
  type Answer,
  chunks,
  type Handler,
  hostileCategories,
  hostileClient,
  hostileFeedbackFields,
  hostilePetition,
  hostilePoll,
  hostileProblem,
  hostileResults,
  hostileServices,
  SERVER_WORDING,
} from '../test-support/hostile-backend.js';
import {
  dangerousNodes,
  dangerousUrl,
  deepText,
  setTripwires,
  squash,
  type Tripwires,
  URL_VECTORS,
  VectorFeed,
  XSS_VECTORS,
} from '../test-support/xss-vectors.js';
import '../define/civic-petition.js';
import '../define/civic-petition-counter.js';
import '../define/civic-poll.js';
import '../define/civic-feedback.js';
import '../define/civic-service-locator.js';

/** Renders per widget: enough for the short fields to take many vectors; the long ones hold all of them each time. */
const ROUNDS = 6;
const shadow = (el: Element) => el.shadowRoot!;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isJsonLd = (el: Element) =>
  el.localName === 'script' &&
  el.getAttribute('type') === 'application/ld+json' &&
  el.hasAttribute('data-civic-json-ld');
const lines = (text: string | undefined) => (text ? text.split('\n') : []);

let wires: Tripwires;

/** The pass criteria, on everything under `root` (shadow roots included). */
function check(root: Element, shown: (string | undefined)[], state: string) {
  expect(dangerousNodes(root, isJsonLd), `${state}: dangerous nodes`).to.deep.equal([]);
  const text = deepText(root);
  const missing = shown.filter((s): s is string => s !== undefined).filter((s) => !text.includes(squash(s)));
  expect(missing, `${state}: vectors not shown as text`).to.deep.equal([]);
  expect(text.includes(SERVER_WORDING), `${state}: the server's error wording is shown`).to.equal(false);
  expect(wires.hits, `${state}: vectors executed`).to.deep.equal([]);
  expect(wires.dialogs, `${state}: dialogs opened`).to.deep.equal([]);
}

/** Waits until `selector` matches in the widget's shadow root. */
const until = (el: Element, selector: string, what: string) =>
  waitUntil(() => shadow(el).querySelector(selector), `${el.localName}: ${what}`, { timeout: 3000, interval: 10 });

/** Four ways a submission can end: accepted, refused field by field, conflict, server fault. */
function submitAnswer(round: number, feed: VectorFeed, paths: string[], ok: Answer, conflictType?: string): Answer {
  switch (round % 4) {
    case 0:
      return ok;
    case 1:
      return hostileProblem(422, feed, [...paths, 'no.such.field']);
    case 2:
      return hostileProblem(409, feed, [], conflictType);
    default:
      return hostileProblem(500, feed);
  }
}

describe('reliability: hostile content', function () {
  // Each test renders a widget several times with thousands of characters of markup: allow a loaded machine.
  this.timeout(15_000);
  beforeEach(() => {
    wires = setTripwires();
  });

  afterEach(async () => {
    // Images fail to load, frames load and handlers fire in later tasks: give them time before the last look
    // (and the last test waits longer for anything slower).
    await wait(50);
    try {
      expect(wires.hits, 'vectors executed').to.deep.equal([]);
      expect(wires.dialogs, 'dialogs opened').to.deep.equal([]);
    } finally {
      wires.restore();
      fixtureCleanup();
      resetSharedClients();
    }
  });

  after(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('civic-')) localStorage.removeItem(key);
  });

  describe('the corpus and the checks', () => {
    it(`has at least 150 distinct vectors, each calling the sentinel (${XSS_VECTORS.length})`, () => {
      expect(XSS_VECTORS.length).to.be.at.least(150);
      expect(new Set(XSS_VECTORS.map((v) => v.text)).size).to.equal(XSS_VECTORS.length);
      const silent = XSS_VECTORS.filter((v) => !/xss|__x|base64|atob/.test(v.text));
      expect(silent).to.deep.equal([]);
      expect(Math.max(...XSS_VECTORS.map((v) => v.text.length))).to.be.at.most(200);
    });

    it('the tripwires see a vector that runs, and the checks see dangerous markup (positive control)', async () => {
      const host = document.createElement('div');
      host.attachShadow({ mode: 'open' }).innerHTML =
        '<img src="data:,x" onerror="__xss(-1)"><a href=" JaVa\tScRiPt:x">x</a><form action="data:text/html,x"></form><iframe></iframe>';
      document.body.append(host);
      await waitUntil(() => wires.hits.length > 0, 'the sentinel did not fire');
      expect(wires.hits).to.deep.equal([-1]);
      expect(dangerousNodes(host)).to.have.length.of.at.least(4);
      window.alert('x');
      expect(wires.dialogs).to.deep.equal(['alert(x)']);
      host.remove();
      wires.hits.length = 0;
      wires.dialogs.length = 0;
    });
  });

  describe('dangerous URLs', () => {
    it('the protocol refuses every javascript:, data: and vbscript: URL, and the widgets show an error instead', async () => {
      expect(URL_VECTORS.length).to.be.at.least(20);
      const feed = new VectorFeed();
      for (const vector of URL_VECTORS) {
        const petition = { ...hostilePetition('p', feed, 0), privacyNoticeUrl: vector.text };
        const services = hostileServices(feed, 0, 1).map((s) => ({ ...s, url: vector.text }));
        const client = hostileClient(({ path }) =>
          path === '/petitions/p'
            ? { status: 200, body: petition }
            : path === '/services'
              ? { status: 200, body: { items: services, total: 1, page: 1, pageSize: 10 } }
              : undefined,
        );
        const refused = await client.getPetition('p').catch((e: unknown) => e);
        expect(refused, vector.text).to.be.instanceOf(ClientError).and.include({ kind: 'invalid-response' });
        const refusedService = await client.searchServices({}).catch((e: unknown) => e);
        expect(refusedService, vector.text).to.be.instanceOf(ClientError).and.include({ kind: 'invalid-response' });
        expect(safeHref(vector.text), vector.text).to.equal(undefined);
        expect(directionsHref('{address}', { ...services[0]!.location, address: vector.text })).to.equal(undefined);
      }
      // One widget end to end: the refused answer is an error, with no link anywhere.
      const client = hostileClient(() => ({
        status: 200,
        body: { ...hostilePetition('p', feed, 0), privacyNoticeUrl: 'javascript:__xss(1)' },
      }));
      const el = await fixture(html`<civic-petition petition-id="p" .client=${client}></civic-petition>`);
      await until(el, '[role=alert]', 'no error for an invalid answer');
      expect(shadow(el).querySelector('a')).to.equal(null);
      check(el, [], 'petition with a javascript: privacy link');
    });

    it('links built from https: URLs that carry markup stay https: links', () => {
      const feed = new VectorFeed();
      for (let i = 0; i < 40; i++) {
        const url = hostileServices(feed, i, 1)[0]!.url!;
        const href = safeHref(url);
        if (href !== undefined) expect(href, url).to.match(/^https:\/\//);
        expect(dangerousUrl(href ?? '')).to.equal(false);
      }
    });
  });

  describe('<civic-petition> and <civic-petition-counter>: loaded, responded, signed, refused, closed, failed', () => {
    const feed = new VectorFeed();
    for (let round = 0; round < ROUNDS; round++)
      it(`round ${round}`, async () => {
        const id = `p${round}`;
        const petition = hostilePetition(id, feed, round);
        const sign = submitAnswer(round, feed, ['name', 'email', 'postcode', 'country'], {
          status: 201,
          body: { receiptId: 'r-1', status: 'counted', signatureCount: 6 },
        });
        const handler: Handler = ({ method, path }) => {
          if (method === 'GET' && path === `/petitions/${id}`) return { status: 200, body: petition };
          if (method === 'POST' && path === `/petitions/${id}/signatures`) return sign;
          return undefined;
        };
        const client = hostileClient(handler);
        const root = await fixture(html`<div>
        <civic-petition petition-id=${id} .client=${client}></civic-petition>
        <civic-petition-counter petition-id=${id} refresh-interval="0" .client=${client}></civic-petition-counter>
      </div>`);
        const [el, counter] = [root.children[0] as HTMLElement, root.children[1] as HTMLElement];
        await until(el, 'h2', 'the petition did not load');
        await until(counter, '.count', 'the counter did not load');
        const shown = [
          petition.title,
          ...lines(petition.summary),
          ...lines(petition.body),
          petition.thresholds[0]!.label,
          petition.response!.summary,
          ...lines(petition.response!.body),
        ];
        check(root, shown, `petition round ${round}, loaded`);
        expect(shadow(el).querySelector('a[target=_blank]')?.getAttribute('href') ?? 'none').to.not.match(
          /^javascript/i,
        );

        await fillForm(el, { country: 'GB' });
        shadow(el).querySelector<HTMLButtonElement>('[part=submit-button]')!.click();
        await until(el, '[data-confirmation], [role=alert]', 'no answer to signing');
        await wait(20); // a 409 reloads the petition quietly
        check(root, shown, `petition round ${round}, after signing (answer ${round % 4})`);
      });
  });

  for (const kind of ['single', 'multiple', 'ranked'] as PollKind[]) {
    describe(`<civic-poll> (${kind}): question, options, results as chart and table, vote accepted, refused, failed`, () => {
      const feed = new VectorFeed();
      for (let round = 0; round < ROUNDS / 2; round++)
        it(`round ${round}`, async () => {
          const id = `${kind}-${round}`;
          const poll = hostilePoll(id, kind, feed, round);
          const results = hostileResults(poll);
          const vote = submitAnswer(
            round + (kind === 'ranked' ? 1 : 0),
            feed,
            ['choices', 'voterToken'],
            { status: 201, body: { receiptId: feed.one(100), results } },
            'https://civic.example/problems/already-voted',
          );
          const handler: Handler = ({ method, path }) => {
            if (method === 'GET' && path === `/polls/${id}`) return { status: 200, body: poll };
            if (method === 'GET' && path === `/polls/${id}/results`) return { status: 200, body: results };
            if (method === 'POST' && path === `/polls/${id}/votes`) return vote;
            return undefined;
          };
          const el = await fixture(html`<civic-poll poll-id=${id} .client=${hostileClient(handler)}></civic-poll>`);
          await until(el, '[part=result]', 'the poll and its results did not load');
          const labels = poll.options.map((o) => o.label);
          const descriptions = kind === 'ranked' ? [] : poll.options.flatMap((o) => lines(o.description));
          const shown = [poll.question, ...lines(poll.description), ...labels, ...descriptions];
          check(el, shown, `${kind} poll round ${round}, loaded with results`);

          shadow(el).querySelector<HTMLButtonElement>('[part=result] button[aria-pressed]')!.click();
          await until(el, '[part=result] table', 'no results table');
          check(el, shown, `${kind} poll round ${round}, results as a table`);

          if (kind === 'ranked') {
            shadow(el).querySelector<HTMLButtonElement>('#down-0')!.click();
            await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
            check(el, shown, `${kind} poll round ${round}, after moving an option`);
          } else {
            const boxes = [...shadow(el).querySelectorAll<HTMLInputElement>('input[name=choice]')].slice(0, 2);
            for (const box of boxes) box.click();
            await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
          }
          shadow(el).querySelector<HTMLButtonElement>('[part=submit-button]')!.click();
          await until(el, '[data-confirmation], [role=alert]', 'no answer to voting');
          await wait(20); // a 409 reloads the poll quietly
          const receipt =
            'receiptId' in (vote as { body: object }).body
              ? [(vote as { body: { receiptId: string } }).body.receiptId]
              : [];
          check(
            el,
            [poll.question, ...labels, ...receipt],
            `${kind} poll round ${round}, after voting (answer ${round % 4})`,
          );
        });
    });
  }

  describe('<civic-feedback>: the backend’s extra questions, held and sent, accepted, refused, failed', () => {
    const feed = new VectorFeed();
    for (let round = 0; round < ROUNDS; round++)
      it(`round ${round}`, async () => {
        const required = round % 2 === 1;
        const fields: FeedbackField[] = hostileFeedbackFields(feed, required);
        let posts = 0;
        const handler: Handler = ({ method, path }) => {
          if (method !== 'POST' || path !== '/feedback') return undefined;
          posts++;
          // The rating alone (not held) is accepted, so the follow-up with the questions shows.
          if (!required && posts === 1) return { status: 201, body: { receiptId: 'f-1' } };
          return submitAnswer(round, feed, [`fields.${fields[1]!.code}`, 'comment', 'reasons'], {
            status: 201,
            body: { receiptId: 'f-2' },
          });
        };
        const el = await fixture(
          html`<civic-feedback topic="page:/hostile" .client=${hostileClient(handler, fields)}></civic-feedback>`,
        );
        await until(el, 'civic-rating', 'the rating did not show');
        const rating = shadow(el).querySelector('civic-rating') as HTMLElement & { updateComplete: Promise<unknown> };
        await rating.updateComplete;
        rating.shadowRoot!.querySelector<HTMLElement>('[data-value="0"]')!.click();
        await until(el, '[data-confirmation]', 'no follow-up');
        await until(el, '#field-1', 'the extra questions did not show');
        const shown = fields.flatMap((f) => [f.label, f.hint, ...(f.options ?? []).map((o) => o.label)]);
        check(el, shown, `feedback round ${round}, follow-up with the backend's questions`);

        shadow(el).querySelector<HTMLInputElement>('#field-1')!.value = 'An answer';
        shadow(el).querySelector<HTMLButtonElement>('form [part=submit-button]')!.click();
        await until(el, '#thanks, [role=alert]', 'no answer to the follow-up');
        const thanked = shadow(el).querySelector('#thanks') !== null;
        check(el, thanked ? [] : shown, `feedback round ${round}, after sending (answer ${round % 4})`);
      });
  });

  describe('<civic-service-locator>: categories, results, every service’s details, JSON-LD, refused and failed searches', () => {
    const feed = new VectorFeed();
    for (let round = 0; round < ROUNDS; round++)
      it(`round ${round}`, async () => {
        const categories = hostileCategories(feed);
        const services = hostileServices(feed, round);
        let searches = 0;
        const handler: Handler = ({ path }) => {
          if (path === '/services/categories') return { status: 200, body: categories };
          if (path !== '/services') return undefined;
          searches++;
          if (searches === 1) return { status: 200, body: { items: services, total: 40, page: 1, pageSize: 10 } };
          return round % 2 ? hostileProblem(422, feed, ['postcode', 'q']) : hostileProblem(503, feed);
        };
        const el = await fixture(html`<civic-service-locator
        json-ld
        map-url="https://maps.example/dir?to={address}&at={lat},{lng}"
        .client=${hostileClient(handler)}
      ></civic-service-locator>`);
        await until(el, 'ol li', 'no results');
        await waitUntil(() => el.querySelector('script[data-civic-json-ld]'), 'no JSON-LD');
        const listed = services.flatMap((s) => [
          s.name,
          s.organization,
          s.location.address,
          s.location.postcode,
          s.phone,
        ]);
        check(el, [...categories.map((c) => c.label), ...listed], `service locator round ${round}, results`);
        for (const script of el.querySelectorAll('script[data-civic-json-ld]')) {
          expect(script.textContent).to.not.contain('<');
          expect(JSON.parse(script.textContent!)).to.have.property('@type', 'GovernmentService');
        }
        const links = [...shadow(el).querySelectorAll('a')].map((a) => a.href);
        expect(links.filter((href) => !/^(?:https:|tel:|mailto:)/.test(href))).to.deep.equal([]);

        for (let i = 0; i < services.length; i++) {
          const service = services[i]!;
          shadow(el).querySelector<HTMLButtonElement>(`button[data-index="${i}"]`)!.click();
          await until(el, '#details-heading', 'no details');
          const details = [
            service.name,
            ...lines(service.description),
            ...lines(service.eligibility),
            ...lines(service.accessibility),
            ...lines(service.hours?.notes),
            service.languages![1],
            ...(i === services.length - 1 ? [service.hours!.timeZone] : []),
          ];
          check(el, details, `service locator round ${round}, details of service ${i}`);
          shadow(el).querySelector<HTMLButtonElement>('[aria-labelledby=details-heading] button')!.click();
          await waitUntil(() => !shadow(el).querySelector('#details-heading'), 'details did not close');
        }

        const form = shadow(el).querySelector('form')!;
        form.querySelector<HTMLInputElement>('#postcode')!.value = 'LS1 3AB';
        form.requestSubmit();
        await until(el, '[role=alert], #postcode-error, [aria-invalid=true]', 'no error for a failed search');
        check(
          el,
          categories.map((c) => c.label),
          `service locator round ${round}, failed search`,
        );
      });
  });

  it('load errors with hostile problem documents show the widgets’ own words', async () => {
    const feed = new VectorFeed();
    const failures: Answer[] = [
      hostileProblem(500, feed),
      hostileProblem(404, feed),
      hostileProblem(422, feed, ['id']),
      hostileProblem(403, feed),
      { status: 200, body: { title: feed.one(), detail: feed.one() } }, // valid JSON, not the protocol
      new TypeError(feed.one()),
    ];
    for (const failure of failures) {
      const client = hostileClient(() => failure);
      const root = await fixture(html`<div>
        <civic-petition petition-id="p" .client=${client}></civic-petition>
        <civic-petition-counter petition-id="p" refresh-interval="0" .client=${client}></civic-petition-counter>
        <civic-poll poll-id="q" .client=${client}></civic-poll>
        <civic-service-locator .client=${client}></civic-service-locator>
      </div>`);
      for (const el of root.children) await until(el, '[role=alert]', 'no load error');
      check(root, [], `load error ${failure instanceof Error ? 'network' : failure.status}`);
    }
    expect(chunks(2000).length).to.be.greaterThan(1);
  });

  it('nothing ran after everything settled', async () => {
    await wait(500);
    expect(wires.hits).to.deep.equal([]);
  });
});
