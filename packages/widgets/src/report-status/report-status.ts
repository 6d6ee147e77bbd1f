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
  };

  /** The report's reference, as its receipt gave it (Open311: the `service_request_id`). Required. */
  reference?: string;
  /** Open311 only: the `jurisdiction_id`, for servers that host several cities. */
  jurisdictionId?: string;

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
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-report-status': CivicReportStatus;
  }
}
