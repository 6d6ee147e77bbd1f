import type { Proposal, RejectionReason } from '@civic-widgets/client/proposals';
import { html, nothing } from 'lit';
import type { LocalizeController } from '../i18n/localize.js';
import type { PetitionStartStrings } from './petition-start.strings.js';

type L10n = LocalizeController<{ petitionStart: PetitionStartStrings }>;

const REASON_TEXT: Record<RejectionReason, keyof PetitionStartStrings> = {
  duplicate: 'reasonDuplicate',
  'not-council-responsibility': 'reasonNotCouncil',
  offensive: 'reasonOffensive',
  'personal-information': 'reasonPersonal',
  advertising: 'reasonAdvertising',
  'no-clear-action': 'reasonNoAction',
};

const STATUS_TEXT: Record<Proposal['status'], keyof PetitionStartStrings> = {
  unconfirmed: 'statusUnconfirmed',
  gathering: 'statusGathering',
  moderation: 'statusModeration',
  published: 'statusPublished',
  rejected: 'statusRejected',
};

/** Server text split into paragraphs on blank lines, each rendered as text. */
const paragraphs = (text: string) => text.split(/\n\s*\n/).map((paragraph) => html`<p>${paragraph}</p>`);

/**
 * What a sponsor link shows of a proposal: its text (unless its rejection hides it), where it stands, the
 * supporters so far while that still matters, and why it was rejected. All of it server text, rendered as text.
 */
export function renderProposal(proposal: Proposal, l10n: L10n) {
  const t = l10n.t.petitionStart;
  const counting = proposal.status === 'gathering' || proposal.status === 'unconfirmed';
  const progress = l10n.format(t.sponsorProgress, {
    count: l10n.number(proposal.sponsorCount),
    needed: l10n.number(proposal.sponsorsNeeded),
  });
  return html`<h2 id="proposal-title" part="heading">${proposal.title ?? t.rejectedHeading}</h2>
    <dl class="meta" part="result">
      <div><dt>${t.statusLabel}:</dt><dd>${t[STATUS_TEXT[proposal.status]] as string}</dd></div>
      ${counting ? html`<div><dd>${progress}</dd></div>` : nothing}
    </dl>
    ${proposal.rejection ? renderRejection(proposal, l10n) : nothing}
    ${proposal.background ? paragraphs(proposal.background) : nothing}
    ${proposal.details ? paragraphs(proposal.details) : nothing}`;
}

function renderRejection(proposal: Proposal, l10n: L10n) {
  const t = l10n.t.petitionStart;
  const rejection = proposal.rejection!;
  return html`<section class="notice" aria-labelledby="rejection-heading">
    ${proposal.title ? html`<h3 id="rejection-heading">${t.rejectedHeading}</h3>` : html`<h3 id="rejection-heading" class="visually-hidden">${t.reasonLabel}</h3>`}
    <p><strong>${t.reasonLabel}:</strong> ${t[REASON_TEXT[rejection.reason]] as string}</p>
    ${rejection.note ? html`<p><strong>${t.noteLabel}:</strong> ${rejection.note}</p>` : nothing}
    ${proposal.title ? nothing : html`<p>${t.textHidden}</p>`}
  </section>`;
}
