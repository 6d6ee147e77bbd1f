import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { type Attention, api, endsSession } from './api.js';
import { format, plural, t, when } from './strings.js';
import { consoleStyles } from './styles.js';

const s = t.attention;

/**
 * The top of the landing page: new comments this week, proposals waiting for moderation, consultations opening
 * or closing in the coming week, and mail that failed (admins), each linking to the page where it is dealt with. Fires `session-ended` on a 401.
 */
@customElement('civic-console-attention')
export class CivicConsoleAttention extends LitElement {
  static override styles = consoleStyles;

  @state() private attention?: Attention;
  @state() private loadError = false;

  override connectedCallback() {
    super.connectedCallback();
    api.attention().then(
      (attention) => {
        this.attention = attention;
      },
      (error) => {
        if (!endsSession(error, this)) this.loadError = true;
      },
    );
  }

  override render() {
    return html`
      <section aria-labelledby="attention-heading">
        <h2 id="attention-heading">${s.heading}</h2>
        ${this.loadError ? html`<p role="alert">${t.common.loadError}</p>` : nothing}
        ${this.attention ? this.renderItems(this.attention) : this.loadError ? nothing : html`<p>${t.common.loading}</p>`}
      </section>
    `;
  }

  private renderItems({ newComments, proposals, polls, failedMail }: Attention) {
    return html`<ul>
      <li>${newComments ? html`<a href="#feedback">${plural(s.newComments, newComments)}</a>` : s.noNewComments}</li>
      <li>${proposals ? html`<a href="#proposals">${plural(s.proposals, proposals)}</a>` : s.noProposals}</li>
      ${
        polls.length
          ? polls.map((poll) => {
              const opening = poll.status === 'upcoming' && poll.opensAt;
              const text = opening
                ? format(s.opening, { question: poll.question, date: when(poll.opensAt!) })
                : format(s.closing, { question: poll.question, date: when(poll.closesAt!) });
              return html`<li><a href="#polls">${text}</a></li>`;
            })
          : html`<li>${s.noPolls}</li>`
      }
      ${failedMail ? html`<li><a href="#mail">${plural(s.failedMail, failedMail)}</a></li>` : nothing}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-console-attention': CivicConsoleAttention;
  }
}
