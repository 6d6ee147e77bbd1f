import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { describeExamples } from '../test-support/axe.js';
import { checkCatalog } from '../test-support/catalog.js';
import { asCompared, mixesDigits } from '../test-support/engine.js';
import { sendKeys } from '../test-support/keys.js';
import { examples } from './rating.examples.js';
import type { CivicRating } from './rating.js';
import { ratingCatalog } from './rating.strings.js';
import '../define/civic-rating.js';

// Form-control tests in the spirit of Material Web's runFormControlTests: one table, each row a behaviour of a
// native control that <civic-rating> must share.

async function inForm(attrs = '') {
  const form = await fixture<HTMLFormElement>(
    html`<form><fieldset><civic-rating name="score" scale="stars"></civic-rating></fieldset><button>Send</button></form>`,
  );
  const el = form.querySelector('civic-rating')!;
  for (const [name, value] of attrs
    .split(' ')
    .filter(Boolean)
    .map((a) => a.split('='))) {
    el.setAttribute(name!, value ?? '');
  }
  await el.updateComplete;
  return { form, el, fieldset: form.querySelector('fieldset')! };
}

const radios = (el: CivicRating) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=radio]')];
const checked = (el: CivicRating) => radios(el).find((r) => r.getAttribute('aria-checked') === 'true');
const hasState = (el: CivicRating, name: string) =>
  (el as unknown as { matches(s: string): boolean }).matches(`:state(${name})`);

const formControlCases: { name: string; run: () => Promise<void> }[] = [
  {
    name: 'its value is in FormData under its name, and left out while empty',
    run: async () => {
      const { form, el } = await inForm();
      expect(new FormData(form).has('score')).to.equal(false);
      el.value = '4';
      await el.updateComplete;
      expect(new FormData(form).get('score')).to.equal('4');
    },
  },
  {
    name: 'a form reset returns to default-value',
    run: async () => {
      const { form, el } = await inForm('default-value=2 value=5');
      form.reset();
      await el.updateComplete;
      expect(el.value).to.equal('2');
      expect(new FormData(form).get('score')).to.equal('2');
    },
  },
  {
    name: 'a disabled fieldset disables it: no value in FormData, no tab stop, no choice by click',
    run: async () => {
      const { form, el, fieldset } = await inForm('value=3');
      fieldset.disabled = true;
      await el.updateComplete;
      expect(new FormData(form).has('score')).to.equal(false);
      expect(radios(el).every((r) => r.tabIndex === -1)).to.equal(true);
      radios(el)[0]!.click();
      expect(el.value).to.equal('3');
    },
  },
  {
    name: 'required and empty is invalid, with the browser’s own message; a value makes it valid',
    run: async () => {
      const { form, el } = await inForm('required');
      expect(el.checkValidity()).to.equal(false);
      expect(form.checkValidity()).to.equal(false);
      expect(el.validity.valueMissing).to.equal(true);
      const native = document.createElement('input');
      native.type = 'radio';
      native.required = true;
      native.name = 'proxy';
      expect(el.validationMessage).to.equal(native.validationMessage);
      expect(el.validationMessage).not.to.equal('');
      el.value = '1';
      await el.updateComplete;
      expect(el.checkValidity()).to.equal(true);
    },
  },
  {
    name: 'its states take the --name form where the plain one throws (Chromium before 125)',
    run: async () => {
      const add = CustomStateSet.prototype.add;
      const remove = CustomStateSet.prototype.delete;
      const onlyDashed = (original: (name: string) => unknown) =>
        function (this: CustomStateSet, name: string) {
          if (!name.startsWith('--')) throw new DOMException(`"${name}" is not a valid custom state`, 'SyntaxError');
          return original.call(this, name);
        };
      CustomStateSet.prototype.add = onlyDashed(add) as typeof add;
      CustomStateSet.prototype.delete = onlyDashed(remove) as typeof remove;
      try {
        const { form, el } = await inForm('required');
        form.requestSubmit();
        await el.updateComplete;
        expect([hasState(el, '--user-invalid'), hasState(el, 'user-invalid')]).to.deep.equal([true, false]);
        radios(el)[3]!.click();
        await el.updateComplete;
        expect([hasState(el, '--user-invalid'), hasState(el, '--user-valid')]).to.deep.equal([false, true]);
      } finally {
        CustomStateSet.prototype.add = add;
        CustomStateSet.prototype.delete = remove;
      }
    },
  },
  {
    name: 'user-invalid and user-valid only after interaction or a submit attempt',
    run: async () => {
      const { form, el } = await inForm('required');
      expect(hasState(el, 'user-invalid')).to.equal(false);
      form.requestSubmit();
      await el.updateComplete;
      expect(hasState(el, 'user-invalid')).to.equal(true);
      radios(el)[3]!.click();
      await el.updateComplete;
      expect(hasState(el, 'user-invalid')).to.equal(false);
      expect(hasState(el, 'user-valid')).to.equal(true);
      form.reset();
      await el.updateComplete;
      expect(hasState(el, 'user-invalid') || hasState(el, 'user-valid')).to.equal(false);
    },
  },
  {
    name: 'a click fires input then change; setting value from code fires nothing',
    run: async () => {
      const { el } = await inForm();
      const events: string[] = [];
      el.addEventListener('input', () => events.push('input'));
      el.addEventListener('change', () => events.push('change'));
      el.value = '2';
      await el.updateComplete;
      expect(events).to.deep.equal([]);
      radios(el)[4]!.click();
      expect(events).to.deep.equal(['input', 'change']);
      expect(el.value).to.equal('5');
      radios(el)[4]!.click();
      expect(events, 'choosing the same value again').to.have.length(2);
    },
  },
  {
    name: 'one tab stop; arrows move and select (wrapping), Home and End go to the ends',
    run: async () => {
      const { el } = await inForm();
      const events: string[] = [];
      el.addEventListener('change', () => events.push(el.value));
      expect(radios(el).map((r) => r.tabIndex)).to.deep.equal([0, -1, -1, -1, -1]);
      el.focus();
      await sendKeys({ press: 'ArrowRight' });
      expect(el.value).to.equal('2');
      await sendKeys({ press: 'End' });
      expect(el.value).to.equal('5');
      await sendKeys({ press: 'ArrowDown' });
      expect(el.value, 'wraps to the first').to.equal('1');
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'Home' });
      expect(events).to.deep.equal(['2', '5', '1', '5', '1']);
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(checked(el));
      expect(radios(el).map((r) => r.tabIndex)).to.deep.equal([0, -1, -1, -1, -1]);
    },
  },
];

