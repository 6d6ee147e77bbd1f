import type { Petition } from '@civic-widgets/client';
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../i18n/localize.js';
import type { PetitionStrings } from './petition.strings.js';

/** The milestone the count is heading for, or the last one once every milestone is passed. */
export function nextThreshold(petition: Petition) {
  const sorted = [...petition.thresholds].sort((a, b) => a.count - b.count);
  const next = sorted.find((threshold) => threshold.count > petition.signatureCount);
  return { next, reachedAll: sorted.length > 0 && !next };
}

/**
 * Makes the Intl formatters `renderCount` needs (plural rules, and a number format: counts and milestones reach the
 * thousands), which are slow the first time on a page: called while the petition loads (`prepareToShow`).
 */
export function prepareCount(l10n: LocalizeController<{ petition: PetitionStrings }>) {
  l10n.plural({ other: '' }, 1000);
}

/**
 * The signature count and the progress toward the next milestone, shared by `<civic-petition>` and
 * `<civic-petition-counter>`. The counts are text as well as a native `<progress>` named by that text.
 */
export function renderCount(
  petition: Petition,
  l10n: LocalizeController<{ petition: PetitionStrings }>,
): TemplateResult {
  const t = l10n.t.petition;
  const count = petition.signatureCount;
  const { next, reachedAll } = nextThreshold(petition);
  return html`<div class="count" part="result">
    <p class="total"><strong>${l10n.plural(t.signatures, count)}</strong></p>
    ${
      next
        ? html`<progress id="progress" max=${next.count} value=${count} aria-labelledby="progress-text"></progress>
          <p id="progress-text" class="muted">
            ${l10n.format(t.progressText, { count: l10n.number(count), target: l10n.number(next.count), label: next.label })}
          </p>`
        : nothing
    }
    ${reachedAll ? html`<p class="muted">${t.allThresholdsReached}</p>` : nothing}
  </div>`;
}
