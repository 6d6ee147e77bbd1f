import {
  type ClientError,
  nextChange,
  type OpeningHours,
  type Service,
  type ServiceCategory,
  ServicesClient,
} from '@civic-widgets/client/services';
import { html, nothing, type PropertyValues } from 'lit';
import { CivicElement } from '../internal/civic-element.js';
import {
  checkboxField,
  externalLink,
  type Field,
  fieldRenderer,
  liveStatus,
  pathOf,
  readFields,
  selectField,
  textField,
} from '../internal/fields.js';
import { clientErrorMessage, toClientError } from '../internal/messages.js';
import { safeHref } from '../internal/safe-url.js';
import { formStyles } from '../styles/form.styles.js';
import { type ServiceLocatorStrings, serviceLocatorCatalog } from './service-locator.strings.js';
import { serviceLocatorStyles } from './service-locator.styles.js';
import {
  CivicResultsEvent,
  directionsHref,
  type Search,
  searchFromUrl,
  searchQuery,
  urlWithSearch,
} from './service-locator-data.js';

export type { ServiceLocatorStrings } from './service-locator.strings.js';
export { CivicResultsEvent, type ServiceMarker } from './service-locator-data.js';

type GeoStatus = 'idle' | 'locating' | 'located' | 'denied' | 'unavailable' | 'timeout';
const RADII = [1, 2, 5, 10, 25, 50];
const KILOMETRES: Intl.NumberFormatOptions = { style: 'unit', unit: 'kilometer' };
/** Long enough to let a word be typed, short enough to feel immediate. */
const DEBOUNCE_MS = 250;

/** The search form's controls. */
const renderSearchField = fieldRenderer({ text: textField, select: selectField, checkbox: checkboxField });

/**
 * Public services near the citizen, from a service directory: a search by words, category, postcode or the
 * device's location, a list nearest first with opening state and contact links, and a details view.
 *
 * @tag civic-service-locator
 * @summary Find a public service near you, list first.
 *
 * @slot map - Optional: the host page's own map (Leaflet, MapLibre…), drawn from the `civic-results` event. The list is complete without it.
 *
 * @fires {CivicLoadEvent} civic-load - The categories arrived. `detail.data` is the category list.
 * @fires {CivicResultsEvent} civic-results - A search answered or more results were shown. `detail.results` holds `id`, `name`, `lat`, `lng` and `distanceKm` of every result listed; `detail.total` counts all matches.
 * @fires {CivicErrorEvent} civic-error - Loading the categories failed. `detail.error` is the client's `ClientError`.
 *
 * @csspart base - The wrapper of everything the widget shows.
 * @csspart heading - The widget's heading.
 * @csspart label - Form labels.
 * @csspart input - Form controls.
 * @csspart submit-button - The search button.
 * @csspart result - One service in the list.
 * @csspart status - Loading messages and the result count.
 * @csspart error - Search and location problems.
 *
 * @cssstate searching - A search is running.
 * @cssstate details - One service's details are shown instead of the list.
 */
export class CivicServiceLocator extends CivicElement<
  ServiceCategory[],
  { serviceLocator: ServiceLocatorStrings },
  ServicesClient
