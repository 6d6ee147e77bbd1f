import type { CivicClient } from '@civic-widgets/client';
import type { ClientError, ResourceClient, Submission } from '@civic-widgets/client/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LocalizeController } from '../i18n/localize.js';
import type { CommonStrings } from '../i18n/strings.js';
import { CivicErrorEvent, CivicQueuedEvent, CivicSubmitEvent, CivicSuccessEvent } from './events.js';
import { type Field, fieldAt, readFields } from './fields.js';
import { clientErrorMessage, toClientError } from './messages.js';

/** The common messages a field error can use; a field may override any of them. */
export type IssueKey =
  | 'required'
  | 'requiredChoice'
  | 'invalidEmail'
  | 'invalidFormat'
  | 'tooLong'
  | 'tooShort'
  | 'invalid';

/** A field error, kept as a key (not text) so it re-localizes when the language changes. */
export interface FieldIssue {
  /** The field's control id, when the issue belongs to a known field. */
  id?: string;
  key: IssueKey;
  vars?: Record<string, string | number>;
}

/** The part of a zod issue we read: never its `message`, which is English and not written for residents. */
interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly code: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly format?: string;
  readonly input?: unknown;
}

/** A zod (or zod/mini) schema: the client's, so the form checks exactly what the client will. */
export interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly SchemaIssue[] } };
}

export interface SubmitOptions<Body, Receipt, Client extends ResourceClient = CivicClient> {
  /** The client method, reported in events (`signPetition`). */
  operation: string;
  schema: Schema<Body>;
  /** The form's fields, declared once, in display order (the error summary follows it). */
  fields: () => Field[];
  /** The request from the fields' values (`readFields`), with what no field holds. Default: the values. */
  request?: (values: Record<string, unknown>) => unknown;
  send: (client: Client, body: Body) => Promise<Submission<Receipt>>;
  /** A widget's own wording for some failures (e.g. a closed petition); `undefined` for the common one. */
  describeError?: (error: ClientError) => string | undefined;
  /** Called with the receipt when the backend acknowledges, now or later from the outbox. */
  onDelivered?: (receipt: Receipt) => void;
}

/** What the controller needs from its widget (`CivicElement.submitContext()`). */
export interface SubmitContext<Client extends ResourceClient = CivicClient> {
  client: () => Client | undefined;
  l10n: LocalizeController;
  setState: (name: string, on: boolean) => void;
}

export type SubmitState = 'idle' | 'submitting' | 'delivered' | 'queued';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/**
 * One form submission: native validity, then the client's schema; errors as localized messages with an error
 * summary that takes focus; `civic-submit` (cancelable) before sending; `civic-success`, `civic-queued` and
 * `civic-error` after; custom states `submitting`, `submitted` and `user-invalid`. A submission in flight blocks
 * another, and the form's input is never cleared on failure (the controller never touches the controls).
 */
