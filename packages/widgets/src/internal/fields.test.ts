import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, type TemplateResult } from 'lit';
import { LocalizeController } from '../i18n/localize.js';
import { choiceGroup, selectField, textareaField } from './fields.js';
import type { FieldIssue } from './submit.js';

/** Renders one field helper in a shadow root, with a fake submit state holding `issues`. */
class FieldHost extends LitElement {
  l10n = new LocalizeController(this);
  issues: FieldIssue[] = [];
  field!: (host: FieldHost) => TemplateResult;
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

async function renderField(field: (host: FieldHost) => TemplateResult, issues: FieldIssue[] = []) {
  const el = await fixture<FieldHost>(
    html`<civic-test-field-host .field=${field} .issues=${issues}></civic-test-field-host>`,
  );
  return { el, root: el.shadowRoot! };
}

const options = [
  { value: 'a', label: 'Apples' },
  { value: 'b', label: 'Bananas', hint: 'Fair trade' },
];

describe('choiceGroup', () => {
  it('groups radios under a legend, keeps the choice and ties hints and errors', async () => {
    const { el, root } = await renderField(
      (h) =>
        choiceGroup(h.submit, h.l10n, {
          id: 'fruit',
          name: 'fruit',
          legend: 'Which fruit?',
          type: 'radio',
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
    const { root } = await renderField((h) =>
      choiceGroup(h.submit, h.l10n, {
        id: 'f',
        name: 'f',
        legend: 'Fruit',
        type: 'checkbox',
        options,
        disabled: (v) => v === 'b',
      }),
    );
    const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    expect(boxes.map((b) => b.disabled)).to.deep.equal([false, true]);
    expect(boxes.some((b) => b.required)).to.equal(false);
  });
});

describe('selectField', () => {
  it('labels a select with an empty first choice and the selected value', async () => {
    const { el, root } = await renderField((h) =>
      selectField(h.submit, h.l10n, {
        id: 'cat',
        name: 'category',
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

describe('textareaField', () => {
  it('counts the characters left and ties the count to the textarea', async () => {
    const { el, root } = await renderField((h) =>
      textareaField(h.submit, h.l10n, {
        id: 'comment',
        name: 'comment',
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
      const { root } = await renderField((h) =>
        textareaField(h.submit, h.l10n, {
          id: 'comment',
          name: 'comment',
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
