// How a resident answers <civic-feedback> (one click rates; a follow-up may come after) and uses <civic-rating>:
// by role and accessible name, in the widget's language.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { deepFocus, tabTo } from '../support/browser.js';
import { feedback, format, type Locale, plural, rating } from './strings.js';
import { WidgetDriver } from './widget.js';

/** A follow-up: the reasons ticked (their labels), the comment, and extra questions' options by their labels. */
export interface FollowUp {
  reasons?: string[];
  comment?: string;
  choices?: Record<string, string>;
}

/** The accessible names of a rating's choices, by scale. */
export class RatingNames {
  readonly t;
  constructor(readonly locale: Locale = 'en') {
    this.t = rating[locale];
  }
  /** "2 out of 5 stars". */
  stars(value: number) {
    return format(plural(this.t.stars, value, this.locale), { max: 5 });
  }
}

export class RatingDriver {
  readonly names;
  constructor(
    readonly widget: Locator,
    locale: Locale = 'en',
  ) {
    this.names = new RatingNames(locale);
  }
  /** The choice named `name` ("Yes", "2 out of 5 stars"). */
  choice(name: string) {
    return this.widget.getByRole('radio', { name, exact: true });
  }
  choose(name: string) {
    return this.choice(name).click();
  }
}

export class FeedbackDriver extends WidgetDriver {
  readonly t;
  readonly rating;
  constructor(widget: Locator, locale: Locale = 'en') {
    super(widget, locale);
    this.t = feedback[locale];
    this.rating = new RatingDriver(widget, locale);
  }

  /** A choice of the rating: there once the widget has loaded. */
  get ready() {
    return this.widget.getByRole('radio').first();
  }
  /** The line that says the rating reached the server. */
  get recorded() {
    return this.widget.getByText(this.t.recorded);
  }
  /** The thank-you after the follow-up (or for an answer kept to be sent). */
  get thanked() {
    return this.widget.getByRole('heading', { name: this.t.thanksHeading });
  }

  /** Rates: one click is the whole answer, and sends it. */
  rate(name: string) {
    return this.rating.choose(name);
  }

  /** Rates and waits until the server has it, as a resident who goes on to the follow-up does. */
  async rateAndWait(name: string) {
    await this.rate(name);
    await this.recorded.waitFor();
  }

  /** Opens the widget shown as a button (`mode="button"`) in its dialog. */
  open() {
    return this.widget.getByRole('button', { name: this.t.open }).click();
  }

  async fillFollowUp({ reasons = [], comment, choices = {} }: FollowUp) {
    for (const reason of reasons) await this.widget.getByLabel(reason).check();
    for (const [label, option] of Object.entries(choices)) await this.widget.getByLabel(label).selectOption(option);
    if (comment !== undefined) await this.widget.getByLabel(this.t.commentLabel).fill(comment);
  }

  send() {
    return this.widget.getByRole('button', { name: this.t.send }).click();
  }

  async followUp(answer: FollowUp) {
    await this.fillFollowUp(answer);
    await this.send();
  }

  /** Rates with the keyboard alone: Tab to the first choice, the right arrow `steps` times, Enter to send. */
  async rateWithArrows(page: Page, steps: number, expected: string) {
    await tabTo(page, (f) => f.role === 'radio');
    for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowRight');
    assert.equal((await deepFocus(page)).name, expected, 'the arrows move the choice');
    await page.keyboard.press('Enter');
  }

  /** Answers the follow-up with the keyboard alone: Tab to each reason and Space, type the comment, Enter on Send. */
  async followUpWithKeyboard(page: Page, { reasons = [], comment }: FollowUp) {
    for (const reason of reasons) {
      await tabTo(page, (f) => f.name === reason);
      await page.keyboard.press('Space');
    }
    if (comment !== undefined) {
      await tabTo(page, (f) => f.name === this.t.commentLabel);
      await page.keyboard.type(comment);
    }
    await tabTo(page, (f) => f.name === this.t.send);
    await page.keyboard.press('Enter');
  }

  /** Fails unless the follow-up form still holds `answer`. */
  async assertKept({ reasons = [], comment }: FollowUp) {
    for (const reason of reasons) assert.ok(await this.widget.getByLabel(reason).isChecked(), `"${reason}" ticked`);
    if (comment !== undefined) {
      assert.equal(await this.widget.getByLabel(this.t.commentLabel, { exact: true }).inputValue(), comment);
    }
  }
}
