// How a resident starts a petition with <civic-petition-start>, and supports one on its sponsor link: by role and
// accessible name, in English (the widget's own strings).

import { strings as t } from '@civic-widgets/widgets/petition-start/i18n/en';
import type { Locator } from 'playwright-core';
import { WidgetDriver } from './widget.js';

export interface Person {
  name: string;
  email: string;
  postcode: string;
}

export class PetitionStartDriver extends WidgetDriver {
  readonly t = t;
  constructor(widget: Locator) {
    super(widget, 'en');
  }

  /** The start form's first field. */
  get title() {
    return this.widget.getByLabel(t.titleLabel);
  }
  /** "Sign one of these instead?", while similar open petitions are offered. */
  get similar() {
    return this.widget.getByRole('region', { name: t.similarHeading });
  }
  get sent() {
    return this.widget.getByRole('heading', { name: t.sentHeading });
  }
  get sponsorLink() {
    return this.widget.getByLabel(t.sponsorLinkLabel);
  }
  /** The support form's heading, on a sponsor link while the proposal gathers supporters. */
  get supportHeading() {
    return this.widget.getByRole('heading', { name: t.sponsorHeading });
  }
  get supported() {
    return this.widget.getByRole('heading', { name: t.sponsorSentHeading });
  }

  async fillPerson(person: Person) {
    await this.widget.getByLabel(t.nameLabel).fill(person.name);
    await this.widget.getByLabel(t.emailLabel).fill(person.email);
    await this.widget.getByLabel(t.postcodeLabel).fill(person.postcode);
    await this.widget.getByRole('checkbox', { name: t.consentLabel }).check();
  }

  async start(petition: { title: string; background: string }, creator: Person) {
    await this.title.fill(petition.title);
    await this.widget.getByLabel(t.backgroundLabel).fill(petition.background);
    await this.fillPerson(creator);
    await this.widget.getByRole('button', { name: t.submit }).click();
  }

  async support(sponsor: Person) {
    await this.fillPerson(sponsor);
    await this.widget.getByRole('button', { name: t.sponsorSubmit }).click();
  }
}
