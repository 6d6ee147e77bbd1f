// How a resident finds a service with <civic-service-locator>: by words, postcode or location, then a result's
// details. By role and accessible name, in the widget's language.
import type { Locator, Page } from 'playwright-core';
import { tabTo } from '../support/browser.js';
import { format, type Locale, serviceLocator } from './strings.js';
import { WidgetDriver } from './widget.js';

export class ServiceLocatorDriver extends WidgetDriver {
  readonly t;
  constructor(widget: Locator, locale: Locale = 'en') {
    super(widget, locale);
    this.t = serviceLocator[locale];
  }

  /** Each listed service: an article named by its heading. */
  get results() {
    return this.widget.getByRole('article');
  }
  /** The first listed service: there once the first search (of everything, on load) has answered. */
  get ready() {
    return this.results.first();
  }
  /** A distance: shown once a search is sorted from a postcode or a location. */
  get distances() {
    return this.widget.getByText(new RegExp(format(this.t.away, { distance: '[\\d.,]+ km' })));
  }
  get searchButton() {
    return this.widget.getByRole('button', { name: this.t.search, exact: true });
  }
  get postcode() {
    return this.widget.getByLabel(this.t.postcodeLabel);
  }

  /** The services listed, by name, in order. */
  names() {
    return this.results.getByRole('heading', { level: 3 }).allInnerTexts();
  }

  typePostcode(postcode: string) {
    return this.postcode.fill(postcode);
  }

  search() {
    return this.searchButton.click();
  }

  async searchPostcode(postcode: string) {
    await this.typePostcode(postcode);
    await this.search();
  }

  async searchWords(words: string) {
    await this.widget.getByLabel(this.t.searchLabel).fill(words);
    await this.searchButton.click();
  }

  showMore() {
    return this.widget.getByRole('button', { name: this.t.showMore }).click();
  }

  /** Ticks "only services open now" (a search follows). */
  onlyOpenNow() {
    return this.widget.getByLabel(this.t.openNowLabel).check();
  }

  /** Asks for the device's location (the browser context grants it or not). */
  useLocation() {
    return this.widget.getByRole('button', { name: this.t.useLocation }).click();
  }

  /** The button that opens a service's details (the first listed one when no name is given). */
  detailsButton(name?: string) {
    const label =
      name === undefined ? new RegExp(`^${format(this.t.details, { name: '' })}`) : format(this.t.details, { name });
    return this.widget.getByRole('button', { name: label }).first();
  }

  /** Opens a service's details (the first listed one when no name is given). */
  openDetails(name?: string) {
    return this.detailsButton(name).click();
  }

  get backButton() {
    return this.widget.getByRole('button', { name: this.t.back });
  }

  /** From a service's details, back to the list. */
  back() {
    return this.backButton.click();
  }

  /** Searches with the keyboard alone: Tab to the postcode, type it, Enter. */
  async searchPostcodeWithKeyboard(page: Page, postcode: string) {
    await tabTo(page, (f) => f.name === this.t.postcodeLabel);
    await page.keyboard.type(postcode);
    await page.keyboard.press('Enter');
  }

  /** Opens the details of the service `name` with Tab and Enter. */
  async openDetailsWithKeyboard(page: Page, name: string) {
    await tabTo(page, (f) => f.name === format(this.t.details, { name }));
    await page.keyboard.press('Enter');
  }

  /** Goes back from the details to the list with Shift+Tab and Enter. */
  async backWithKeyboard(page: Page) {
    await tabTo(page, (f) => f.name === this.t.back, { back: true });
    await page.keyboard.press('Enter');
  }
}
