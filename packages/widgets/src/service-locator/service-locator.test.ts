import type { Service } from '@civic-widgets/client';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { resetSharedClients } from '../internal/client.js';
import { describeExamples } from '../test-support/axe.js';
import { checkCatalog } from '../test-support/catalog.js';
import { sendKeys } from '../test-support/keys.js';
import {
  examples,
  hostileService,
  locatorClient,
  manyServices,
  searched,
  seededServices,
} from './service-locator.examples.js';
import type { CivicServiceLocator } from './service-locator.js';
import { serviceLocatorCatalog } from './service-locator.strings.js';
import { directionsHref, searchFromUrl, searchQuery, urlWithSearch } from './service-locator-data.js';
import { jsonLd } from './service-locator-json-ld.js';

const root = (el: HTMLElement) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => root(el).querySelector<T>(selector);
const texts = (el: HTMLElement, selector: string) =>
  [...root(el).querySelectorAll(selector)].map((node) => node.textContent!.replace(/\s+/g, ' ').trim());
/** Whether the element matching `selector` exists and has focus. */
const focused = (el: HTMLElement, selector: string) => {
  const target = $(el, selector);
  return target !== null && root(el).activeElement === target;
};
const names = (el: HTMLElement) => texts(el, 'ol h3');
const searches = (client: ReturnType<typeof locatorClient>) =>
  client.calls.filter((c) => c.method === 'searchServices').map((c) => c.args[0]);

async function show(services: Service[] = seededServices, attributes: Record<string, string> = {}) {
  const client = locatorClient(services);
  const el = await fixture<CivicServiceLocator>(
    html`<civic-service-locator .client=${client}></civic-service-locator>`,
  );
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  await searched(el);
  return { el, client };
}

async function submit(el: CivicServiceLocator, values: { q?: string; postcode?: string } = {}) {
  if (values.q !== undefined) $<HTMLInputElement>(el, '#q')!.value = values.q;
  if (values.postcode !== undefined) $<HTMLInputElement>(el, '#postcode')!.value = values.postcode;
  const answered = oneEvent(el, 'civic-results');
  $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
  await answered;
  await el.updateComplete;
}

function stubGeolocation(behave: (ok: PositionCallback, fail: PositionErrorCallback) => void) {
  return sinon
    .stub(navigator.geolocation, 'getCurrentPosition')
    .callsFake((ok, fail) => behave(ok, fail ?? (() => undefined)));
}