> {
  static override styles = [...CivicElement.styles, formStyles, serviceLocatorStyles];
  static override catalogs = { serviceLocator: serviceLocatorCatalog };
  protected readonly resource = ServicesClient;

  static override properties = {
    category: {},
    radiusKm: { attribute: 'radius-km', type: Number },
    pageSize: { attribute: 'page-size', type: Number },
    syncUrl: { attribute: 'sync-url', type: Boolean },
    mapUrl: { attribute: 'map-url' },
    jsonLd: { attribute: 'json-ld', type: Boolean },
    search: { state: true, attribute: false },
    results: { state: true, attribute: false },
    total: { state: true, attribute: false },
    page: { state: true, attribute: false },
    searching: { state: true, attribute: false },
    searchError: { state: true, attribute: false },
    counted: { state: true, attribute: false },
    geo: { state: true, attribute: false },
    selected: { state: true, attribute: false },
  };

  /** The category chosen at first, by id. */
  category = '';

  /** The distance chosen at first, in kilometres (applies when a postcode or location is given). */
  radiusKm = 5;

  /** Services per page; "Show more" adds the next page. */
  pageSize = 10;

  /** Keep the search in the page's address (`q`, `category`, `postcode`, `radius`, `open`), so it can be shared and the back button works. The device's location is never put there. */
  syncUrl = false;

  /** A directions link for each service: a URL with `{lat}`, `{lng}` and `{address}`, e.g. `https://www.openstreetmap.org/directions?to={lat},{lng}`. No link without it. */
  mapUrl?: string;

  /** Add schema.org `GovernmentService` JSON-LD for each listed service to the page (in the element's light DOM). */
  jsonLd = false;

  private search?: Search;
  private results: Service[] = [];
  private total = 0;
  private page = 1;
  private searching = false;
  private searchError?: ClientError;
  /** How many matched the last search that answered; announced politely. */
  private counted?: number;
  private geo: GeoStatus = 'idle';
  /** Index in `results` of the service whose details are shown. */
  private selected?: number;

  #run = 0;
  #timer?: ReturnType<typeof setTimeout>;
  #focus?: string;
  #fillInputs = false;
  #jsonLdFor?: Service[];
  #details?: typeof import('./service-locator-details.js');

  override connectedCallback() {
    super.connectedCallback();
    if (this.syncUrl) this.#readUrl();
    addEventListener('popstate', this.#handlePopState);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    removeEventListener('popstate', this.#handlePopState);
    clearTimeout(this.#timer);
  }

  // The search radii in kilometres: the first Intl formatter of a page.
  protected override prepareToShow() {
    this.l10n.number(1, KILOMETRES);
  }

  protected override async load(client: ServicesClient) {
    const categories = await client.listServiceCategories();
    void this.#search();
    return categories;
  }

  /** Shows one listed service's details, e.g. when its marker is chosen on the host page's map. */
  showDetails(id: string) {
    const index = this.results.findIndex((s) => s.id === id);
    if (index >= 0) void this.#open(index);
  }

  protected override updated(changed: PropertyValues<this>) {
    super.updated(changed);
    this.setCustomState('searching', this.searching);
    this.setCustomState('details', this.selected !== undefined);
    if (this.#fillInputs) this.#writeInputs();
    if (this.#jsonLdFor !== this.results || changed.has('jsonLd')) void this.#writeJsonLd();
    if (this.#focus) {
      this.renderRoot.querySelector<HTMLElement>(this.#focus)?.focus();
      this.#focus = undefined;
    }
  }

  #current(): Search {
    return (
      this.search ?? {
        q: '',
        category: this.category,
        postcode: '',
        radiusKm: this.radiusKm,
        openNow: false,
      }
    );
  }

  async #search(page = 1, history?: 'push' | 'replace') {
    const client = this.activeClient;
    if (!client) return;
    clearTimeout(this.#timer);
    const search = this.#current();
    if (history && this.syncUrl) this.#writeUrl(history);
    const run = ++this.#run;
    this.searching = true;
    try {
      const found = await client.searchServices(searchQuery(search, page, this.pageSize));
      if (run !== this.#run) return;
      const first = page === 1 ? 0 : this.results.length;
      this.results = page === 1 ? found.items : [...this.results, ...found.items];
      this.total = found.total;
      this.page = page;
      this.searchError = undefined;
      this.counted = found.total;
      if (page > 1 && found.items.length) this.#focus = `#r${first}`;
      this.dispatchEvent(new CivicResultsEvent(this.results, found.total));
    } catch (error) {
      if (run !== this.#run) return;
      this.searchError = toClientError(error);
      this.counted = undefined;
    } finally {
      if (run === this.#run) this.searching = false;
    }
  }

  #readForm(form: HTMLFormElement) {
    const values = readFields(form, this.#fields([]));
    const text = (path: string) => String(values[path] ?? '');
    const postcode = text('postcode');
    const previous = this.#current();
    // A typed postcode replaces the device's location; an empty one keeps it.
    const here = postcode ? {} : { lat: previous.lat, lng: previous.lng };
    if (postcode && this.geo === 'located') this.geo = 'idle';
    this.search = {
      q: text('q'),
      category: text('category'),
      postcode,
      radiusKm: Number(text('radiusKm')) || this.radiusKm,
      openNow: values.openNow === true,
      ...here,
    };
  }

  #handleSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    this.#readForm(event.target as HTMLFormElement);
    void this.#search(1, 'push');
  };

  #handleInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    if (input.name !== 'q') return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#readForm(input.form!);
      void this.#search(1, 'replace');
    }, DEBOUNCE_MS);
  };

  #handleChange = (event: Event) => {
    const control = event.target as HTMLInputElement;
    if (control.type === 'text' || control.type === 'search') return;
    this.#readForm(control.form!);
    void this.#search(1, 'push');
  };

  #locate = (event: Event) => {
    const form = (event.target as HTMLButtonElement).form!;
    const geolocation = navigator.geolocation;
    if (!geolocation) {
      this.geo = 'unavailable';
      return;
    }
    this.geo = 'locating';
    geolocation.getCurrentPosition(
      ({ coords }) => {
        (form.elements.namedItem('postcode') as HTMLInputElement).value = '';
        this.#readForm(form);
        // About 100 m is plenty to rank services by distance, and the backend learns no more than that.
        const round = (degrees: number) => Math.round(degrees * 1000) / 1000;
        this.search = { ...this.search!, lat: round(coords.latitude), lng: round(coords.longitude) };
        this.geo = 'located';
        void this.#search(1, 'push');
      },
      (error) => {
        this.geo = error.code === 1 ? 'denied' : error.code === 3 ? 'timeout' : 'unavailable';
      },
      { timeout: 15_000, maximumAge: 300_000 },
    );
  };

  #handlePopState = () => {
    if (!this.syncUrl) return;
    this.#readUrl();
    this.selected = undefined;
    void this.#search();
  };

  #readUrl() {
    this.search = searchFromUrl(location.search, { category: this.category, radiusKm: this.radiusKm }, this.search);
    this.#fillInputs = true;
  }

  #writeUrl(mode: 'push' | 'replace') {
    const url = urlWithSearch(location.href, this.#current(), this.radiusKm);
    if (url === location.href) return;
    if (mode === 'push') history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
  }

  /** Puts a search restored from the address back into the controls. */
  #writeInputs() {
    const form = this.renderRoot.querySelector('form');
    if (!form) return;
    this.#fillInputs = false;
    const search = this.#current();
    const control = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
    control('q').value = search.q;
    control('category').value = search.category;
    control('postcode').value = search.postcode;
    control('radius').value = String(search.radiusKm);
    control('open').checked = search.openNow;
  }

  async #writeJsonLd() {
    const services = this.results;
    this.#jsonLdFor = services;
    if (!this.jsonLd && !this.querySelector(':scope > script[data-civic-json-ld]')) return;
    // Only pages that opt in download the JSON-LD code.
    const { writeJsonLd } = await import('./service-locator-json-ld.js');
    if (services === this.results) writeJsonLd(this, this.jsonLd ? services : []);
  }

  async #open(index: number) {
    // The details view is the rarer path: its code arrives when first asked for.
    this.#details ??= await import('./service-locator-details.js');
    this.selected = index;
    this.#focus = '#details-heading';
  }

  #back = () => {
    const index = this.selected;
    this.selected = undefined;
    this.#focus = `button[data-index="${index}"]`;
  };

  protected renderContent() {
    const t = this.l10n.t.serviceLocator;
    if (this.loadStatus !== 'loaded' || !this.data) return this.renderLoadState(t.loading);
    const selected = this.selected === undefined ? undefined : this.results[this.selected];
    return html`<section aria-labelledby="heading">
      <h2 id="heading" part="heading">${t.heading}</h2>
      <div class="results" ?hidden=${!!selected}>
        ${this.#renderForm(this.data)}
        <slot name="map"></slot>
        ${this.#renderResults()}
      </div>
      ${
        selected && this.#details
          ? this.#details.renderDetails(this.l10n, selected, {
              back: this.#back,
              opening: this.#renderOpening(selected.hours),
              contact: this.#renderContact(selected, true),
            })
          : nothing
      }
      ${liveStatus(this.searching ? '' : this.#announcement())}
    </section>`;
  }

  #announcement() {
    const t = this.l10n.t.serviceLocator;
    if (this.counted === undefined) return '';
    return this.counted ? this.l10n.plural(t.found, this.counted) : t.noResults;
  }

  /** The search form's fields; their paths are the query's, where the backend's `fieldErrors` point. */
  #fields(categories: ServiceCategory[]): Field<'text' | 'select' | 'checkbox'>[] {
    const t = this.l10n.t.serviceLocator;
    const search = this.#current();
    const radii = [...new Set([...RADII, search.radiusKm])].sort((a, b) => a - b);
    return [
      { control: 'text', id: 'q', type: 'search', label: t.searchLabel, maxlength: 200 },
      {
        control: 'select',
        id: 'category',
        label: t.categoryLabel,
        emptyLabel: t.anyCategory,
        value: search.category,
        options: categories.map((c) => ({ value: c.id, label: c.label })),
      },
      {
        control: 'text',
        id: 'postcode',
        label: t.postcodeLabel,
        hint: t.postcodeHint,
        autocomplete: 'postal-code',
        autocapitalize: 'characters',
        maxlength: 16,
        messages: { invalid: () => this.l10n.t.serviceLocator.postcodeUnknown },
      },
      {
        control: 'select',
        id: 'radius',
        path: 'radiusKm',
        label: t.radiusLabel,
        value: String(search.radiusKm),
        options: radii.map((r) => ({ value: String(r), label: this.l10n.number(r, KILOMETRES) })),
      },
      { control: 'checkbox', id: 'open', path: 'openNow', label: t.openNowLabel },
    ];
  }

  #renderForm(categories: ServiceCategory[]) {
    const t = this.l10n.t.serviceLocator;
    const l10n = this.l10n;
    const fields = this.#fields(categories);
    // A search has no error summary: a backend's field error shows at a field that has words for it (an unknown
    // postcode); any other is a failure notice.
    const problems = this.searchError?.fieldErrors ?? [];
    const issues = fields
      .filter((f) => f.messages?.invalid && problems.some((e) => e.path === pathOf(f)))
      .map((f) => ({ id: f.id, key: 'invalid' as const }));
    const shown = {
      issues,
      failure: undefined,
      issueFor: (id: string) => issues.find((issue) => issue.id === id),
      message: (issue: { id?: string }) => fields.find((f) => f.id === issue.id)?.messages?.invalid?.() ?? '',
    };
    const field = (id: string) => renderSearchField(shown, l10n, fields.find((f) => f.id === id)!);
    const geoText = { locating: t.locating, located: t.usingLocation }[this.geo as 'locating'];
    const geoError = { denied: t.geoDenied, unavailable: t.geoUnavailable, timeout: t.geoTimeout }[
      this.geo as 'denied'
    ];
    return html`<form role="search" aria-labelledby="heading" novalidate @submit=${this.#handleSubmit} @input=${this.#handleInput} @change=${this.#handleChange}>
      ${field('q')} ${field('category')}
      <div class="row">
        ${field('postcode')}
        <button type="button" class="secondary" @click=${this.#locate}>${t.useLocation}</button>
      </div>
      <p role="status" class="muted">${geoText ?? ''}</p>
      ${geoError ? html`<p class="notice error" part="error" role="alert">${geoError}</p>` : nothing}
      ${field('radius')} ${field('open')}
      ${this.searchError && !issues.length ? html`<p class="notice error" part="error" role="alert">${clientErrorMessage(this.searchError, l10n.t.common)}</p>` : nothing}
      <button part="submit-button">${t.search}</button>
    </form>`;
  }

  #renderResults() {
    const t = this.l10n.t.serviceLocator;
    if (this.searching && this.page === 1) return html`<p part="status">${t.searching}</p>`;
    return html`<p part="status" aria-hidden="true">${this.#announcement()}</p>
      <ol>
        ${this.results.map((service, index) => this.#renderResult(service, index))}
      </ol>
      ${
        this.results.length < this.total
          ? html`<button type="button" class="secondary" ?disabled=${this.searching} @click=${() => this.#search(this.page + 1)}>${t.showMore}</button>`
          : nothing
      }`;
  }

  #renderResult(service: Service, index: number) {
    const t = this.l10n.t.serviceLocator;
    const name = service.name;
    const distance =
      service.distanceKm === undefined
        ? undefined
        : this.l10n.format(t.away, {
            distance: this.l10n.number(service.distanceKm, { ...KILOMETRES, maximumFractionDigits: 1 }),
          });
    return html`<li part="result">
      <article aria-labelledby="r${index}">
        <h3 id="r${index}" tabindex="-1">${name}</h3>
        <p class="muted">${service.organization}</p>
        ${distance ? html`<p>${distance}</p>` : nothing} ${this.#renderOpening(service.hours)}
        ${this.#renderContact(service, false)}
        <p><button type="button" class="secondary" data-index=${index} @click=${() => this.#open(index)}>${this.l10n.format(t.details, { name })}</button></p>
      </article>
    </li>`;
  }

  #renderOpening(hours: OpeningHours | undefined) {
    if (!hours) return nothing;
    const t = this.l10n.t.serviceLocator;
    let change: ReturnType<typeof nextChange>;
    try {
      change = nextChange(hours, new Date());
    } catch {
      return nothing; // A time zone this browser does not know: better no claim than a wrong one.
    }
    const time = change.at && this.#when(change.at, hours.timeZone);
    const text = change.open
      ? time
        ? this.l10n.format(t.openUntil, { time })
        : t.openNow
      : time
        ? this.l10n.format(t.closedUntil, { time })
        : t.closed;
    return html`<p class=${change.open ? 'open' : ''}>${text}</p>`;
  }

  /** A time on the venue's clock: the hour alone today, with the weekday otherwise. */
  #when(at: Date, timeZone: string) {
    const lang = this.l10n.lang;
    const day = (d: Date) => new Intl.DateTimeFormat('en', { timeZone, dateStyle: 'short' }).format(d);
    const today = day(at) === day(new Date());
    return new Intl.DateTimeFormat(lang, {
      timeZone,
      hour: 'numeric',
      minute: '2-digit',
      ...(today ? {} : { weekday: 'long' }),
    }).format(at);
  }

  #renderContact(service: Service, full: boolean) {
    const t = this.l10n.t.serviceLocator;
    const phone = service.phone?.replace(/[^\d+]/g, '');
    const website = safeHref(service.url);
    const directions = directionsHref(this.mapUrl, service.location);
    const email = full && service.email && /^[^\s@:/?#]+@[^\s@:/?#]+$/.test(service.email) ? service.email : undefined;
    return html`<dl>
        <dt>${t.address}</dt>
        <dd>${service.location.address}${service.location.postcode ? `, ${service.location.postcode}` : ''}</dd>
        ${phone ? html`<dt>${t.phone}</dt><dd><a href="tel:${phone}">${service.phone}</a></dd>` : nothing}
        ${email ? html`<dt>${t.email}</dt><dd><a href="mailto:${email}">${email}</a></dd>` : nothing}
      </dl>
      ${website ? html`<p>${externalLink(website, this.l10n.format(t.website, { name: service.name }), this.l10n)}</p>` : nothing}
      ${directions ? html`<p>${externalLink(directions, this.l10n.format(t.directions, { name: service.name }), this.l10n)}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-service-locator': CivicServiceLocator;
  }
}
