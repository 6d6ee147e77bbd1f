import type { FeedbackRequest } from '@civic-widgets/client';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { resetSharedClients } from '../internal/client.js';
import { checkCatalog } from '../test-support/catalog.js';
import { sendKeys } from '../test-support/keys.js';
import { feedbackClient, rate } from './feedback.examples.js';
import type { CivicFeedback } from './feedback.js';
import { locationCatalog } from './location.js';

// <civic-feedback location="ask">: "Where is the problem?", answered with the resident's position (the browser's
// geolocation, stubbed here: allowed, refused, unavailable) or a typed address, and sent with the rating.

const root = (el: HTMLElement) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => root(el).querySelector<T>(selector);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();
const focused = (el: HTMLElement) => root(el).activeElement;
const status = (el: HTMLElement) => $(el, '#locate-status');

type Geolocate = Parameters<Geolocation['getCurrentPosition']>;
/** Replaces the browser's geolocation: the test answers each request with `answer` (or keeps it pending). */
function stubGeolocation(answer?: (success: Geolocate[0], failure: NonNullable<Geolocate[1]>) => void) {
  return sinon
    .stub(navigator.geolocation, 'getCurrentPosition')
    .callsFake((success, failure) => answer?.(success, failure!));
}
const found = (latitude: number, longitude: number) => (success: Geolocate[0]) =>
  success({ coords: { latitude, longitude, accuracy: 10 }, timestamp: Date.now() } as unknown as GeolocationPosition);
const failed = (code: number) => (_: Geolocate[0], failure: NonNullable<Geolocate[1]>) =>
  failure({
    code,
    message: 'stub',
    PERMISSION_DENIED: 1,
    POSITION_UNAVAILABLE: 2,
    TIMEOUT: 3,
  } as unknown as GeolocationPositionError);

/** The widget with `location="ask"` on a fake client; `bodies` are the requests it sends. */
async function asking(lang = 'en') {
  const client = feedbackClient();
  const el = await fixture<CivicFeedback>(
    html`<civic-feedback lang=${lang} topic="page:/bins" location="ask" no-comment reasons="" .client=${client}></civic-feedback>`,
  );
  await el.updateComplete;
  const bodies = () => client.calls.map((call) => call.args[0] as FeedbackRequest);
  return { el, bodies };
}

/** Rates, which shows the question instead of sending the rating alone. */
async function rateAndAsk(el: CivicFeedback) {
  await rate(el, 1);
  await waitUntil(() => $(el, '#locate'), 'the location was not asked');
}

/** Sends the follow-up and waits for `until`: the thanks, or the error summary. */
const send = async (el: HTMLElement, until = '#thanks') => {
  $<HTMLFormElement>(el, 'form')!.requestSubmit();
  await waitUntil(() => $(el, until), `no ${until}`);
};