describe('<civic-service-locator>', () => {
  afterEach(() => {
    sinon.restore();
    resetSharedClients();
  });

  describeExamples(examples);
  checkCatalog('serviceLocator', serviceLocatorCatalog);

  it('lists categories and every service, and announces the count politely', async () => {
    const { el, client } = await show();
    expect(client.calls[0]!.method).to.equal('listServiceCategories');
    expect(searches(client)).to.deep.equal([{ page: 1, pageSize: 10 }]);
    expect(names(el)).to.have.length(6);
    expect(texts(el, '#category option')).to.deep.equal([
      'Any category',
      'Food banks and meals',
      'Libraries',
      'Health',
      'Advice and benefits',
      'Jobs and training',
    ]);
    const status = $(el, '[role=status][aria-live=polite]')!;
    expect(status.textContent!.trim()).to.equal('6 services found');
    expect($(el, 'form')!.getAttribute('role')).to.equal('search');
  });

  it('searches by words and filters by category and opening', async () => {
    const { el, client } = await show();
    await submit(el, { q: 'food parcels' });
    expect(searches(client).at(-1)).to.deep.equal({ q: 'food parcels', page: 1, pageSize: 10 });
    expect(names(el)).to.deep.equal(['Harehills Food Bank']);
    expect(texts(el, '[role=status][aria-live=polite]')[0]).to.equal('1 service found');

    $<HTMLInputElement>(el, '#q')!.value = '';
    const category = $<HTMLSelectElement>(el, '#category')!;
    category.value = 'advice';
    const answered = oneEvent(el, 'civic-results');
    category.dispatchEvent(new Event('change', { bubbles: true }));
    await answered;
    expect(searches(client).at(-1)).to.deep.equal({ category: 'advice', page: 1, pageSize: 10 });
    expect(names(el)).to.have.members(['St George’s Night Shelter', 'City Jobs Hub', 'Citizens Advice Example']);

    const open = $<HTMLInputElement>(el, '#open')!;
    open.checked = true;
    const again = oneEvent(el, 'civic-results');
    open.dispatchEvent(new Event('change', { bubbles: true }));
    await again;
    expect(searches(client).at(-1)).to.deep.equal({ category: 'advice', openNow: true, page: 1, pageSize: 10 });
  });

  it('debounces typing: one search after the citizen pauses', async () => {
    const { el, client } = await show();
    const input = $<HTMLInputElement>(el, '#q')!;
    input.focus();
    const before = searches(client).length;
    // Seven keystrokes with no pause between them: sendKeys on a loaded machine can pause longer than the debounce.
    for (const letter of 'library') {
      input.value += letter;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: letter }));
    }
    expect(searches(client).length).to.equal(before);
    await waitUntil(() => searches(client).length === before + 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(searches(client).slice(before)).to.deep.equal([{ q: 'library', page: 1, pageSize: 10 }]);
  });

  it('searches by postcode, nearest first, with distances and the radius', async () => {
    const { el, client } = await show();
    await submit(el, { postcode: 'LS8 5AQ' });
    expect(searches(client).at(-1)).to.deep.equal({ postcode: 'LS8 5AQ', radiusKm: 5, page: 1, pageSize: 10 });
    expect(names(el)[0]).to.equal('Harehills Food Bank');
    const shown = texts(el, 'ol li').map((t) => Number(/([\d.]+) km away/.exec(t)?.[1]));
    expect(shown.every((d) => !Number.isNaN(d))).to.be.true;
    expect(shown).to.deep.equal([...shown].sort((a, b) => a - b));
    expect(texts(el, 'ol li')[0]).to.contain('0 km away');
  });

  it('says when a postcode is unknown, on the field', async () => {
    const { el } = await show();
    $<HTMLInputElement>(el, '#postcode')!.value = 'ZZ9 9ZZ';
    $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
    await waitUntil(() => $(el, '#postcode-error'));
    expect($(el, '#postcode')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#postcode')!.getAttribute('aria-describedby')).to.contain('postcode-error');
    expect(texts(el, '#postcode-error')[0]).to.contain('We could not find that postcode');
  });

  it('uses the device location only when asked, sends it to about 100 m, and lists nearest first', async () => {
    const getPosition = stubGeolocation((ok) =>
      ok({ coords: { latitude: 53.81074321, longitude: -1.52391234 } } as GeolocationPosition),
    );
    const { el, client } = await show();
    expect(getPosition.called).to.be.false;
    const answered = oneEvent(el, 'civic-results');
    [...root(el).querySelectorAll('button')].find((b) => b.textContent === 'Use my location')!.click();
    const event = await answered;
    expect(getPosition.calledOnce).to.be.true;
    expect(searches(client).at(-1)).to.deep.equal({
      lat: 53.811,
      lng: -1.524,
      radiusKm: 5,
      page: 1,
      pageSize: 10,
    });
    expect(event.detail.results[0]).to.include({ id: 'harehills-food-bank', lat: 53.8107, lng: -1.5239 });
    await el.updateComplete;
    expect(texts(el, 'form [role=status]')[0]).to.equal('Showing services near your current location.');
    expect(names(el)[0]).to.equal('Harehills Food Bank');
  });

  for (const [code, message] of [
    [1, 'You did not allow this page to use your location'],
    [2, 'Your location is not available on this device'],
    [3, 'Finding your location took too long'],
  ] as const) {
    it(`explains a location error (code ${code}) and keeps the postcode path`, async () => {
      stubGeolocation((_, fail) => fail({ code } as GeolocationPositionError));
      const { el, client } = await show();
      const before = searches(client).length;
      [...root(el).querySelectorAll('button')].find((b) => b.textContent === 'Use my location')!.click();
      await el.updateComplete;
      expect(texts(el, '[role=alert]')[0]).to.contain(message);
      expect(searches(client).length).to.equal(before);
    });
  }

  it('explains when the browser has no geolocation at all', async () => {
    const { el } = await show();
    Object.defineProperty(navigator, 'geolocation', { value: undefined, configurable: true });
    try {
      [...root(el).querySelectorAll('button')].find((b) => b.textContent === 'Use my location')!.click();
      await el.updateComplete;
    } finally {
      delete (navigator as { geolocation?: unknown }).geolocation;
    }
    expect(texts(el, '[role=alert]')[0]).to.contain('Your location is not available on this device');
  });

  it('shows more results a page at a time and moves focus to the first new one', async () => {
    const { el, client } = await show(manyServices(25), { 'page-size': '10' });
    await submit(el, {});
    expect(names(el)).to.have.length(10);
    const more = [...root(el).querySelectorAll('button')].find((b) => b.textContent === 'Show more services')!;
    const answered = oneEvent(el, 'civic-results');
    more.click();
    const event = await answered;
    await el.updateComplete;
    expect(event.detail.results).to.have.length(20);
    expect(searches(client).at(-1)).to.include({ page: 2, pageSize: 10 });
    expect(names(el)).to.have.length(20);
    expect(root(el).activeElement).to.equal($(el, '#r10'));
    expect(root(el).activeElement!.textContent).to.equal('Service 11');
  });

  it('renders one page however large the directory, and the query asks for one page', async () => {
    const { el, client } = await show(manyServices(10_000));
    expect(root(el).querySelectorAll('ol > li')).to.have.length(10);
    expect(searches(client)[0]).to.deep.equal({ page: 1, pageSize: 10 });
    expect(texts(el, '[role=status][aria-live=polite]')[0]).to.equal('10,000 services found');
  });

  it('shows details with languages, weekly hours and contact, and "back" returns focus to the same result', async () => {
    const { el } = await show();
    $<HTMLButtonElement>(el, 'button[data-index="0"]')!.click();
    await waitUntil(() => focused(el, '#details-heading'), 'the details heading took no focus');
    expect($(el, '#details-heading')!.textContent).to.equal('Central Library');
    expect($(el, '.results')!.hidden).to.be.true;
    expect(texts(el, '[aria-labelledby=details-heading]')[0])
      .to.contain('English, Urdu, Polish')
      .and.contain('Step-free entrance');
    expect(texts(el, 'caption')[0]).to.equal('Local time at the service (Europe/London).');
    const rows = [...root(el).querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((cell) => cell.textContent).join(' '),
    );
    expect(rows).to.deep.equal([
      'Monday 9:00 AM–8:00 PM',
      'Tuesday 9:00 AM–8:00 PM',
      'Wednesday 9:00 AM–8:00 PM',
      'Thursday 9:00 AM–8:00 PM',
      'Friday 9:00 AM–8:00 PM',
      'Saturday 10:00 AM–5:00 PM',
      'Sunday 12:00 PM–4:00 PM',
    ]);
    expect($(el, 'article a[href^="tel:"]')!.getAttribute('href')).to.equal('tel:01133785005');
    [...root(el).querySelectorAll('button')].find((b) => b.textContent === 'Back to the list')!.click();
    await el.updateComplete;
    expect(root(el).activeElement).to.equal($(el, 'button[data-index="0"]'));
    expect($(el, '.results')!.hidden).to.be.false;
  });

  it('is usable with the keyboard alone: search, open details, go back', async () => {
    const { el, client } = await show();
    $(el, '#q')!.focus();
    await sendKeys({ type: 'jobs' });
    const answered = oneEvent(el, 'civic-results');
    await sendKeys({ press: 'Enter' });
    await answered;
    await el.updateComplete;
    expect(searches(client).at(-1)).to.include({ q: 'jobs' });
    expect(names(el)).to.deep.equal(['City Jobs Hub']);
    $(el, 'ol a')!.focus(); // the first link of the result, then on to its details button
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement!.textContent).to.equal('More about City Jobs Hub');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(el, '#details-heading'), 'the details heading took no focus');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(root(el).activeElement!.textContent).to.equal('Back to the list');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(root(el).activeElement!.textContent).to.equal('More about City Jobs Hub');
  });

  it('tells whether a service is open now and when that changes, on the venue clock', async () => {
    // Wednesday 25 November 2026, 11:00 in London.
    sinon.useFakeTimers({ now: new Date('2026-11-25T11:00:00Z'), toFake: ['Date'] });
    const { el } = await show();
    const byName = (name: string) => texts(el, 'ol li').find((t) => t.startsWith(name))!;
    expect(byName('Central Library')).to.contain('Open now, closes 8:00 PM');
    expect(byName('Harehills Food Bank')).to.contain('Closed, opens Friday 10:00 AM');
    expect(byName('St George’s Night Shelter')).to.contain('Closed, opens 8:00 PM');
  });

  it('renders HTML and script in names, addresses and descriptions as text, and drops javascript: links', async () => {
    const { el } = await show([hostileService], { 'json-ld': '' });
    expect(names(el)).to.deep.equal([hostileService.name]);
    expect(texts(el, 'ol dd')[0]).to.contain('<script>window.pwned=1</script> 1 Street');
    expect(root(el).querySelector('ol img, ol script, ol b')).to.equal(null);
    expect([...root(el).querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.not.include(
      'javascript:alert(1)',
    );
    $<HTMLButtonElement>(el, 'button[data-index="0"]')!.click();
    await waitUntil(() => $(el, '#details-heading'));
    expect(root(el).querySelector('article script, article img')).to.equal(null);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
    await waitUntil(() => el.querySelector('script[type="application/ld+json"]'), 'no JSON-LD');
    const scripts = el.querySelectorAll('script[type="application/ld+json"]');
    expect(scripts).to.have.length(1);
    expect(scripts[0]!.textContent).to.not.contain('<');
    expect(JSON.parse(scripts[0]!.textContent!)).to.include({
      '@type': 'GovernmentService',
      name: hostileService.name,
    });
    el.jsonLd = false;
    await waitUntil(() => !el.querySelector('script'), 'the JSON-LD stayed after json-ld was turned off');
  });

  it('keeps page size and radius within what the protocol accepts', () => {
    const search = { q: '', category: '', postcode: 'LS1 3AB', radiusKm: 9000, openNow: false };
    expect(searchQuery(search, 1, 500)).to.deep.equal({ postcode: 'LS1 3AB', radiusKm: 500, page: 1, pageSize: 100 });
    expect(searchQuery({ ...search, radiusKm: 0 }, 2, 0)).to.deep.equal({
      postcode: 'LS1 3AB',
      radiusKm: 0.1,
      page: 2,
      pageSize: 1,
    });
  });

  it('builds directions only from a configured template, URL-encoded, and never a javascript: one', () => {
    const place = { address: '1 Calverley St & <b>', postcode: 'LS1 3AB', lat: 53.8, lng: -1.5 };
    expect(directionsHref(undefined, place)).to.equal(undefined);
    expect(directionsHref('https://maps.example/?q={address}&at={lat},{lng}', place)).to.equal(
      'https://maps.example/?q=1%20Calverley%20St%20%26%20%3Cb%3E%2C%20LS1%203AB&at=53.8,-1.5',
    );
    expect(directionsHref('javascript:alert({lat})', place)).to.equal(undefined);
    expect(jsonLd({ ...seededServices[0]!, name: '</script><script>x()</script>' }, undefined)).to.not.contain('<');
  });

  it('keeps the search in the address when asked, and the back button restores it', async () => {
    const start = location.href;
    try {
      const { el, client } = await show(seededServices, { 'sync-url': '' });
      await submit(el, { q: 'food' });
      expect(new URL(location.href).searchParams.get('q')).to.equal('food');
      await submit(el, { q: 'library' });
      expect(new URL(location.href).searchParams.get('q')).to.equal('library');
      const restored = oneEvent(el, 'civic-results');
      history.back();
      await restored;
      await el.updateComplete;
      expect(searches(client).at(-1)).to.deep.equal({ q: 'food', page: 1, pageSize: 10 });
      expect($<HTMLInputElement>(el, '#q')!.value).to.equal('food');
    } finally {
      history.replaceState(null, '', start);
    }
  });

  it("writes and reads the search in an address, keeping the page's own parameters and never the location", () => {
    const search = {
      q: 'food bank',
      category: 'food',
      postcode: '',
      radiusKm: 10,
      openNow: true,
      lat: 53.8,
      lng: -1.5,
    };
    const href = urlWithSearch('https://council.example/find?tab=2&q=old', search, 5);
    expect(href).to.equal('https://council.example/find?tab=2&q=food+bank&category=food&radius=10&open=1');
    expect(searchFromUrl(new URL(href).search, { category: '', radiusKm: 5 })).to.deep.equal({
      ...search,
      lat: undefined,
      lng: undefined,
    });
  });

  it('starts from a shared link: the search in the address is run and shown in the form', async () => {
    const start = location.href;
    history.replaceState(null, '', `${location.pathname}?q=food&category=food&open=1`);
    try {
      const client = locatorClient();
      const el = await fixture<CivicServiceLocator>(
        html`<civic-service-locator sync-url .client=${client}></civic-service-locator>`,
      );
      await searched(el);
      await el.updateComplete;
      expect(searches(client)[0]).to.deep.equal({ q: 'food', category: 'food', openNow: true, page: 1, pageSize: 10 });
      expect($<HTMLInputElement>(el, '#q')!.value).to.equal('food');
      expect($<HTMLSelectElement>(el, '#category')!.value).to.equal('food');
      expect($<HTMLInputElement>(el, '#open')!.checked).to.be.true;
    } finally {
      history.replaceState(null, '', start);
    }
  });

  it('does not touch the address without sync-url', async () => {
    const start = location.href;
    const { el } = await show();
    await submit(el, { q: 'food' });
    expect(location.href).to.equal(start);
  });

  it('finds the seeded services end to end through the memory adapter', async () => {
    const el = await fixture<CivicServiceLocator>(
      html`<civic-service-locator adapter="memory"></civic-service-locator>`,
    );
    await waitUntil(() => $(el, 'ol'), 'no results from the memory adapter', { timeout: 3000 });
    expect(names(el)).to.have.length(6);
    await submit(el, { postcode: 'LS7 4BB' });
    expect(texts(el, 'ol li')[0]).to.contain('km away');
  });

  it('speaks Arabic right to left', async () => {
    const client = locatorClient();
    const wrapper = await fixture(
      html`<div lang="ar"><civic-service-locator .client=${client}></civic-service-locator></div>`,
    );
    const el = wrapper.querySelector('civic-service-locator')!;
    await searched(el);
    await el.updateComplete;
    expect($(el, '[part=base]')!.getAttribute('dir')).to.equal('rtl');
    expect($(el, 'h2')!.textContent).to.equal('ابحث عن خدمة قريبة منك');
    expect(texts(el, '[role=status][aria-live=polite]')[0]).to.match(/^عُثر على \S+ خدمات$/);
  });
});