export class SubmitController<Body, Receipt, Client extends ResourceClient = CivicClient>
  implements ReactiveController
{
  state: SubmitState = 'idle';
  /** Field errors from the last attempt, in field order. */
  issues: FieldIssue[] = [];
  /** Why the last attempt failed, when it was not the fields' fault. */
  failure?: string;
  error?: ClientError;
  receipt?: Receipt;
  queued?: { id: string; persisted: boolean };
  /** Text for the polite live region. */
  status = '';
  #watching?: () => void;

  constructor(
    private readonly host: Host,
    private readonly context: SubmitContext<Client>,
    private readonly options: SubmitOptions<Body, Receipt, Client>,
  ) {
    host.addController(this);
  }

  /**
   * Once the widget has its client, the outbox's code loads in the background: it is not part of the widget's file,
   * and a resident who loses the connection while filling in the form must still be able to submit.
   */
  hostUpdated() {
    this.context.client()?.prepareOutbox();
  }

  hostDisconnected() {
    this.#watching?.();
  }

  /** Use as the form's `@submit` listener (with `novalidate` on the form). */
  readonly handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.state === 'submitting') return;
    const form = event.currentTarget as HTMLFormElement;
    const fields = this.options.fields();
    const undrawn = fields.find((field) => !form.querySelector(`#${CSS.escape(field.id)}`));
    // A declared field without its control would be missing from the native checks and the summary's links.
    if (undrawn) throw new Error(`Civic Widgets: the field "${undrawn.id}" is declared but not in the form.`);
    const issues = nativeIssues(form, fields);
    const values = readFields(form, fields);
    const parsed = this.options.schema.safeParse(this.options.request ? this.options.request(values) : values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const mapped = schemaIssue(issue, fields);
        if (!issues.some((known) => known.id !== undefined && known.id === mapped.id)) issues.push(mapped);
      }
    }
    if (issues.length > 0 || !parsed.success) {
      await this.#showIssues(sortByField(issues, fields));
      return;
    }
    const client = this.context.client();
    if (!client) {
      // The backend is not connected yet (an adapter still loading, or a failed configuration): say so rather
      // than swallow the citizen's submit; their input stays in the form for another try.
      this.failure = this.context.l10n.t.common.errorNetwork;
      this.host.requestUpdate();
      return;
    }
    const submitEvent = new CivicSubmitEvent({ operation: this.options.operation, body: parsed.data });
    this.host.dispatchEvent(submitEvent);
    if (submitEvent.defaultPrevented) return;
    await this.#send(client, parsed.data);
  };

  /** The text of a field issue, in the current language. */
  message(issue: FieldIssue): string {
    const field = issue.id ? this.options.fields().find((f) => f.id === issue.id) : undefined;
    const custom = field?.messages?.[issue.key];
    if (custom) return custom();
    const common: CommonStrings = this.context.l10n.t.common;
    const label = field ? (field.issueLabel ?? field.label) : '';
    return this.context.l10n.format(common[issue.key], { label, ...issue.vars });
  }

  /** The error for one control, if any. */
  issueFor(id: string): FieldIssue | undefined {
    return this.issues.find((issue) => issue.id === id);
  }

  async #send(client: Client, body: Body) {
    const common = this.context.l10n.t.common;
    this.issues = [];
    this.failure = undefined;
    this.error = undefined;
    this.#setState('submitting');
    this.status = common.sending;
    this.host.requestUpdate();
    const operation = this.options.operation;
    try {
      const result = await this.options.send(client, body);
      if (result.status === 'delivered') {
        this.#delivered(result.receipt);
      } else {
        this.queued = { id: result.id, persisted: result.persisted };
        this.#setState('queued');
        this.status = result.persisted ? common.queued : common.queuedUnsaved;
        this.host.dispatchEvent(new CivicQueuedEvent({ ...this.queued, operation }));
        this.#watch(client, result.id);
      }
    } catch (thrown) {
      const error = toClientError(thrown);
      this.error = error;
      this.#setState('idle');
      this.status = '';
      this.host.dispatchEvent(new CivicErrorEvent({ error, operation }));
      const fields = this.options.fields();
      const serverIssues = error.kind === 'validation' ? error.fieldErrors.map((e) => schemaIssue(e, fields)) : [];
      if (serverIssues.some((issue) => issue.id)) await this.#showIssues(sortByField(serverIssues, fields));
      else this.failure = this.options.describeError?.(error) ?? clientErrorMessage(error, common);
    }
    this.host.requestUpdate();
  }

  /** `status`: what the live region says (a submission saved earlier says that it has now been sent). */
  #delivered(receipt: Receipt, status = '') {
    this.receipt = receipt;
    this.#setState('delivered');
    this.status = status;
    this.options.onDelivered?.(receipt);
    this.host.dispatchEvent(new CivicSuccessEvent({ receipt, operation: this.options.operation }));
    this.host.requestUpdate();
  }

  /** Follows a queued submission: the client reports its later delivery or final failure. */
  #watch(client: Client, id: string) {
    this.#watching?.();
    const onDelivered = (event: Event) => {
      const detail = (event as CustomEvent<{ entry: { id: string }; receipt?: unknown }>).detail;
      if (detail.entry.id !== id) return;
      stop();
      this.#delivered(detail.receipt as Receipt, this.context.l10n.t.common.deliveredLater);
    };
    const onFailed = (event: Event) => {
      const detail = (event as CustomEvent<{ entry: { id: string }; error?: ClientError }>).detail;
      if (detail.entry.id !== id) return;
      stop();
      const error = toClientError(detail.error);
      this.error = error;
      this.#setState('idle');
      this.failure = this.options.describeError?.(error) ?? clientErrorMessage(error, this.context.l10n.t.common);
      this.host.dispatchEvent(new CivicErrorEvent({ error, operation: this.options.operation }));
      this.host.requestUpdate();
    };
    const stop = () => {
      client.removeEventListener('delivered', onDelivered);
      client.removeEventListener('failed', onFailed);
      client.removeEventListener('expired', onFailed);
      this.#watching = undefined;
    };
    client.addEventListener('delivered', onDelivered);
    client.addEventListener('failed', onFailed);
    client.addEventListener('expired', onFailed);
    this.#watching = stop;
  }

  async #showIssues(issues: FieldIssue[]) {
    this.issues = issues;
    this.failure = undefined;
    this.context.setState('user-invalid', true);
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('[data-error-summary]')?.focus();
  }

  #setState(state: SubmitState) {
    this.state = state;
    this.context.setState('submitting', state === 'submitting');
    this.context.setState('submitted', state === 'delivered' || state === 'queued');
    if (state === 'submitting') this.context.setState('user-invalid', false);
  }
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Native constraint failures, read from `validity` so no browser bubble or browser-language text is shown. */
function nativeIssues(form: HTMLFormElement, fields: Field[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of fields) {
    const control = form.querySelector<Control>(`#${CSS.escape(field.id)}`);
    if (!control?.willValidate || control.validity.valid) continue;
    const v = control.validity;
    const isCheck = control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio');
    let issue: FieldIssue;
    if (v.valueMissing) issue = { id: field.id, key: isCheck ? 'requiredChoice' : 'required' };
    else if (v.typeMismatch && control.type === 'email') issue = { id: field.id, key: 'invalidEmail' };
    else if (v.tooLong)
      issue = { id: field.id, key: 'tooLong', vars: { max: (control as HTMLInputElement).maxLength } };
    else if (v.tooShort)
      issue = { id: field.id, key: 'tooShort', vars: { min: (control as HTMLInputElement).minLength } };
    else if (v.patternMismatch || v.typeMismatch) issue = { id: field.id, key: 'invalidFormat' };
    else issue = { id: field.id, key: 'invalid' };
    issues.push(issue);
  }
  return issues;
}

