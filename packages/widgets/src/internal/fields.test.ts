import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LocalizeController } from '../i18n/localize.js';
import { fakeClient } from '../test-support/fake-client.js';
import type { CivicSubmitEvent } from './events.js';
import { errorSummary, type Field, fieldRenderer, renderField, renderFields, textField } from './fields.js';
import { type FieldIssue, type Schema, SubmitController } from './submit.js';

/** Renders one field in a shadow root, with a fake submit state holding `issues`. */
class FieldHost extends LitElement {
  l10n = new LocalizeController(this);
  issues: FieldIssue[] = [];
  field!: (host: FieldHost) => unknown;
  submit = {
    issues: [] as FieldIssue[],
    failure: undefined,
    message: (issue: FieldIssue) => `Problem with ${issue.id}`,
    issueFor: (id: string) => this.issues.find((issue) => issue.id === id),
  };
  override render() {
    return this.field(this);
  }
}
customElements.define('civic-test-field-host', FieldHost);

async function renderOne(field: (host: FieldHost) => unknown, issues: FieldIssue[] = []) {
  const el = await fixture<FieldHost>(
    html`<civic-test-field-host .field=${field} .issues=${issues}></civic-test-field-host>`,
  );
  return { el, root: el.shadowRoot! };
}

const options = [
  { value: 'a', label: 'Apples' },
  { value: 'b', label: 'Bananas', hint: 'Fair trade' },
];

describe('a renderer of some controls', () => {
  it('draws the controls it was given, and leaves custom ones to the widget', async () => {
    const render = fieldRenderer({ text: textField });
    const { root } = await renderOne((host) => [
      render(host.submit, host.l10n, { control: 'text', id: 'name', label: 'Name', required: true }),
      render(host.submit, host.l10n, { control: 'custom', id: 'stars', label: 'Stars' }),
    ]);
    const input = root.getElementById('name') as HTMLInputElement;
    expect(input.labels?.[0]?.textContent).to.equal('Name');
    expect(input.required).to.equal(true);
    expect(root.getElementById('stars')).to.equal(null);
  });
});

describe('radios and checkboxes', () => {
  it('hides the legend visually only when asked (the question is already the heading)', async () => {
    const { root } = await renderOne((h) =>
      renderField(h.submit, h.l10n, {
        control: 'radios',
        id: 'q',
        label: 'Which?',
        hideLabel: true,
        options,
      }),
    );
    expect(root.querySelector('legend .visually-hidden')!.textContent).to.equal('Which?');
  });

  it('groups radios under a legend, keeps the choice and ties hints and errors', async () => {
    const { el, root } = await renderOne(
      (h) =>
        renderField(h.submit, h.l10n, {
          control: 'radios',
          id: 'fruit',
          label: 'Which fruit?',
          options,
          selected: ['b'],
          hint: 'Pick one',
          required: true,
        }),
      [{ id: 'fruit', key: 'requiredChoice' }],
    );
    const fieldset = root.querySelector('fieldset')!;
    expect(fieldset.querySelector('legend')!.textContent).to.equal('Which fruit?');
    expect(fieldset.getAttribute('aria-describedby')).to.equal('fruit-hint fruit-error');
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((r) => r.id)).to.deep.equal(['fruit', 'fruit-1']);
    expect(radios.map((r) => r.checked)).to.deep.equal([false, true]);
    expect(radios[0]!.labels![0]!.textContent).to.equal('Apples');
    expect(radios[1]!.getAttribute('aria-describedby')).to.equal('fruit-1-hint');
    expect(radios.every((r) => r.required && r.getAttribute('aria-invalid') === 'true')).to.equal(true);
    expect(root.getElementById('fruit-error')!.textContent).to.contain('Problem with fruit');
    await expect(el).to.be.accessible();
  });

  it('renders checkboxes that can be disabled one by one', async () => {
    const { root } = await renderOne((h) =>
      renderField(h.submit, h.l10n, {
        control: 'checkboxes',
        id: 'f',
        label: 'Fruit',
        options,
        disabled: (v) => v === 'b',
      }),
    );
    const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    expect(boxes.map((b) => b.disabled)).to.deep.equal([false, true]);
    expect(boxes.some((b) => b.required)).to.equal(false);
  });
});

