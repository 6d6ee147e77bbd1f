// The widgets of the network-fault suite (network-faults.test.ts), each as the steps a resident takes and the
// checks a fault cell needs: fill in, submit, what success and a pending item look like, whether the typed input
// is still there, and how many rows the server stored for this cell (each cell signs, rates and votes as its own
// resident: its own email, page address, or poll voter token).
import assert from 'node:assert/strict';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { strings as feedbackStrings } from '../../../widgets/src/feedback/i18n/en.js';
import { strings as common } from '../../../widgets/src/i18n/en.js';
import { strings as petitionStrings } from '../../../widgets/src/petition/i18n/en.js';
import { strings as pollStrings } from '../../../widgets/src/poll/i18n/en.js';
import type { FaultProxy } from './fault-proxy.js';
import type { E2E } from './support.js';

/** One cell's own things: its id (in emails, paths and comments), page, proxy and the requests it saw. */
export interface Cell {
  id: string;
  page: Page;
  context: BrowserContext;
  widget: Locator;
  proxy: FaultProxy;
  /** `Date.now()` of each request the browser made for the submission or search. */
  requests: number[];
  pageUrl: string;
  /** The page's `performance.now()` when the widget was filled in: the calls under test come after it. */
  since: number;
}

/** What the page records of its `fetch` calls (network-faults.test.ts installs the recorder). */
export interface FetchLog {
  civicFetches: { url: string; method: string; body: string; at: number }[];
}

export interface WidgetCase {
  name: string;
  script: string;
  /** The widget's tag, with `endpoint` when given (else the page sets `.client`). */
  tag: (endpoint?: string) => string;
  method: 'GET' | 'POST';
  path: string;
  /** Whether a request to `path` is the one under test (the follow-up, not the rating before it). */
  matches?: (body: string) => boolean;
  /** Loads and fills in, up to the submit. */
  fill: (cell: Cell) => Promise<void>;
  submit: (cell: Cell) => Promise<void>;
  /** Waits until the widget shows success. */
  succeeded: (cell: Cell) => Promise<void>;
  /** For submissions: the heading of the pending item, and text of the entry that shows the input is in it. */
  pending?: { heading: string; marker: (cell: Cell) => string };
  /** Asserts the typed input is still in the form. */
  inputKept: (cell: Cell) => Promise<void>;
  /** Rows the server stored for this cell's submission. */
  stored?: (cell: Cell) => Promise<number>;
  /** The widget's own message for a conflict. */
  conflict: string;
}

const value = (widget: Locator, label: string) => widget.getByLabel(label, { exact: true }).inputValue();