const typeAddress = (el: HTMLElement, value: string) => {
  const input = $<HTMLInputElement>(el, '#address')!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('<civic-feedback location="ask">', () => {
  checkCatalog('feedback location', locationCatalog);

  afterEach(() => {
    sinon.restore();
    resetSharedClients();
  });

  it('asks where after the rating, and sends the position only once the resident used it, with the rating', async () => {
    let answer!: () => void;
    const geolocate = stubGeolocation((success) => {
      answer = () => found(53.7964812, -1.5478529)(success);
    });
    const { el, bodies } = await asking();
    await rateAndAsk(el);
    expect(bodies(), 'the rating waits for the place').to.deep.equal([]);
    expect(text($(el, 'fieldset legend'))).to.equal('Where is the problem?');
    expect(geolocate.called, 'no prompt before the resident asks').to.equal(false);
    expect(status(el)).to.have.attribute('role', 'status');
    $(el, '#locate')!.click();
    await el.updateComplete;
    expect(text(status(el))).to.equal('Finding your location…');
    answer();
    await el.updateComplete;
    expect(text(status(el))).to.equal('Location added');
    await send(el);
    expect(bodies()).to.have.length(1);
    expect(bodies()[0]!.location).to.deep.equal({ lat: 53.79648, lng: -1.54785 });
    expect(bodies()[0]!.rating).to.deep.equal({ scale: 'thumbs', value: 1 });
    expect(bodies()[0]!.address).to.equal(undefined);
    expect(geolocate.calledOnce).to.equal(true);
  });

  it('sends a typed address instead, and no position', async () => {
    const geolocate = stubGeolocation();
    const { el, bodies } = await asking();
    await rateAndAsk(el);
    typeAddress(el, '  12 Park Row, Leeds ');
    await send(el);
    expect(bodies()[0]!.address).to.equal('12 Park Row, Leeds');
    expect(bodies()[0]!.location).to.equal(undefined);
    expect(geolocate.called).to.equal(false);
  });

  for (const [name, code, message] of [
    ['permission refused', 1, 'Your location was not shared. Type an address or a place instead.'],
    ['position unavailable', 2, 'Your location could not be found. Type an address or a place instead.'],
    ['timed out', 3, 'Your location could not be found. Type an address or a place instead.'],
  ] as const) {
    it(`${name}: says so, on the address field too, keeps what was typed, and the address goes`, async () => {
      stubGeolocation(failed(code));
      const { el, bodies } = await asking();
      await rateAndAsk(el);
      typeAddress(el, 'Town Hall');
      $(el, '#locate')!.click();
      await el.updateComplete;
      expect(text(status(el))).to.equal(message);
      const address = $<HTMLInputElement>(el, '#address')!;
      expect(address.getAttribute('aria-describedby')!.split(' ')).to.include('locate-status');
      expect(address.value).to.equal('Town Hall');
      await expect(el).to.be.accessible();
      await send(el);
      expect(bodies()[0]!.address).to.equal('Town Hall');
      expect(bodies()[0]!.location).to.equal(undefined);
    });
  }

  it('keyboard only: Tab to the button, Enter to locate, Tab to the address, Enter to send', async () => {
    stubGeolocation(found(48.8566, 2.3522));
    const { el, bodies } = await asking();
    await rateAndAsk(el);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('locate');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(status(el)) === 'Location added');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('address');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => bodies().length === 1);
    expect(bodies()[0]!.location).to.deep.equal({ lat: 48.8566, lng: 2.3522 });
  });

  it('in French: the question, the button and the message', async () => {
    stubGeolocation(failed(1));
    const { el } = await asking('fr');
    await rateAndAsk(el);
    await waitUntil(() => text($(el, 'fieldset legend')) === 'Où se trouve le problème ?', 'not in French');
    expect(text($(el, '#locate'))).to.equal('Utiliser ma position');
    $(el, '#locate')!.click();
    await el.updateComplete;
    expect(text(status(el))).to.equal('Votre position n’a pas été partagée. Saisissez plutôt une adresse ou un lieu.');
  });

  it('is accessible while asking and once the position is in', async () => {
    stubGeolocation(found(53.8, -1.55));
    const { el } = await asking();
    await rateAndAsk(el);
    await expect(el).to.be.accessible();
    $(el, '#locate')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  describe('through an Open311 server that requires a location', () => {
    const endpoint = 'https://proxy.example.gov/open311/v2';
    const answer = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

    /** `POST /requests.json` refuses a request without `lat`/`long` or `address_string`, as GeoReport servers do. */
    function serve() {
      const posted: URLSearchParams[] = [];
      sinon.stub(window, 'fetch').callsFake(async (input, init = {}) => {
        const path = new URL(String(input)).pathname;
        if (path.endsWith('/services.json')) {
          return answer(200, [{ service_code: 'pothole', service_name: 'Pothole', metadata: false }]);
        }
        const form = new URLSearchParams(String(init.body));
        if (init.method !== 'POST') return answer(404, [{ code: 404, description: 'Not found' }]);
        if (!(form.has('lat') && form.has('long')) && !form.has('address_string')) {
          return answer(400, [{ code: 400, description: 'A location is required: lat and long, or address_string' }]);
        }
        posted.push(form);
        return answer(200, [{ service_request_id: String(700 + posted.length) }]);
      });
      return posted;
    }

    const open311 = () =>
      fixture<CivicFeedback>(html`<civic-feedback topic="page:/roads" adapter="open311" endpoint=${endpoint}
        service-code="pothole" location="ask" no-comment reasons=""></civic-feedback>`);

    it("the server's refusal for want of a place is an error on the address field; an address then goes", async () => {
      const posted = serve();
      const el = await open311();
      await waitUntil(() => $(el, 'civic-rating'), 'the widget did not load');
      await rateAndAsk(el);
      await send(el, '[data-error-summary]');
      const summary = $(el, '[data-error-summary]')!;
      const required = 'Say where the problem is: use your location, or type an address or a place.';
      expect(text(summary.querySelector('li'))).to.equal(required);
      expect(summary.querySelector('a')!.getAttribute('href')).to.equal('#address');
      const address = $<HTMLInputElement>(el, '#address')!;
      expect(address).to.have.attribute('aria-invalid', 'true');
      expect(address.getAttribute('aria-describedby')!.split(' ')).to.include('address-error');
      expect(text($(el, '#address-error'))).to.contain(required);
      await expect(el).to.be.accessible();
      typeAddress(el, 'Corner of Park Row and Bond Street');
      await send(el);
      expect(posted).to.have.length(1);
      expect(posted[0]!.get('address_string')).to.equal('Corner of Park Row and Bond Street');
      expect(posted[0]!.get('attribute[rating]')).to.equal('1');
    });

    it('sends the position as lat and long', async () => {
      const posted = serve();
      stubGeolocation(found(53.7996, -1.5491));
      const el = await open311();
      await waitUntil(() => $(el, 'civic-rating'), 'the widget did not load');
      await rateAndAsk(el);
      $(el, '#locate')!.click();
      await waitUntil(() => text(status(el)) === 'Location added');
      await send(el);
      expect([posted[0]!.get('lat'), posted[0]!.get('long')]).to.deep.equal(['53.7996', '-1.5491']);
      expect(posted[0]!.has('address_string')).to.equal(false);
    });
  });
});
