import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { describeExamples } from '../test-support/axe.js';
import { checkCatalog } from '../test-support/catalog.js';
import { keepReport, keptReports } from './remembered.js';
import { examples, notFound, openReport, reportsClient } from './report-status.examples.js';
import type { CivicReportStatus } from './report-status.js';
import { reportStatusCatalog } from './report-status.strings.js';

const text = (el: HTMLElement, selector: string) =>
  el.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

async function show(markup: ReturnType<typeof html>, selector = '[part=result], [role=alert]') {
  const el = await fixture<CivicReportStatus>(markup);
  await waitUntil(() => el.shadowRoot!.querySelector(selector), 'nothing shown');
  await el.updateComplete;
  return el;
}

describe('<civic-report-status>', () => {
  afterEach(() => sinon.restore());

  describeExamples(examples);
  checkCatalog('report status', reportStatusCatalog);

  it('shows the reference, open or closed, the notes, who handles it and the expected date', async () => {
    const client = reportsClient(async () => openReport);
    const el = await show(html`<civic-report-status reference="638344" .client=${client}></civic-report-status>`);
    expect(client.asked).to.deep.equal(['638344']);
    expect(text(el, '[part=result]')).to.equal(
      'Report 638344 Open: the council is working on it The web team will correct the page. Handled by Web team Expected by December 10, 2026 Last updated December 4, 2026',
    );
  });

  it('leaves out an expected date once closed, and dates it cannot read', async () => {
    const client = reportsClient(async () => ({ ...openReport, status: 'closed', updatedDatetime: 'yesterday' }));
    const el = await show(html`<civic-report-status reference="638344" .client=${client}></civic-report-status>`);
    expect(text(el, '[part=result]')).to.equal(
      'Report 638344 Closed The web team will correct the page. Handled by Web team',
    );
  });

  it('renders the backend text as text', async () => {
    const hostile = '<img src=x onerror="window.pwned=1">';
    const client = reportsClient(async () => ({ ...openReport, statusNotes: hostile, agencyResponsible: hostile }));
    const el = await show(html`<civic-report-status reference="638344" .client=${client}></civic-report-status>`);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(text(el, '[part=result]')).to.contain(hostile);
  });

  it('says an unknown reference is unknown, keeping the reference in view, with a retry', async () => {
    const client = reportsClient(async () => Promise.reject(notFound()));
    const el = await show(html`<civic-report-status reference="999" .client=${client}></civic-report-status>`);
    expect(text(el, '[part=heading]')).to.equal('Report 999');
    expect(text(el, '[role=alert] p')).to.equal('No report has this reference.');
  });

  it('in French, with the date in French', async () => {
    const wrapper = await fixture(
      html`<div lang="fr"><civic-report-status reference="638344" .client=${reportsClient(async () => openReport)}></civic-report-status></div>`,
    );
    const el = wrapper.querySelector<CivicReportStatus>('civic-report-status')!;
    await waitUntil(() => text(el, '[part=result]')?.includes('Traité par'));
    expect(text(el, '[part=result]')).to.contain('Prévu d’ici le 10 décembre 2026');
  });

  describe('keeping a report on this browser, with consent, for 90 days', () => {
    const key = 'civic-reports:test';
    afterEach(() => localStorage.removeItem(key));

    it('keeps nothing until the resident ticks, and forgets when they untick', async () => {
      const client = reportsClient(async () => openReport);
      const el = await show(
        html`<civic-report-status reference="638344" .keepIn=${key} .client=${client}></civic-report-status>`,
        'input[type=checkbox]',
      );
      const box = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]')!;
      expect(box.labels![0]!.textContent!.trim()).to.equal(
        'Remember this report on this device for 90 days, to check it later',
      );
      expect(box.checked).to.equal(false);
      expect(localStorage.getItem(key)).to.equal(null);
      box.click();
      expect(keptReports(key)).to.deep.equal(['638344']);
      box.click();
      expect(keptReports(key)).to.deep.equal([]);
    });

    it('forgets a report kept 90 days ago or more; lists the newest first', () => {
      const day = 86_400_000;
      const now = Date.parse('2026-12-05T00:00:00Z');
      keepReport(key, 'old', true, now - 90 * day);
      keepReport(key, 'older-but-fresh', true, now - 89 * day);
      keepReport(key, 'new', true, now - day);
      expect(keptReports(key, now)).to.deep.equal(['new', 'older-but-fresh']);
      expect(Object.keys(JSON.parse(localStorage.getItem(key)!))).to.have.members(['new', 'older-but-fresh']);
    });

    it('offers nothing without keepIn', async () => {
      const el = await show(
        html`<civic-report-status reference="638344" .client=${reportsClient(async () => openReport)}></civic-report-status>`,
      );
      expect(el.shadowRoot!.querySelector('input')).to.equal(null);
    });
  });

  it('needs a reference: the calm notice, and the console names it', async () => {
    const error = sinon.stub(console, 'error');
    const el = await show(
      html`<civic-report-status .client=${reportsClient(async () => openReport)}></civic-report-status>`,
    );
    expect(text(el, '[role=alert]')).to.equal('This form is not available right now.');
    expect(String(error.firstCall.args[0])).to.contain('"reference"');
  });
});
