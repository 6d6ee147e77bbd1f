// How a resident signs <civic-petition>, and reads <civic-petition-counter>: by role and accessible name, in the
// widget's language.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { tabTo } from '../support/browser.js';
import { digitsOf, type Locale, petition, pluralPattern } from './strings.js';
import { WidgetDriver } from './widget.js';

export interface Signer {
  name: string;
  email: string;
  postcode: string;
}

/** A resident with `email` (each test signs with its own), Ada Lovelace of LS1 3AB unless told otherwise. */
export const signer = (email: string, other: Partial<Signer> = {}): Signer => ({
  name: 'Ada Lovelace',
  email,
  postcode: 'LS1 3AB',
  ...other,
});

export class PetitionDriver extends WidgetDriver {
  readonly t;
  constructor(widget: Locator, locale: Locale = 'en') {
    super(widget, locale);
    this.t = petition[locale];
  }

  /** The form's first field: there once the petition has loaded and is open. */
  get ready() {
    return this.widget.getByLabel(this.t.nameLabel);
  }
  get submitButton() {
    return this.widget.getByRole('button', { name: this.t.submit });
  }
  /** The thank-you once the server counted the signature. */
  get thanked() {
    return this.widget.getByRole('heading', { name: this.t.successHeading });
  }
  /** The notice that the signature waits in the browser until it can be sent. */
  get queued() {
    return this.widget.getByRole('heading', { name: this.t.queuedHeading });
  }
  /** Either confirmation: sent, or kept to be sent. */
  get confirmed() {
    return this.thanked.or(this.queued);
  }

  async fill(s: Signer) {
    await this.widget.getByLabel(this.t.nameLabel).fill(s.name);
    await this.widget.getByLabel(this.t.emailLabel).fill(s.email);
    await this.widget.getByLabel(this.t.postcodeLabel).fill(s.postcode);
    await this.widget.getByRole('checkbox', { name: this.t.consentLabel }).check();
  }

  submit() {
    return this.submitButton.click();
  }

  async sign(s: Signer) {
    await this.fill(s);
    await this.submit();
  }

  /** Signs with the keyboard alone, from wherever focus is: Tab to each field, Space to agree, Enter to sign. */
  async signWithKeyboard(page: Page, s: Signer) {
    await this.tabToForm(page);
    await this.signFromFirstField(page, s);
  }

  /** Presses Tab until the form's first field has focus. */
  async tabToForm(page: Page) {
    await tabTo(page, (f) => f.name === this.t.nameLabel);
  }

  /** With focus in the first field: types each field (one Tab to the next), Space to agree, Enter to sign. */
  async signFromFirstField(page: Page, s: Signer) {
    await page.keyboard.type(s.name);
    await tabTo(page, (f) => f.name === this.t.emailLabel, { max: 1 });
    await page.keyboard.type(s.email);
    await tabTo(page, (f) => f.name === this.t.postcodeLabel, { max: 1 });
    await page.keyboard.type(s.postcode);
    await tabTo(page, (f) => f.name === this.t.consentLabel, { max: 1 });
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.name === this.t.submit);
    await page.keyboard.press('Enter');
  }

  /** Opens the government's full response. */
  readResponse() {
    return this.widget.getByText(this.t.readFullResponse).click();
  }

  /** Fails unless the form still holds what `s` typed, consent given. */
  async assertKept(s: Signer) {
    const value = (label: string) => this.widget.getByLabel(label, { exact: true }).inputValue();
    assert.equal(await value(this.t.nameLabel), s.name);
    assert.equal(await value(this.t.emailLabel), s.email);
    assert.equal(await value(this.t.postcodeLabel), s.postcode);
    assert.ok(await this.widget.getByRole('checkbox', { name: this.t.consentLabel }).isChecked(), 'consent given');
  }

  /** The number of signatures the widget shows. */
  shownCount() {
    return signatureCount(this.widget, this.t);
  }
}

/** What <civic-petition-counter> shows: the count, once loaded. */
export class PetitionCounterDriver extends WidgetDriver {
  readonly t;
  constructor(widget: Locator, locale: Locale = 'en') {
    super(widget, locale);
    this.t = petition[locale];
  }

  /** The count, once the petition has loaded. */
  get ready() {
    return this.widget.getByText(pluralPattern(this.t.signatures, { whole: true }));
  }

  shownCount() {
    return signatureCount(this.widget, this.t);
  }
}

async function signatureCount(widget: Locator, t: (typeof petition)['en']) {
  const text = await widget
    .getByText(pluralPattern(t.signatures, { whole: true }))
    .first()
    .textContent();
  return digitsOf(text ?? '');
}
