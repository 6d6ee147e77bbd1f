import type { ClientCore, ResourceClient } from '@civic-widgets/client/core';
import { ReportsClient } from '@civic-widgets/client/reports';
import { html } from 'lit';
import '../define/civic-report-status.js';

// Loaded only after a report to a backend that tracks reports (Open311): the status element and its client are not
// part of the feedback widget's first download.

const reportsOf = new WeakMap<ClientCore, ReportsClient>();

/** `<civic-report-status>` for `reference`, on the feedback's own core (the same endpoint and jurisdiction). */
export function renderReportStatus(reference: string, client: ResourceClient) {
  const reports = reportsOf.get(client.core) ?? new ReportsClient(client.core);
  reportsOf.set(client.core, reports);
  return html`<civic-report-status reference=${reference} .client=${reports}></civic-report-status>`;
}
