import type { OpeningHours, Service, Weekday } from '@civic-widgets/client';
import { html, nothing } from 'lit';
import type { LocalizeController } from '../i18n/localize.js';
import type { ServiceLocatorStrings } from './service-locator.strings.js';

const WEEKDAYS: readonly Weekday[] = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];

type L10n = LocalizeController<{ serviceLocator: ServiceLocatorStrings }>;

/**
 * One service's details: description, eligibility, languages, accessibility, the week's hours in the service's
 * time zone and contact. Loaded on demand by `<civic-service-locator>`, which passes the parts it shares with the list.
 */
export function renderDetails(
  l10n: L10n,
  service: Service,
  parts: { back: () => void; opening: unknown; contact: unknown },
) {
  const t = l10n.t.serviceLocator;
  const names = new Intl.DisplayNames([l10n.lang], { type: 'language' });
  const language = (tag: string) => {
    try {
      return names.of(tag) ?? tag;
    } catch {
      return tag;
    }
  };
  const section = (heading: string, body: unknown) => html`<h4>${heading}</h4>${body}`;
  return html`<article aria-labelledby="details-heading">
    <p><button type="button" class="secondary" @click=${parts.back}>${t.back}</button></p>
    <h3 id="details-heading" tabindex="-1">${service.name}</h3>
    <p class="muted">${service.organization}</p>
    ${parts.opening} ${service.description ? html`<p>${service.description}</p>` : nothing}
    ${service.eligibility ? section(t.eligibility, html`<p>${service.eligibility}</p>`) : nothing}
    ${service.languages?.length ? section(t.languages, html`<p>${service.languages.map(language).join(', ')}</p>`) : nothing}
    ${service.accessibility ? section(t.accessibility, html`<p>${service.accessibility}</p>`) : nothing}
    ${service.hours ? section(t.hours, renderWeek(l10n, service.hours)) : nothing} ${section(t.contact, parts.contact)}
  </article>`;
}

/** The week, Monday first, as the venue's local times. */
function renderWeek(l10n: L10n, hours: OpeningHours) {
  const t = l10n.t.serviceLocator;
  const utc = { timeZone: 'UTC' } as const;
  const dayName = new Intl.DateTimeFormat(l10n.lang, { ...utc, weekday: 'long' });
  const clock = new Intl.DateTimeFormat(l10n.lang, { ...utc, hour: 'numeric', minute: '2-digit' });
  const time = (hhmm: string) => clock.format(Date.UTC(2024, 0, 1, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3))));
  // 1 January 2024 was a Monday.
  return html`<table>
      <caption class="muted">${l10n.format(t.hoursNote, { timeZone: hours.timeZone })}</caption>
      <tbody>
        ${WEEKDAYS.map((day, i) => {
          const ranges = hours.weekly.filter((r) => r.day === day).map((r) => `${time(r.opens)}–${time(r.closes)}`);
          return html`<tr><th scope="row">${dayName.format(Date.UTC(2024, 0, 1 + i))}</th><td>${ranges.join(', ') || t.closedDay}</td></tr>`;
        })}
      </tbody>
    </table>
    ${hours.notes ? html`<p>${hours.notes}</p>` : nothing}`;
}
