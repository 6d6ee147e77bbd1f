// How a resident votes in <civic-poll> (single choice, several, or ranked), and reads its results: by role and
// accessible name, in the widget's language.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { deepFocus, tabTo } from '../support/browser.js';
import { format, type Locale, poll } from './strings.js';
import { WidgetDriver } from './widget.js';

export class PollDriver extends WidgetDriver {
  readonly t;
  constructor(widget: Locator, locale: Locale = 'en') {
    super(widget, locale);
    this.t = poll[locale];
  }

  /** The question: there once the poll has loaded. */
  get ready() {
    return this.widget.getByRole('heading', { level: 2 });
  }
  get voteButton() {
    return this.widget.getByRole('button', { name: this.t.submit });
  }
  /** The thank-you once the server counted the vote. */
  get voted() {
    return this.widget.getByRole('heading', { name: this.t.votedHeading });
  }
  /** The notice that the vote waits in the browser until it can be sent. */
  get queued() {
    return this.widget.getByRole('heading', { name: this.t.queuedHeading });
  }
  /** Either confirmation: sent, or kept to be sent. */
  get confirmed() {
    return this.voted.or(this.queued);
  }

  /** An option to choose: a radio button in a single-choice poll, a checkbox in the others. */
  option(label: string) {
    const name = { name: label, exact: true };
    return this.widget.getByRole('radio', name).or(this.widget.getByRole('checkbox', name));
  }

  async choose(...labels: string[]) {
    for (const label of labels) await this.option(label).check();
  }

  submit() {
    return this.voteButton.click();
  }

  /** Chooses `labels` (none for a ranked poll left in its order) and votes. */
  async vote(...labels: string[]) {
    await this.choose(...labels);
    await this.submit();
  }

  /** In a ranked poll: moves the option one place up. */
  moveUp(label: string) {
    return this.widget.getByRole('button', { name: format(this.t.moveUp, { label }) }).click();
  }

  moveDown(label: string) {
    return this.widget.getByRole('button', { name: format(this.t.moveDown, { label }) }).click();
  }

  /** Switches the results from a chart to a table. */
  showTable() {
    return this.widget.getByRole('button', { name: this.t.showTable }).click();
  }

  /** The results as a table (after "Show as a table"): `{option: [cells...]}`. */
  async resultsTable() {
    await this.showTable();
    const rows = await this.widget
      .getByRole('table')
      .getByRole('row')
      .evaluateAll((trs) =>
        trs
          .filter((tr) => tr.querySelector('td'))
          .map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')),
      );
    return Object.fromEntries(rows.map(([label, ...cells]) => [label!, cells]));
  }

  /** Votes with the keyboard alone in a single-choice poll: Tab to the choices, Space, arrows down `steps`, Enter. */
  async voteWithArrows(page: Page, steps: number, expected: string) {
    await tabTo(page, (f) => f.type === 'radio');
    await page.keyboard.press('Space');
    for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
    assert.equal((await deepFocus(page)).name, expected, 'the arrows move the choice');
    await this.voteWithEnter(page);
  }

  /**
   * Goes through the options `ticks` lists, in their order, each one Tab after the one before, pressing Space on
   * those marked `true`; then votes with Enter.
   */
  async voteWithSpace(page: Page, ticks: Record<string, boolean>) {
    for (const [index, [label, tick]] of Object.entries(ticks).entries()) {
      await tabTo(page, (f) => f.name === label, index === 0 ? {} : { max: 1 });
      if (tick) await page.keyboard.press('Space');
    }
    await this.voteWithEnter(page);
  }

  /** Tabs to the button that moves `label` up, and presses Enter. */
  async moveUpWithKeyboard(page: Page, label: string) {
    await tabTo(page, (f) => f.name === format(this.t.moveUp, { label }));
    await page.keyboard.press('Enter');
  }

  /** Tabs to the vote button and presses Enter. */
  async voteWithEnter(page: Page) {
    await tabTo(page, (f) => f.name === this.t.submit);
    await page.keyboard.press('Enter');
  }
}
