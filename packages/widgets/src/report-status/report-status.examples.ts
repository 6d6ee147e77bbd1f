import { type Adapter, ClientError, createCore } from '@civic-widgets/client/core';
import { type ReportStatus, ReportsClient } from '@civic-widgets/client/reports';
import { waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { Example } from '../test-support/examples.js';
import '../define/civic-report-status.js';

export const openReport: ReportStatus = {
  reference: '638344',
  status: 'open',
  statusNotes: 'The web team will correct the page.',
  agencyResponsible: 'Web team',
  expectedDatetime: '2026-12-10T17:00:00Z',
  updatedDatetime: '2026-12-04T09:30:00Z',
};

/** A reports client whose backend answers `reportStatus` with `answer`; it records the references asked. */
export function reportsClient(answer: (reference: string) => Promise<unknown>) {
  const asked: string[] = [];
  const adapter = {
    name: 'fake',
    reportStatus: (reference: string) => {
      asked.push(reference);
      return answer(reference);
    },
  } as unknown as Adapter;
  return Object.assign(new ReportsClient(createCore({ adapter, autoFlush: false, retry: { retries: 0 } })), { asked });
}

/** A backend's "no such report": a 404 with its problem document (without one, the endpoint would be wrong). */
export const notFound = () =>
  new ClientError('http', 'Not found', {
    status: 404,
    problem: { type: 'https://civic-widgets.org/problems/open311', title: 'Not found', status: 404 },
  });

const shown = (element: HTMLElement) => () => element.shadowRoot!.querySelector('[part=result], [role=alert]');

export const examples: Example[] = [
  {
    name: 'open, with notes, agency and expected date',
    render: () =>
      html`<civic-report-status reference="638344" .client=${reportsClient(async () => openReport)}></civic-report-status>`,
    setup: (element) => waitUntil(shown(element)),
  },
  {
    name: 'with the offer to keep it on this browser',
    render: () =>
      html`<civic-report-status
        reference="638344"
        .keepIn=${'civic-reports:example'}
        .client=${reportsClient(async () => openReport)}
      ></civic-report-status>`,
    setup: (element) => waitUntil(() => element.shadowRoot!.querySelector('input[type=checkbox]')),
  },
  {
    name: 'closed',
    render: () =>
      html`<civic-report-status
        reference="638001"
        .client=${reportsClient(async () => ({ reference: '638001', status: 'closed' }))}
      ></civic-report-status>`,
    setup: (element) => waitUntil(shown(element)),
  },
  {
    name: 'unknown reference',
    render: () =>
      html`<civic-report-status
        reference="999"
        .client=${reportsClient(async () => Promise.reject(notFound()))}
      ></civic-report-status>`,
    setup: (element) => waitUntil(shown(element)),
  },
];
