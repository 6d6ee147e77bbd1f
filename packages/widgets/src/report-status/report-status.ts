import type { ClientError } from '@civic-widgets/client/core';
import { type ReportStatus, ReportsClient } from '@civic-widgets/client/reports';
import { html, nothing } from 'lit';
import { CivicElement } from '../internal/civic-element.js';
import type { AdapterOptions } from '../internal/client.js';
import { type ReportStatusStrings, reportStatusCatalog } from './report-status.strings.js';

/**
 * Where one report stands, anywhere on a council's site: open or closed, the council's notes, who handles it and
 * when it should be done, read from a backend that tracks reports (Open311: `GET /requests/{id}.json`).
 * `<civic-feedback>` shows one after a report, with the same backend.
 *
 * @tag civic-report-status
 * @summary One report's status, by its reference.
 *
 * @fires {CivicLoadEvent} civic-load - The status arrived. `detail.data` is the `ReportStatus`.
 * @fires {CivicErrorEvent} civic-error - Reading it failed. `detail.error` is the client's `ClientError`.
 *
 * @csspart base - The wrapper.
 * @csspart heading - The report's reference.
 * @csspart result - The status and its details.
 * @csspart status - The loading message.
 */
export class CivicReportStatus extends CivicElement<
  ReportStatus,
  { reportStatus: ReportStatusStrings },
  ReportsClient
> {
  static override catalogs = { reportStatus: reportStatusCatalog };
  protected readonly resource = ReportsClient;

  static override properties = {
    reference: { reflect: true },
    jurisdictionId: { attribute: 'jurisdiction-id' },
    keepIn: { attribute: false },
  };

  /** The report's reference, as its receipt gave it (Open311: the `service_request_id`). Required. */
  reference?: string;
  /** Open311 only: the `jurisdiction_id`, for servers that host several cities. */
  jurisdictionId?: string;
  /**
   * A localStorage key: offers the resident a checkbox to keep this report on this browser for 90 days (see
   * `<civic-feedback>`, which lists the kept reports on a later visit). Unset: nothing is offered or kept.
   */
  keepIn?: string;

  protected override requiredAttributes() {
    return { ...super.requiredAttributes(), reference: this.reference };
  }

  protected override adapterOptions(): AdapterOptions {
    return this.adapter === 'open311' ? { jurisdictionId: this.jurisdictionId } : {};
  }

  protected override loadKey() {
    return [this.reference];
  }

  protected override load(client: ReportsClient) {
    return client.reportStatus(this.reference!);
  }

  #describeError = (error: ClientError) => (error.status === 404 ? this.l10n.t.reportStatus.notFound : undefined);

  protected renderContent() {
    const t = this.l10n.t.reportStatus;
    const report = this.data;
    // The reference first, whatever happens to the status: a resident can always quote it.
    const title = html`<p id="title" part="heading">
      <strong>${this.l10n.format(t.title, { reference: report?.reference ?? this.reference! })}</strong>
    </p>`;
    if (this.loadStatus !== 'loaded' || !report) return [title, this.renderLoadState(t.loading, this.#describeError)];
    const date = (value: string | undefined, template: string) =>
      value && !Number.isNaN(Date.parse(value))
        ? html`<p>${this.l10n.format(template, { date: this.l10n.date(value) })}</p>`
        : nothing;
    return html`<section part="result" aria-labelledby="title">
      ${title}
      <p>${report.status === 'open' ? t.open : t.closed}</p>
      ${report.statusNotes ? html`<p>${report.statusNotes}</p>` : nothing}
      ${report.agencyResponsible ? html`<p>${this.l10n.format(t.agency, { agency: report.agencyResponsible })}</p>` : nothing}
      ${report.status === 'open' ? date(report.expectedDatetime, t.expected) : nothing}
      ${date(report.updatedDatetime, t.updated)}
      ${this.keepIn ? this.#renderKeep(this.keepIn, report.reference) : nothing}
    </section>`;
  }

  /** The keeping checkbox's module, once loaded (`null`: loading). */
  #keep?: typeof import('./keep.js') | null;

  #renderKeep(key: string, reference: string) {
    if (this.#keep === undefined) {
      this.#keep = null;
      void import('./keep.js').then((module) => {
        this.#keep = module;
        this.requestUpdate();
      });
    }
    return this.#keep?.renderKeep(key, reference, this.l10n.t.reportStatus.keep, () => this.requestUpdate()) ?? nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-report-status': CivicReportStatus;
  }
}