describe('<civic-rating> as a form control', () => {
  for (const { name, run } of formControlCases) it(name, run);

  it('names each choice, by scale', async () => {
    const names = async (scale: string) => {
      const el = await fixture<CivicRating>(html`<civic-rating scale=${scale}></civic-rating>`);
      return radios(el).map((r) => r.getAttribute('aria-label'));
    };
    expect(await names('thumbs')).to.deep.equal(['Yes', 'No']);
    expect((await names('stars'))[3]).to.equal('4 out of 5 stars');
    expect(await names('smileys'))
      .to.have.length(5)
      .and.include('Very satisfied');
    const nps = await names('nps');
    expect([nps.length, nps[0], nps[10]]).to.deep.equal([11, '0 out of 10', '10 out of 10']);
  });

  it('thumbs submit 1 for yes and 0 for no', async () => {
    const { form, el } = await inForm('scale=thumbs');
    radios(el)[1]!.click();
    expect(new FormData(form).get('score')).to.equal('0');
  });

  it('arrows follow the reading direction in Arabic', async () => {
    const wrapper = await fixture(html`<div lang="ar"><civic-rating scale="stars" value="2"></civic-rating></div>`);
    const el = wrapper.querySelector('civic-rating')!;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=base]')!.getAttribute('dir')).to.equal('rtl');
    const label = radios(el)[3]!.getAttribute('aria-label')!;
    const digit = (n: number) => new Intl.NumberFormat('ar').format(n);
    expect(asCompared(label)).to.equal(asCompared(`${digit(4)} نجوم من ${digit(5)}`));
    expect(mixesDigits(label), `the value and the maximum in the same digits: ${label}`).to.equal(false);
    el.focus();
    expect(el.shadowRoot!.activeElement?.getAttribute('data-value'), 'focus goes to the chosen value').to.equal('2');
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.value).to.equal('3');
  });

  it('follows a language change on an ancestor at run time: names, digits and direction', async () => {
    const wrapper = await fixture(html`<div lang="en"><civic-rating scale="nps"></civic-rating></div>`);
    const el = wrapper.querySelector('civic-rating')!;
    await el.updateComplete;
    const base = el.shadowRoot!.querySelector('[part=base]')!;
    expect([radios(el)[3]!.textContent, radios(el)[3]!.getAttribute('aria-label')]).to.deep.equal(['3', '3 out of 10']);
    // Arabic, then Egyptian Arabic: the same strings, but Egypt writes Arabic-Indic digits, the maximum's too.
    for (const lang of ['ar', 'ar-EG']) {
      wrapper.setAttribute('lang', lang);
      await waitUntil(() => base.getAttribute('lang') === lang);
      const [three, ten] = [3, 10].map((n) => new Intl.NumberFormat(lang).format(n));
      expect(base.getAttribute('dir')).to.equal('rtl');
      const label = radios(el)[3]!.getAttribute('aria-label')!;
      expect([radios(el)[3]!.textContent, label].map(asCompared)).to.deep.equal(
        [three!, `${three} من ${ten}`].map(asCompared),
      );
      expect(mixesDigits(label), `one kind of digits in ${label}`).to.equal(false);
    }
    wrapper.setAttribute('lang', 'en');
    await waitUntil(() => base.getAttribute('dir') === 'ltr');
    expect(radios(el)[3]!.getAttribute('aria-label')).to.equal('3 out of 10');
  });

  it('names its choices from its own .strings, while other ratings keep the shared names', async () => {
    const wrapper = await fixture(html`<div><civic-rating></civic-rating><civic-rating></civic-rating></div>`);
    const [plain, custom] = wrapper.querySelectorAll('civic-rating') as unknown as CivicRating[];
    custom!.strings = { rating: { stars: { one: '{value} point', other: '{value} points' } } };
    await custom!.updateComplete;
    expect(radios(custom!).map((r) => r.getAttribute('aria-label'))).to.deep.equal([
      '1 point',
      '2 points',
      '3 points',
      '4 points',
      '5 points',
    ]);
    plain!.scale = 'stars';
    plain!.requestUpdate();
    await plain!.updateComplete;
    expect(radios(plain!)[2]!.getAttribute('aria-label')).to.equal('3 out of 5 stars');
    custom!.strings = undefined;
    await custom!.updateComplete;
    expect(radios(custom!)[0]!.getAttribute('aria-label')).to.equal('1 out of 5 stars');
  });

  it('a page <label for> names it', async () => {
    const wrapper = await fixture(
      html`<div><label for="r">How was it?</label><civic-rating id="r"></civic-rating></div>`,
    );
    const el = wrapper.querySelector('civic-rating')!;
    await el.updateComplete;
    expect(el.labels.length).to.equal(1);
    await expect(wrapper).to.be.accessible();
  });

  describeExamples(examples);
  checkCatalog('rating', ratingCatalog);
});
