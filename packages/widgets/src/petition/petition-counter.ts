import { type Petition, PetitionsClient } from '@civic-widgets/client/petitions';
import { html } from 'lit';
import { CivicElement } from '../internal/civic-element.js';
import { RefreshController } from '../internal/refresh.js';
import { type PetitionStrings, petitionCatalog } from './petition.strings.js';
import { petitionStyles } from './petition.styles.js';
import { prepareCount, renderCount } from './petition-count.js';

/**
 * Just a petition's signature count and its progress toward the next milestone, for a campaign page's sidebar.
 *
 * @tag civic-petition-counter
 * @summary A petition's live signature count.
 *
 * @fires {CivicLoadEvent} civic-load - The petition arrived (also after each refresh). `detail.data` is the petition.
 * @fires {CivicErrorEvent} civic-error - Loading failed. `detail.error` is the client's `ClientError`.
 *
 * @csspart base - The wrapper.
 * @csspart heading - The petition title.
 * @csspart result - The count and progress.
 * @csspart status - The loading message.
 */
export class CivicPetitionCounter extends CivicElement<Petition, { petition: PetitionStrings }, PetitionsClient> {
  static override styles = [...CivicElement.styles, petitionStyles];
  static override catalogs = { petition: petitionCatalog };
  protected readonly resource = PetitionsClient;

  static override properties = {
    petitionId: { attribute: 'petition-id', reflect: true },
    refreshInterval: { attribute: 'refresh-interval', type: Number },
  };

  /** The petition to count, as the backend names it. Required. */
  petitionId?: string;

  /** Seconds between refreshes while the page is visible; 0 turns refreshing off. */
  refreshInterval = 60;

  protected readonly refresher = new RefreshController(
    this,
    () => (this.loadStatus === 'loaded' ? this.refreshInterval : 0),
    () => void this.reload({ quiet: true }),
  );

  protected override requiredAttributes() {
    return { ...super.requiredAttributes(), 'petition-id': this.petitionId };
  }

  protected override loadKey() {
    return [this.petitionId];
  }

  protected override load(client: PetitionsClient) {
    return client.getPetition(this.petitionId!);
  }

  protected override prepareToShow() {
    prepareCount(this.l10n);
  }

  protected renderContent() {
    const petition = this.data;
    if (this.loadStatus !== 'loaded' || !petition) return this.renderLoadState(this.l10n.t.petition.loading);
    return html`<p class="muted" part="heading">${petition.title}</p>
      ${renderCount(petition, this.l10n)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-petition-counter': CivicPetitionCounter;
  }
}
