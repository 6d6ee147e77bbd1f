import { Poll } from '@civic-widgets/client/schemas';
import { html, LitElement, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import * as z from 'zod/mini';
import { type AdminPoll, ApiError, api, endsSession } from './api.js';
import { type Described, errorSummary, field, slug } from './form-kit.js';
import { t } from './strings.js';
import { consoleStyles } from './styles.js';
import './poll-preview.js';

const s = t.polls;

/** What the admin API accepts: the protocol's poll without the status the server computes (as the server says). */
const PollInput = z.omit(Poll, { status: true });
type PollInput = z.infer<typeof PollInput>;

type Field = keyof typeof s.errors | 'id';

/** The field a schema issue belongs to, so that its message sits with the right control. */
function fieldOf(path: PropertyKey[]): Field {
  const [first] = path;
  if (first === 'opensAt' || first === 'closesAt') return 'window';
  if (first === 'id' || first === 'question' || first === 'maxChoices' || first === 'suppressBelow') return first;
  return 'options';
}

/** Option ids from their labels, made distinct by a number where two labels make the same one. */
function optionsOf(lines: string[]) {
  const seen = new Set<string>();
  return lines.map((label, index) => {
    let id = slug(label, `option-${index + 1}`);
    for (let n = 2; seen.has(id); n++) id = `${slug(label, 'option')}-${n}`;
    seen.add(id);
    return { id, label };
  });
}

const instant = (local: string) => (local ? new Date(local).toISOString() : undefined);
const wholeNumber = (text: string) => (text === '' ? undefined : Number(text));

/**
 * Creating a consultation: single, multiple or ranked, with its options, opening window, results policy and
 * small-count threshold. Checked with the protocol's schema before sending, the problems listed in a summary
 * that takes focus and links to each field. Fires `poll-created` with the poll.
 */
@customElement('civic-console-poll-form')
export class CivicConsolePollForm extends LitElement {
  static override styles = consoleStyles;

  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private serverError?: string;
  @state() private busy = false;
  /** What the preview shows: the form as it reads now, once it is a valid poll. */
  @state() private preview?: PollInput;
  @query('#error-summary') private summary?: HTMLElement;

  private read(form: HTMLFormElement): { input?: PollInput; errors: Partial<Record<Field, string>> } {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const kind = text('kind') as PollInput['kind'];
    const question = text('question');
    const options = optionsOf(
      text('options')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    );
    const candidate = {
      id: text('id') || slug(question, 'consultation'),
      question,
      description: text('description') || undefined,
      kind,
      options,
      maxChoices: kind === 'multiple' ? wholeNumber(text('maxChoices')) : undefined,
      opensAt: instant(text('opensAt')),
      closesAt: instant(text('closesAt')),
      resultsVisibility: text('resultsVisibility'),
      suppressBelow: wholeNumber(text('suppressBelow')),
    };
    const errors: Partial<Record<Field, string>> = {};
    const result = z.safeParse(PollInput, candidate);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = fieldOf(issue.path);
        errors[field] ??= field === 'id' ? s.idError : s.errors[field];
      }
    }
    // The rules the server adds to the schema, said here first.
    if (candidate.maxChoices !== undefined && candidate.maxChoices > options.length)
      errors.maxChoices = s.errors.maxChoices;
    if (candidate.opensAt && candidate.closesAt && candidate.opensAt >= candidate.closesAt)
      errors.window = s.errors.window;
    return { input: result.success ? result.data : undefined, errors };
  }

  private async handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    // Kept now: once the event is dispatched, its target is retargeted to the console's own element.
    const form = event.target as HTMLFormElement;
    const { input, errors } = this.read(form);
    this.errors = errors;
    this.serverError = undefined;
    if (!input || Object.keys(errors).length) return this.focusSummary();
    this.busy = true;
    try {
      const poll = await api.createPoll(input);
      form.reset();
      this.preview = undefined;
      this.dispatchEvent(new CustomEvent<AdminPoll>('poll-created', { detail: poll, bubbles: true, composed: true }));
    } catch (error) {
      if (endsSession(error, this)) return;
      // What was typed stays: only the summary is new.
      this.serverError = error instanceof ApiError ? error.message : t.common.sendError;
      await this.focusSummary();
    } finally {
      this.busy = false;
    }
  }

  /** Each keystroke redraws the preview; the form's errors are said only on submit. */
  private handleInput(event: Event) {
    const form = (event.currentTarget as HTMLFormElement | null) ?? undefined;
    if (form) this.preview = this.read(form).input;
  }

  private async focusSummary() {
    await this.updateComplete;
    this.summary?.focus();
  }

  override render() {
    const problems = Object.entries(this.errors) as [Field, string][];
    return html`
      <h2>${s.create}</h2>
      ${errorSummary(
        this.renderRoot,
        s.errorSummary,
        problems.map(([name, message]) => [controlOf(name), message]),
        this.serverError,
      )}
      <form @submit=${this.handleSubmit} @input=${this.handleInput} novalidate>
        ${this.renderField('question', s.question, (d) => html`<textarea id="question" name="question" maxlength="500" rows="2" required aria-describedby=${d.by} aria-invalid=${d.invalid}></textarea>`)}
        <label for="description">${s.description}</label>
        <textarea id="description" name="description" maxlength="5000" rows="3"></textarea>
        <fieldset>
          <legend>${s.kind}</legend>
          ${Object.entries(s.kinds).map(
            ([value, label], index) =>
              html`<div class="check"><input type="radio" id="kind-${value}" name="kind" value=${value} ?checked=${index === 0} /><label for="kind-${value}">${label}</label></div>`,
          )}
        </fieldset>
        ${this.renderField('options', s.options, (d) => html`<textarea id="options" name="options" rows="4" required aria-describedby=${d.by} aria-invalid=${d.invalid}></textarea>`)}
        ${this.renderField('maxChoices', s.maxChoices, (d) => html`<input id="maxChoices" name="maxChoices" type="number" min="1" max="50" inputmode="numeric" aria-describedby=${d.by} aria-invalid=${d.invalid} />`)}
        ${this.renderField('window', s.opensAt, (d) => html`<input id="opensAt" name="opensAt" type="datetime-local" aria-describedby=${d.by} aria-invalid=${d.invalid} />`)}
        <label for="closesAt">${s.closesAt}</label>
        <input id="closesAt" name="closesAt" type="datetime-local" />
        <label for="resultsVisibility">${s.visibility}</label>
        <select id="resultsVisibility" name="resultsVisibility">
          ${Object.entries(s.visibilities).map(([value, label]) => html`<option value=${value}>${label}</option>`)}
        </select>
        ${this.renderField('suppressBelow', s.suppressBelow, (d) => html`<input id="suppressBelow" name="suppressBelow" type="number" min="0" inputmode="numeric" aria-describedby=${d.by} aria-invalid=${d.invalid} />`)}
        ${this.renderField('id', s.id, (d) => html`<input id="id" name="id" maxlength="100" aria-describedby=${d.by} aria-invalid=${d.invalid} />`)}
        <div><button type="submit" ?disabled=${this.busy}>${s.submit}</button></div>
      </form>
      <civic-console-poll-preview .poll=${this.preview}></civic-console-poll-preview>
    `;
  }

  private renderField(name: Field, label: string, control: (described: Described) => TemplateResult) {
    return field(controlOf(name), label, this.errors[name], control);
  }
}

/** The control a field's message points at: the window's is its opening time. */
const controlOf = (field: Field) => (field === 'window' ? 'opensAt' : field);

declare global {
  interface HTMLElementTagNameMap {
    'civic-console-poll-form': CivicConsolePollForm;
  }
}
