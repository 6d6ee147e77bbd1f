import { html } from 'lit';
import type { Example } from '../test-support/examples.js';
import '../define/civic-rating.js';

export const examples: Example[] = [
  {
    name: 'stars, named by aria-label',
    render: () => html`<civic-rating aria-label="Your visit" scale="stars"></civic-rating>`,
  },
  {
    name: 'thumbs with a value',
    render: () => html`<civic-rating label="Useful?" scale="thumbs" value="1"></civic-rating>`,
  },
  { name: 'smileys', render: () => html`<civic-rating label="Satisfaction" scale="smileys" value="4"></civic-rating>` },
  { name: 'nps', render: () => html`<civic-rating label="Recommend us?" scale="nps"></civic-rating>` },
  { name: 'disabled', render: () => html`<civic-rating label="Rating" disabled value="2"></civic-rating>` },
  {
    name: 'required, after a submit attempt (user-invalid)',
    render: () =>
      html`<form><label for="r">How was it?</label><civic-rating id="r" name="r" required></civic-rating></form>`,
    setup: async (element) => {
      (element as HTMLFormElement).requestSubmit();
      await element.querySelector('civic-rating')!.updateComplete;
    },
  },
  {
    name: 'Arabic',
    render: () => html`<div lang="ar"><civic-rating scale="stars" value="3"></civic-rating></div>`,
    setup: async (element) => {
      await element.querySelector('civic-rating')!.updateComplete;
    },
  },
];
