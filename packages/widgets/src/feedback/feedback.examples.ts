import type { FeedbackField, FeedbackReceipt } from '@civic-widgets/client';
import { ClientError } from '@civic-widgets/client';
import { waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { CivicRating } from '../rating/rating.js';
import type { Example } from '../test-support/examples.js';
import { deferred, delivered, fakeClient, queued } from '../test-support/fake-client.js';
import '../define/civic-feedback.js';

export const receipt: FeedbackReceipt = { receiptId: 'fb-1' };

/** A client whose `submitFeedback` answers with `send` (default: delivered, receipt `fb-1`). */
export function feedbackClient(send: () => Promise<unknown> = async () => delivered(receipt)) {
  return fakeClient({ submitFeedback: send });
}

/** An Open311 service definition's attributes, as the adapter gives them: one of each kind. */
export const extraFields: FeedbackField[] = [
  { code: 'note', type: 'info', label: 'We reply within 5 working days.', required: false },
  {
    code: 'bin',
    type: 'choice',
    label: 'Which bin?',
    required: true,
    options: [
      { value: 'black', label: 'Black (general waste)' },
      { value: 'green', label: 'Green (garden waste)' },
    ],
  },
  {
    code: 'hazards',
    type: 'choices',
    label: 'Anything dangerous nearby?',
    hint: 'Choose all that apply',
    required: true,
    options: [
      { value: 'glass', label: 'Broken glass' },
      { value: 'needles', label: 'Needles' },
    ],
  },
  { code: 'count', type: 'number', label: 'How many bins?', required: true },
  { code: 'when', type: 'datetime', label: 'When was it due?', hint: 'Date and time', required: false },
  { code: 'street', type: 'text', label: 'Which street?', required: false },
  { code: 'details', type: 'textarea', label: 'Anything else?', required: false },
];

/** A client whose backend asks `fields` with feedback; `submitFeedback` answers with `send`. */
export function fieldsClient(fields: FeedbackField[], send: () => Promise<unknown> = async () => delivered(receipt)) {
  return fakeClient({ submitFeedback: send, feedbackFields: async () => fields });
}

const shadow = (element: HTMLElement) => element.shadowRoot!;
export const ratingOf = (element: HTMLElement) => shadow(element).querySelector<CivicRating>('civic-rating')!;

/** Clicks a choice of the rating (`value` as the scale numbers it) and waits for the follow-up or thanks. */
export async function rate(element: HTMLElement, value: number) {
  const rating = ratingOf(element);
  await rating.updateComplete;
  rating.shadowRoot!.querySelector<HTMLElement>(`[data-value="${value}"]`)!.click();
  await waitUntil(() => shadow(element).querySelector('[data-confirmation]'), 'the rating was not sent');
}

/** Types a comment, ticks reasons by value and sends the follow-up. */
export async function followUp(element: HTMLElement, comment = '', reasons: string[] = []) {
  const root = shadow(element);
  for (const reason of reasons) root.querySelector<HTMLInputElement>(`input[value="${reason}"]`)!.click();
  const textarea = root.querySelector('textarea');
  if (textarea) {
    textarea.value = comment;
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  }
  root.querySelectorAll('form')[0]!.requestSubmit();
  await waitUntil(() => root.querySelector('#thanks'), 'the follow-up was not sent');
}

const inline = (scale: string, client = feedbackClient()) =>
  html`<civic-feedback topic="page:/bins" scale=${scale} .client=${client}></civic-feedback>`;

export const examples: Example[] = [
  { name: 'thumbs: "Is this page useful?"', render: () => inline('thumbs') },
  { name: 'stars', render: () => inline('stars') },
  { name: 'smileys (CSAT)', render: () => inline('smileys') },
  { name: 'nps', render: () => inline('nps') },
  {
    // The console names the attribute to fix; the resident reads a calm notice with nothing to press.
    name: 'set up wrong: an Open311 endpoint holding its api_key',
    render: () =>
      html`<civic-feedback topic="t" adapter="open311" endpoint="https://x.test/open311?api_key=k" service-code="s"></civic-feedback>`,
    setup: (element) => waitUntil(() => shadow(element).querySelector('[role=alert]')),
  },
  {
    name: 'preset: OMB A-11 trust',
    render: () =>
      html`<civic-feedback topic="service:permits" preset="a11-trust" .client=${feedbackClient()}></civic-feedback>`,
  },
  {
    name: 'question from a slot',
    render: () => html`<civic-feedback topic="page:/bins" .client=${feedbackClient()}
      ><span slot="question">Did you find the collection day?</span></civic-feedback
    >`,
  },
  {
    name: 'sent without a rating: error summary',
    render: () => inline('stars'),
    setup: async (element) => {
      shadow(element).querySelector('form')!.requestSubmit();
      await waitUntil(() => shadow(element).querySelector('[data-error-summary]'));
    },
  },
  {
    name: 'negative answer: reasons and comment',
    render: () => inline('thumbs'),
    setup: (element) => rate(element, 0),
  },
  { name: 'positive answer: comment', render: () => inline('smileys'), setup: (element) => rate(element, 5) },
  {
    name: 'thank you',
    render: () => inline('thumbs'),
    setup: async (element) => {
      await rate(element, 0);
      await followUp(element, 'The map is wrong', ['outdated']);
    },
  },
  {
    name: 'sending the rating',
    render: () =>
      inline(
        'thumbs',
        feedbackClient(() => deferred<never>().promise),
      ),
    setup: async (element) => {
      ratingOf(element).shadowRoot!.querySelector<HTMLElement>('[data-value="1"]')!.click();
      await waitUntil(() => element.matches(':state(submitting)'));
    },
  },
  {
    name: 'sending failed',
    render: () =>
      inline(
        'stars',
        feedbackClient(async () => Promise.reject(new ClientError('http', 'Bad gateway', { status: 502 }))),
      ),
    setup: async (element) => {
      ratingOf(element).shadowRoot!.querySelector<HTMLElement>('[data-value="3"]')!.click();
      await waitUntil(() => shadow(element).querySelector('.notice.error'));
    },
  },
  {
    name: 'rating saved offline',
    render: () =>
      inline(
        'stars',
        feedbackClient(async () => queued()),
      ),
    setup: (element) => rate(element, 4),
  },
  {
    name: 'Arabic, right to left',
    render: () => html`<div lang="ar">${inline('smileys')}</div>`,
    setup: async (element) => {
      const feedback = element.querySelector('civic-feedback')!;
      await feedback.updateComplete;
      await rate(feedback, 2);
    },
  },
  {
    name: 'Open311 extra questions, required: the rating waits for them',
    render: () =>
      html`<civic-feedback topic="page:/bins" scale="stars" .client=${fieldsClient(extraFields)}></civic-feedback>`,
    setup: async (element) => {
      ratingOf(element).shadowRoot!.querySelector<HTMLElement>('[data-value="2"]')!.click();
      await waitUntil(() => shadow(element).querySelector('#field-1'));
    },
  },
  {
    name: 'Open311 extra questions, sent unanswered: errors',
    render: () =>
      html`<civic-feedback topic="page:/bins" scale="stars" .client=${fieldsClient(extraFields)}></civic-feedback>`,
    setup: async (element) => {
      ratingOf(element).shadowRoot!.querySelector<HTMLElement>('[data-value="2"]')!.click();
      await waitUntil(() => shadow(element).querySelector('#field-1'));
      shadow(element).querySelector('form')!.requestSubmit();
      await waitUntil(() => shadow(element).querySelector('[data-error-summary]'));
    },
  },
  {
    name: 'button mode, closed',
    render: () => html`<civic-feedback mode="button" topic="page:/bins" .client=${feedbackClient()}></civic-feedback>`,
  },
  {
    name: 'button mode, dialog open',
    render: () => html`<civic-feedback mode="button" topic="page:/bins" .client=${feedbackClient()}></civic-feedback>`,
    setup: async (element) => {
      shadow(element).querySelector<HTMLButtonElement>('[part=launcher]')!.click();
      await waitUntil(() => shadow(element).querySelector('dialog')!.open);
    },
  },
];