/** The submitting widgets, and the service locator's search; `e2e` gives the running server (once started). */
export function faultWidgets(e2e: () => E2E): WidgetCase[] {
  return [
    {
      name: '<civic-petition>',
      script: 'civic-petition.js',
      tag: (endpoint) =>
        `<civic-petition ${endpoint ? `endpoint="${endpoint}"` : ''} petition-id="safer-crossings"></civic-petition>`,
      method: 'POST',
      path: '/api/v1/petitions/safer-crossings/signatures',
      fill: async ({ widget, id }) => {
        await widget.getByLabel('Full name').fill('Ada Lovelace');
        await widget.getByLabel('Email address').fill(`${id}@example.org`);
        await widget.getByLabel('Postcode').fill('LS1 3AB');
        await widget.locator('#consent').check();
      },
      submit: ({ widget }) => widget.getByRole('button', { name: 'Sign this petition' }).click(),
      succeeded: ({ widget }) => widget.getByRole('heading', { name: 'Thank you for signing' }).waitFor(),
      pending: { heading: petitionStrings.queuedHeading, marker: ({ id }) => `${id}@example.org` },
      inputKept: async ({ widget, id }) => {
        assert.equal(await value(widget, 'Full name'), 'Ada Lovelace');
        assert.equal(await value(widget, 'Email address'), `${id}@example.org`);
        assert.equal(await value(widget, 'Postcode'), 'LS1 3AB');
        assert.ok(await widget.locator('#consent').isChecked(), 'consent still given');
      },
      stored: async ({ id }) =>
        (await e2e().db.selectFrom('signatures').select('id').where('email', '=', `${id}@example.org`).execute())
          .length,
      conflict: petitionStrings.closedError,
    },
    {
      name: '<civic-feedback> rating',
      script: 'civic-feedback.js',
      tag: (endpoint) =>
        `<civic-feedback ${endpoint ? `endpoint="${endpoint}"` : ''} topic="bins" scale="stars"></civic-feedback>`,
      method: 'POST',
      path: '/api/v1/feedback',
      matches: (body) => !body.includes('followUpTo'),
      fill: ({ widget }) => widget.getByRole('radio', { name: '2 out of 5 stars' }).waitFor(),
      // One click is the whole answer: it sends the rating.
      submit: ({ widget }) => widget.getByRole('radio', { name: '2 out of 5 stars' }).click(),
      succeeded: ({ widget }) => widget.getByText(feedbackStrings.recorded).waitFor(),
      pending: { heading: feedbackStrings.thanksHeading, marker: ({ pageUrl }) => pageUrl },
      inputKept: async ({ widget }) =>
        assert.ok(await widget.getByRole('radio', { name: '2 out of 5 stars' }).isChecked(), 'the rating still chosen'),
      stored: async ({ pageUrl }) =>
        (await e2e().db.selectFrom('feedback').select('id').where('page_url', '=', pageUrl).execute()).length,
      conflict: common.errorServer,
    },
    {
      name: '<civic-feedback> follow-up',
      script: 'civic-feedback.js',
      tag: (endpoint) =>
        `<civic-feedback ${endpoint ? `endpoint="${endpoint}"` : ''} topic="bins" scale="stars"></civic-feedback>`,
      method: 'POST',
      path: '/api/v1/feedback',
      matches: (body) => body.includes('followUpTo'),
      fill: async ({ widget, id }) => {
        await widget.getByRole('radio', { name: '2 out of 5 stars' }).click();
        await widget.getByText(feedbackStrings.recorded).waitFor();
        await widget.getByLabel('It was hard to understand').check();
        await widget.getByLabel('Tell us more (optional)').fill(`The collection day is wrong (${id})`);
      },
      submit: ({ widget }) => widget.getByRole('button', { name: 'Send' }).click(),
      succeeded: ({ widget }) => widget.getByText(feedbackStrings.thanksText).waitFor(),
      pending: { heading: feedbackStrings.thanksHeading, marker: ({ id }) => `The collection day is wrong (${id})` },
      inputKept: async ({ widget, id }) => {
        assert.ok(await widget.getByLabel('It was hard to understand').isChecked(), 'the reason still ticked');
        assert.equal(await value(widget, 'Tell us more (optional)'), `The collection day is wrong (${id})`);
      },
      // The follow-up attaches to the rating's row: stored when that row has the comment, never as a second row.
      stored: async ({ pageUrl }) => {
        const rows = await e2e().db.selectFrom('feedback').select('comment').where('page_url', '=', pageUrl).execute();
        assert.equal(rows.length, 1, 'one row: the rating, with the follow-up attached or not');
        return rows.filter((row) => row.comment !== null).length;
      },
      conflict: common.errorServer,
    },
    {
      name: '<civic-poll>',
      script: 'civic-poll.js',
      tag: (endpoint) =>
        `<civic-poll ${endpoint ? `endpoint="${endpoint}"` : ''} poll-id="budget-priorities"></civic-poll>`,
      method: 'POST',
      path: '/api/v1/polls/budget-priorities/votes',
      fill: ({ widget }) => widget.getByRole('checkbox', { name: 'Libraries' }).check(),
      submit: ({ widget }) => widget.getByRole('button', { name: 'Vote' }).click(),
      succeeded: ({ widget }) =>
        widget.getByRole('heading', { name: 'Thank you, your vote has been counted' }).waitFor(),
      pending: { heading: pollStrings.queuedHeading, marker: () => 'libraries' },
      inputKept: async ({ widget }) =>
        assert.ok(await widget.getByRole('checkbox', { name: 'Libraries' }).isChecked(), 'the choice still ticked'),
      // The browser's voter token (kept for the poll in localStorage) tells this cell's vote from the others'.
      stored: async ({ page }) => {
        const token = await page.evaluate(() => {
          const key = Object.keys(localStorage).find((k) => k.startsWith('civic-poll:'));
          return key ? (JSON.parse(localStorage.getItem(key) ?? '{}') as { token?: string }).token : undefined;
        });
        assert.ok(token, 'the poll made a voter token');
        return (await e2e().db.selectFrom('votes').select('id').where('voter_token', '=', token).execute()).length;
      },
      conflict: pollStrings.closedError,
    },
    {
      name: '<civic-service-locator> search',
      script: 'civic-service-locator.js',
      tag: (endpoint) => `<civic-service-locator ${endpoint ? `endpoint="${endpoint}"` : ''}></civic-service-locator>`,
      method: 'GET',
      path: '/api/v1/services',
      // It lists every service on load: that search ends before the one under test.
      fill: async ({ widget }) => {
        await widget.locator('#r0').waitFor();
        await widget.getByLabel('Postcode').fill('LS1 3AB');
      },
      submit: ({ widget }) => widget.getByRole('button', { name: 'Search' }).click(),
      // Sorted by distance from the postcode: the listing on load shows no distances.
      succeeded: async ({ widget }) => {
        await widget
          .getByText(/km away/)
          .first()
          .waitFor();
        await widget
          .getByRole('status')
          .filter({ hasText: /services? found/ })
          .waitFor({ state: 'attached' });
      },
      inputKept: async ({ widget }) => assert.equal(await value(widget, 'Postcode'), 'LS1 3AB'),
      conflict: common.errorServer,
    },
  ];
}