describe('select', () => {
  it('labels a select with an empty first choice and the selected value', async () => {
    const { el, root } = await renderOne((h) =>
      renderField(h.submit, h.l10n, {
        control: 'select',
        id: 'cat',
        name: 'category',
        path: 'category',
        label: 'Category',
        emptyLabel: 'Any category',
        options: [
          { value: 'food', label: 'Food' },
          { value: 'health', label: 'Health' },
        ],
        value: 'health',
      }),
    );
    const select = root.querySelector('select')!;
    expect(select.labels[0]!.textContent).to.equal('Category');
    expect(select.value).to.equal('health');
    expect([...select.options].map((o) => o.value)).to.deep.equal(['', 'food', 'health']);
    await expect(el).to.be.accessible();
  });
});

describe('textarea', () => {
  it('counts the characters left and ties the count to the textarea', async () => {
    const { el, root } = await renderOne((h) =>
      renderField(h.submit, h.l10n, {
        control: 'textarea',
        id: 'comment',
        label: 'Comment',
        hint: 'No personal details',
        maxlength: 10,
        value: 'abc',
        remaining: (left) => `${left} characters left`,
      }),
    );
    const textarea = root.querySelector('textarea')!;
    expect(textarea.labels[0]!.textContent).to.equal('Comment');
    expect(textarea.maxLength).to.equal(10);
    expect(textarea.getAttribute('aria-describedby')).to.equal('comment-hint comment-count');
    expect(root.getElementById('comment-count')!.textContent!.trim()).to.equal('7 characters left');
    await expect(el).to.be.accessible();
  });

  it('announces the count while typing only in the last tenth of the limit', async () => {
    const liveness = async (value: string) => {
      const { root } = await renderOne((h) =>
        renderField(h.submit, h.l10n, {
          control: 'textarea',
          id: 'comment',
          label: 'Comment',
          maxlength: 100,
          value,
          remaining: (left) => `${left} characters left`,
        }),
      );
      return root.getElementById('comment-count')!.getAttribute('aria-live');
    };
    expect(await liveness('x'.repeat(89))).to.equal('off');
    expect(await liveness('x'.repeat(90))).to.equal('polite');
  });
});

/**
 * A tiny form widget whose fields come from one declaration: the template renders them, the submit controller
 * reads and checks them. `leaveOut` drops a field from the template only, as a forgetful widget would.
 */
class DeclaredForm extends LitElement {
  l10n = new LocalizeController(this);
  fields: Field[] = [];
  leaveOut?: string;
  /** Issues the schema reports, as zod would (paths as arrays). */
  schemaIssues: { path: string[]; code: string }[] = [];
  readonly schema: Schema<unknown> = {
    safeParse: (value) =>
      this.schemaIssues.length
        ? { success: false, error: { issues: this.schemaIssues } }
        : { success: true, data: value },
  };
  readonly submit = new SubmitController(
    this,
    { client: () => fakeClient({}), l10n: this.l10n as never, setState: () => {} },
    {
      operation: 'test',
      schema: this.schema,
      fields: () => this.fields,
      send: async () => ({ status: 'queued', id: 'x', persisted: true }),
    },
  );
  override render() {
    return html`<form novalidate @submit=${this.submit.handleSubmit}>
      ${errorSummary(this.submit, this.l10n, this.renderRoot)}
      ${renderFields(
        this.submit,
        this.l10n,
        this.fields.filter((field) => field.id !== this.leaveOut),
      )}
      <button>Send</button>
    </form>`;
  }
}
customElements.define('civic-test-declared-form', DeclaredForm);

const PERSON: Field[] = [
  {
    control: 'text',
    id: 'name',
    path: 'person.name',
    label: 'Name',
    required: true,
    maxlength: 20,
    autocomplete: 'name',
  },
  { control: 'text', id: 'email', label: 'Email', type: 'email', required: true },
  {
    control: 'text',
    id: 'code',
    label: 'Code',
    pattern: '[A-Za-z]{2}',
    read: (d, n) => String(d.get(n)).toUpperCase(),
  },
  {
    control: 'radios',
    id: 'size',
    label: 'Size',
    required: true,
    options: [
      { value: 's', label: 'S' },
      { value: 'l', label: 'L' },
    ],
  },
  { control: 'select', id: 'colour', label: 'Colour', options: [{ value: 'red', label: 'Red' }] },
  {
    control: 'text',
    id: 'a1',
    path: 'answers.a1',
    appendTo: 'answers',
    label: 'First',
    read: (d, n) => ({ code: 'a1', value: d.get(n) }),
  },
  {
    control: 'text',
    id: 'a2',
    path: 'answers.a2',
    appendTo: 'answers',
    label: 'Second',
    read: (d, n) => ({ code: 'a2', value: d.get(n) }),
  },
  { control: 'textarea', id: 'note', label: 'Note' },
  { control: 'checkbox', id: 'agree', label: 'I agree', required: true },
];

