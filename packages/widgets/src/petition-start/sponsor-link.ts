/** The page parameter that carries a proposal's id: the sponsor link is the host page with it. */
export const PROPOSAL_PARAMETER = 'civic-proposal';

/** The proposal a page was opened for (`?civic-proposal=...`), if any. */
export function proposalOfPage(page: string = location.href): string | undefined {
  return new URL(page).searchParams.get(PROPOSAL_PARAMETER) || undefined;
}

/**
 * The link a creator shares: this same page (where the widget is), opened for the proposal. The fragment is
 * dropped, since it points at a place in the creator's visit, not at the proposal.
 */
export function sponsorLink(id: string, page: string = location.href): string {
  const url = new URL(page);
  url.hash = '';
  url.searchParams.set(PROPOSAL_PARAMETER, id);
  return url.href;
}
