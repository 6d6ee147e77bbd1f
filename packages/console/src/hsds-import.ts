import { html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ApiError, api, endsSession, IMPORT_LIMIT_BYTES, type ImportReport } from './api.js';
import { format, plural, t } from './strings.js';
import { consoleStyles } from './styles.js';

const s = t.services;
// Two decimals, so that a file just over the limit does not read as the limit itself.
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 2 });

/** Why a record was refused, in plain words: which field, and why. The server's own words when it is new. */
export function refusalText(record: ImportReport['skipped'][number]): string {
  if (record.reason.startsWith('invalid:') && record.field)
    return format(s.reasons.invalidField, { field: record.field });
  return (s.reasons as Record<string, string>)[record.reason] ?? record.reason;
}

/**
 * Importing an Open Referral HSDS 3.0 file (JSON, as the command-line import reads it): "Check the file" reports
 * what would be imported and what refused, writing nothing; "Import" writes the accepted services in one
 * transaction. The report lists each refused record by id and name with the reason. Fires `services-imported`
 * after an import, `session-ended` on a 401.
 */
@customElement('civic-console-hsds-import')
export class CivicConsoleHsdsImport extends LitElement {
  static override styles = consoleStyles;

  @state() private report?: ImportReport;
  @state() private error?: string;
  @state() private busy = false;
  @query('#import-error') private errorElement?: HTMLElement;
  @query('#report-heading') private reportHeading?: HTMLElement;

  private async handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    const dryRun = (event.submitter as HTMLButtonElement | null)?.value === 'check';
    const file = (event.target as HTMLFormElement).querySelector<HTMLInputElement>('#hsds-file')?.files?.[0];
    if (!file) return this.showError(s.noFile);
    if (file.size > IMPORT_LIMIT_BYTES) {
      return this.showError(format(s.tooLarge, { size: megabytes(file.size), limit: megabytes(IMPORT_LIMIT_BYTES) }));
    }
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch {
      return this.showError(format(s.notJson, { file: file.name }));
    }
    this.busy = true;
    try {
      this.report = await api.importHsds(document, dryRun);
      this.error = undefined;
      await this.updateComplete;
      this.reportHeading?.focus();
      if (!dryRun) this.dispatchEvent(new CustomEvent('services-imported', { bubbles: true, composed: true }));
    } catch (error) {
      if (endsSession(error, this)) return;
      const limit = megabytes(IMPORT_LIMIT_BYTES);
      const tooLarge = error instanceof ApiError && error.status === 413;
      await this.showError(tooLarge ? format(s.overLimit, { limit }) : t.common.sendError);
    } finally {
      this.busy = false;
    }
  }

  /** The chosen file stays chosen: only the message is new, and it describes the file control. */
  private async showError(message: string) {
    this.error = message;
    this.report = undefined;
    await this.updateComplete;
    this.errorElement?.focus();
  }

  override render() {
    return html`
      <section aria-labelledby="import-heading">
        <h2 id="import-heading">${s.importHeading}</h2>
        <p>${format(s.importIntro, { limit: megabytes(IMPORT_LIMIT_BYTES) })}</p>
        <form @submit=${this.handleSubmit} novalidate>
          ${this.error ? html`<p role="alert" id="import-error" tabindex="-1">${this.error}</p>` : nothing}
          <label for="hsds-file">${s.file}</label>
          <input id="hsds-file" name="file" type="file" accept=".json,application/json" aria-describedby=${this.error ? 'import-error' : nothing} aria-invalid=${this.error ? 'true' : nothing} />
          <div class="actions">
            <button type="submit" value="check" class="secondary" ?disabled=${this.busy}>${s.check}</button>
            <button type="submit" value="import" ?disabled=${this.busy}>${s.import}</button>
          </div>
        </form>
        ${this.report ? this.renderReport(this.report) : nothing}
      </section>
    `;
  }

  private renderReport(report: ImportReport) {
    const taken = plural(report.dryRun ? s.wouldImport : s.imported, report.imported);
    const refused = plural(report.dryRun ? s.wouldRefuse : s.refused, report.skipped.length);
    return html`
      <h3 id="report-heading" tabindex="-1">${report.dryRun ? s.checkReport : s.importReport}</h3>
      <p>${taken} ${refused}</p>
      ${report.dryRun && report.imported ? html`<p>${s.checkedHint}</p>` : nothing}
      ${
        report.skipped.length
          ? html`<div class="scroll" role="region" aria-labelledby="refused-caption" tabindex="0">
              <table>
                <caption id="refused-caption">${s.refusedCaption}</caption>
                <thead><tr><th scope="col">${s.record}</th><th scope="col">${s.reason}</th></tr></thead>
                <tbody>
                  ${report.skipped.map(
                    (record) => html`<tr>
                      <th scope="row">${record.name ? html`${record.name}<br /><span class="meta">${record.id}</span>` : record.id}</th>
                      <td>${refusalText(record)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-console-hsds-import': CivicConsoleHsdsImport;
  }
}