async function declaredForm(fields: Field[], leaveOut?: string) {
  const el = await fixture<DeclaredForm>(
    html`<civic-test-declared-form .fields=${fields} .leaveOut=${leaveOut}></civic-test-declared-form>`,
  );
  const root = el.shadowRoot!;
  const control = <T extends HTMLElement = HTMLInputElement>(id: string) => root.getElementById(id) as T;
  const send = async () => {
    root.querySelector('button')!.click();
    await el.updateComplete;
  };
  return { el, root, control, send };
}

describe('a form declared once', () => {
  it('renders every declared field as a labelled control with its native constraints', async () => {
    const { el, control } = await declaredForm(PERSON);
    for (const field of PERSON) {
      const input = control(field.id);
      expect(input, field.id).to.exist;
      const label = input.closest('fieldset')?.querySelector('legend') ?? (input as HTMLInputElement).labels![0];
      expect(label!.textContent!.trim(), field.id).to.equal(field.label);
    }
    expect(control('name').required).to.equal(true);
    expect(control('name').maxLength).to.equal(20);
    expect(control('name').autocomplete).to.equal('name');
    expect(control('email').type).to.equal('email');
    expect(control('code').pattern).to.equal('[A-Za-z]{2}');
    expect(control('size').required).to.equal(true);
    expect(control('note').localName).to.equal('textarea');
    await expect(el).to.be.accessible();
  });

  it('reads every declared field into the request at its path, leaving blank answers out', async () => {
    const { el, control, send } = await declaredForm(PERSON);
    control('name').value = ' Ann ';
    control('email').value = 'ann@example.org';
    control('code').value = 'fr';
    control('size-1').checked = true;
    control('a2').value = 'two';
    control('a1').value = 'one';
    control('agree').checked = true;
    const heard = oneEvent(el, 'civic-submit');
    await send();
    const event: CivicSubmitEvent = await heard;
    event.preventDefault();
    expect(event.detail.body).to.deep.equal({
      person: { name: 'Ann' },
      email: 'ann@example.org',
      code: 'FR',
      size: ['l'],
      colour: 'red',
      answers: [
        { code: 'a1', value: 'one' },
        { code: 'a2', value: 'two' },
      ],
      agree: true,
    });
  });

  it('links every failing declared field from the error summary, in declaration order', async () => {
    const { root, control, send } = await declaredForm(PERSON);
    control('code').value = 'x';
    await send();
    const links = [...root.querySelectorAll('[part=error-summary] a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#name', '#email', '#code', '#size', '#agree']);
    for (const link of links) expect(root.getElementById(link.getAttribute('href')!.slice(1))).to.exist;
    expect(links[0]!.textContent).to.equal('Enter Name');
  });

  it("gives a schema issue under a field's path to that field", async () => {
    const { el, root, control, send } = await declaredForm(PERSON.filter((f) => !f.required));
    el.schemaIssues = [
      { path: ['answers', 'a2', 'value'], code: 'too_big' },
      { path: ['elsewhere'], code: 'custom' },
    ];
    control('a2').value = 'two';
    await send();
    const items = [...root.querySelectorAll('[part=error-summary] li')];
    expect(items[0]!.querySelector('a')!.getAttribute('href')).to.equal('#a2');
    expect(items[1]!.querySelector('a')).to.equal(null);
  });

  it('refuses a declared field that the template leaves out, rather than dropping it from the summary', async () => {
    const { el, root } = await declaredForm(PERSON, 'email');
    const form = root.querySelector('form')!;
    const event = new SubmitEvent('submit', { cancelable: true });
    Object.defineProperty(event, 'currentTarget', { value: form });
    let thrown: unknown;
    await el.submit.handleSubmit(event).catch((error: unknown) => {
      thrown = error;
    });
    expect(String(thrown)).to.contain('"email"');
  });
});
