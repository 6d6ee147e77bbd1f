// What every widget driver shares: the widget's locator, its language, and the steps every widget has.
import type { Locator } from 'playwright-core';
import { common, type Locale } from './strings.js';

export class WidgetDriver {
  /** The strings every widget shares ("Try again", the error messages), in the driver's language. */
  readonly common;
  constructor(
    readonly widget: Locator,
    readonly locale: Locale = 'en',
  ) {
    this.common = common[locale];
  }

  /** The button a widget shows when it could not load. */
  get retryButton() {
    return this.widget.getByRole('button', { name: this.common.retry });
  }

  /** Presses "Try again" after a failed load. */
  tryAgain() {
    return this.retryButton.click();
  }
}
