import { html, nothing } from 'lit';
import type { LocalizeController } from '../i18n/localize.js';
import { externalLink } from '../internal/fields.js';
import { safeHref } from '../internal/safe-url.js';
import type { PetitionStartStrings } from './petition-start.strings.js';
import type { SimilarPetition } from './similar.js';

type L10n = LocalizeController<{ petitionStart: PetitionStartStrings }>;

/**
 * Similar open petitions, under the title: offered, never forced. Links (only `https:` ones) open in a new tab, so
 * the form and what was typed stay.
 */
export function renderSimilar(found: SimilarPetition[], l10n: L10n) {
  if (found.length === 0) return nothing;
  const t = l10n.t.petitionStart;
  return html`<section class="similar" aria-labelledby="similar-heading">
    <h3 id="similar-heading">${t.similarHeading}</h3>
    <p class="hint">${t.similarHint}</p>
    <ul>
      ${found.map((petition) => {
        const href = safeHref(petition.url);
        const count = petition.signatureCount;
        const signatures = l10n.plural(t.signatures, count, { count: l10n.number(count) });
        return html`<li>
          ${href ? externalLink(href, petition.title, l10n) : petition.title}
          <span class="muted">(${signatures})</span>
        </li>`;
      })}
    </ul>
  </section>`;
}

/** What the polite live region says when suggestions appear; focus stays where the resident is typing. */
export function similarAnnouncement(found: SimilarPetition[], l10n: L10n): string {
  const count = found.length;
  return count ? l10n.plural(l10n.t.petitionStart.similarFound, count, { count: l10n.number(count) }) : '';
}
