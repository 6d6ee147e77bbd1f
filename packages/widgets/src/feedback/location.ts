import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { type LocalizeController, loadCatalog } from '../i18n/localize.js';
import type { Catalog } from '../i18n/strings.js';
import type { Field } from '../internal/fields.js';
import type { SubmitController } from '../internal/submit.js';
import { strings as en } from './i18n/location.en.js';

// `<civic-feedback location="ask">`: "Where is the problem?", answered with the resident's position (only when they
// press "Use my location" and the browser allows it) or an address they type. Loaded with the backend's questions
// (extra-fields.js), on demand: pages that do not ask download none of it, texts included.

/** The texts of the location question; one file per locale in `./i18n/location.*.ts`. */
export interface LocationStrings {
  /** The question, the legend of the group. */
  legend: string;
  hint: string;
  /** The button that asks the browser for the resident's position. */
  use: string;
  /** Announced while the browser looks for the position. */
  finding: string;
  /** Announced once the position is in the report. */
  added: string;
  /** The resident (or the browser's settings) refused to share the position. */
  denied: string;
  /** No position: no signal, a timeout, or no geolocation at all (an `http:` page). */
  unavailable: string;
  /** The label of the address field. */
  address: string;
  /** The server needs a place and the resident gave none, or one it refused. */
  required: string;
}

export const locationCatalog: Catalog<LocationStrings> = {
  en,
  others: {
    fr: () => import('./i18n/location.fr.js'),
    es: () => import('./i18n/location.es.js'),
    ar: () => import('./i18n/location.ar.js'),
    zh: () => import('./i18n/location.zh.js'),
  },
};

/** The feedback widget as this module sees it. */
export interface LocationHost extends ReactiveControllerHost {
  location?: string;
  strings?: { location?: Partial<LocationStrings> };
}

type L10n = LocalizeController;
type Submit = Pick<SubmitController<never, never>, 'issueFor' | 'message'>;
type Finding = 'idle' | 'finding' | 'added' | 'denied' | 'unavailable';

/** Each widget's position and where the search for it stands. */
const asks = new WeakMap<LocationHost, { state: Finding; position?: { lat: number; lng: number } }>();
const askOf = (host: LocationHost) => asks.get(host) ?? asks.set(host, { state: 'idle' }).get(host)!;
const loaded = new Map<string, LocationStrings>([['en', en]]);

/** The texts in the widget's language (English while its file loads), with the page's overrides. */
function texts(host: LocationHost, l10n: L10n): LocationStrings {
  const locale = l10n.locale;
  if (!loaded.has(locale)) {
    loaded.set(locale, en);
    void loadCatalog(locationCatalog, locale).then((strings) => {
      loaded.set(locale, strings ?? en);
      host.requestUpdate();
    });
  }
  return { ...loaded.get(locale)!, ...host.strings?.location };
}

/** About 1 m: enough to find a pothole, no more precise than the report needs. */
const round = (degrees: number) => Math.round(degrees * 1e5) / 1e5;

/** Asks the browser for the position: the permission prompt is the browser's, and only this click triggers it. */
function locate(host: LocationHost) {
  const ask = askOf(host);
  if (ask.state === 'finding') return;
  const settle = (state: Finding, position?: { lat: number; lng: number }) => {
    Object.assign(ask, { state, position });
    host.requestUpdate();
  };
  if (!navigator.geolocation) return settle('unavailable');
  settle('finding');
  navigator.geolocation.getCurrentPosition(
    ({ coords }) => settle('added', { lat: round(coords.latitude), lng: round(coords.longitude) }),
    // 1 is PERMISSION_DENIED; the others (unavailable, timeout) leave the resident the same choice.
    (error) => settle(error.code === 1 ? 'denied' : 'unavailable'),
    { enableHighAccuracy: true, timeout: 30_000, maximumAge: 60_000 },
  );
}

/**
 * The question's fields, for the form's checks and request: the position at `location` (from the button, not the
 * form), the typed address at `address`; a server's refusal for want of a place lands on the address field.
 */
export function locationFields(host: LocationHost, l10n: L10n): Field[] {
  if (host.location !== 'ask') return [];
  const t = texts(host, l10n);
  return [
    { control: 'custom', id: 'locate', path: 'location', label: t.use, read: () => askOf(host).position },
    {
      control: 'text',
      id: 'address',
      label: t.address,
      maxlength: 200,
      messages: { required: () => t.required, invalid: () => t.required },
    },
  ];
}

/**
 * "Where is the problem?": the button, its status (a polite live region, always present so that it is heard), and
 * the address field, described by its hint, its error and a failed search, so the resident hears why to type.
 */
export function renderLocation(submit: Submit, l10n: L10n, host: LocationHost): TemplateResult | typeof nothing {
  if (host.location !== 'ask') return nothing;
  const t = texts(host, l10n);
  const { state } = askOf(host);
  const failed = state === 'denied' || state === 'unavailable';
  const issue = submit.issueFor('address');
  const described = ['location-hint', issue && 'address-error', failed && 'locate-status'].filter(Boolean).join(' ');
  return html`<fieldset class="field">
    <legend part="label">${t.legend}</legend>
    <p id="location-hint" class="hint">${t.hint}</p>
    <div>
      <button
        type="button"
        id="locate"
        class="secondary"
        aria-describedby="locate-status"
        aria-disabled=${state === 'finding' ? 'true' : 'false'}
        @click=${() => locate(host)}
      >
        ${t.use}
      </button>
    </div>
    <p id="locate-status" role="status" class=${failed ? 'error' : 'hint'}>${state === 'idle' ? '' : t[state]}</p>
    <label part="label" for="address">${t.address}</label>
    ${
      issue
        ? html`<p id="address-error" class="error" part="error">
          <span class="visually-hidden">${l10n.t.common.errorPrefix}</span> ${submit.message(issue)}
        </p>`
        : nothing
    }
    <input
      part="input"
      id="address"
      name="address"
      type="text"
      autocomplete="street-address"
      maxlength="200"
      aria-invalid=${issue ? 'true' : 'false'}
      aria-describedby=${described}
    />
  </fieldset>`;
}