/** A schema issue or a server field error (`{path, code}`) as a field issue, by path and code. */
function schemaIssue(issue: SchemaIssue | { path: string; code?: string }, fields: Field[]): FieldIssue {
  const path = typeof issue.path === 'string' ? issue.path : issue.path.map(String).join('.');
  const id = fieldAt(fields, path)?.id;
  const s = issue as SchemaIssue;
  switch (issue.code) {
    case 'invalid_type':
      return { id, key: s.input === undefined ? 'required' : 'invalid' };
    case 'too_small':
      return s.minimum === undefined || Number(s.minimum) <= 1
        ? { id, key: 'required' }
        : { id, key: 'tooShort', vars: { min: Number(s.minimum) } };
    case 'too_big':
      return { id, key: 'tooLong', vars: s.maximum === undefined ? {} : { max: Number(s.maximum) } };
    case 'invalid_format':
      return { id, key: s.format === 'email' ? 'invalidEmail' : 'invalidFormat' };
    default:
      return { id, key: 'invalid' };
  }
}

function sortByField(issues: FieldIssue[], fields: Field[]): FieldIssue[] {
  const order = (issue: FieldIssue) => {
    const index = fields.findIndex((field) => field.id === issue.id);
    return index === -1 ? fields.length : index;
  };
  return [...issues].sort((a, b) => order(a) - order(b));
}
