import { html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ApiError, api, endsSession, type OutboxMail } from './api.js';
import { format, t, when } from './strings.js';
import { consoleStyles } from './styles.js';

const s = t.mail;

/**
 * The mail outbox (admins): mail the relay refused for good, with its reason and a way to send it again once the
 * cause is mended, and mail still waiting for a retry. Addresses come masked from the server. Fires
 * `session-ended` on a 401.
 */
@customElement('civic-console-mail')
export class CivicConsoleMail extends LitElement {
  static override styles = consoleStyles;

  @state() private failed?: OutboxMail[];
  @state() private queued?: OutboxMail[];
  @state() private loadError = false;
  @state() private announcement = '';
  @query('#failed-heading') private failedHeading?: HTMLElement;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      [this.failed, this.queued] = await Promise.all([api.outbox('failed'), api.outbox('queued')]);
      this.loadError = false;
    } catch (error) {
      if (!endsSession(error, this)) this.loadError = true;
    }
  }

  /** Its row leaves the list, so the focus goes to the list's heading, after the outcome is announced. */
  private async retry(mail: OutboxMail) {
    try {
      await api.retryMail(mail.id);
      this.announcement = format(s.retried, { to: mail.to });
    } catch (error) {
      if (endsSession(error, this)) return;
      this.announcement = error instanceof ApiError && error.status === 409 ? s.notFailed : t.common.loadError;
    }
    await this.load();
    await this.updateComplete;
    this.failedHeading?.focus();
  }

  override render() {
    return html`
      ${this.loadError ? html`<p role="alert">${t.common.loadError}</p>` : nothing}
      <p role="status">${this.announcement}</p>
      <section aria-labelledby="failed-heading">
        <h2 id="failed-heading" tabindex="-1">${s.failedHeading}</h2>
        ${this.renderList(this.failed, 'failed')}
      </section>
      <section aria-labelledby="queued-heading">
        <h2 id="queued-heading">${s.queuedHeading}</h2>
        ${this.renderList(this.queued, 'queued')}
      </section>
    `;
  }

  private renderList(mails: OutboxMail[] | undefined, kind: 'failed' | 'queued') {
    if (!mails) return this.loadError ? nothing : html`<p>${t.common.loading}</p>`;
    if (!mails.length) return html`<p>${kind === 'failed' ? s.noneFailed : s.noneQueued}</p>`;
    const caption = `${kind}-caption`;
    return html`
      <div class="scroll" role="region" aria-labelledby=${caption} tabindex="0">
        <table>
          <caption id=${caption} class="visually-hidden">${kind === 'failed' ? s.failedList : s.queuedList}</caption>
          <thead>
            <tr>
              <th scope="col">${s.to}</th><th scope="col">${s.subject}</th><th scope="col">${s.written}</th>
              <th scope="col">${s.attempts}</th>
              <th scope="col">${kind === 'failed' ? s.reason : s.nextAttempt}</th>
              ${kind === 'failed' ? html`<th scope="col"><span class="visually-hidden">${s.action}</span></th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${mails.map(
              (mail) => html`<tr>
                <td>${mail.to}</td>
                <td>${mail.subject}</td>
                <td>${when(mail.createdAt)}</td>
                <td>${mail.attempts}</td>
                ${
                  kind === 'failed'
                    ? html`<td>${mail.failure}</td>
                        <td><button type="button" class="secondary" @click=${() => this.retry(mail)}>
                          ${format(s.retry, { to: mail.to })}
                        </button></td>`
                    : html`<td>${mail.nextAttemptAt ? when(mail.nextAttemptAt) : s.now}</td>`
                }
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-console-mail': CivicConsoleMail;
  }
}
