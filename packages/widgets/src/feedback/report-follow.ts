import type { ClientCore, ResourceClient } from '@civic-widgets/client/core';
import { ReportsClient } from '@civic-widgets/client/reports';
import { html } from 'lit';
import '../define/civic-report-status.js';
import { keptReports } from '../report-status/remembered.js';

// Loaded only after a report to a backend that tracks reports (Open311): the status element and its client are not
// part of the feedback widget's first download.

const reportsOf = new WeakMap<ClientCore, ReportsClient>();

/**
 * `<civic-report-status>` for the report just made (`reference`), offering to keep it, then for each report kept
 * on this browser for this backend: on the feedback's own core (the same endpoint and jurisdiction).
 */
export function renderReports(reference: string | undefined, client: ResourceClient) {
  const reports = reportsOf.get(client.core) ?? new ReportsClient(client.core);
  reportsOf.set(client.core, reports);
  const key = `civic-reports:${client.namespace}`;
  const shown = [...new Set([reference, ...keptReports(key)])].filter((r): r is string => !!r);
  return shown.map(
    (r) => html`<civic-report-status reference=${r} .client=${reports} .keepIn=${key}></civic-report-status>`,
  );
}
