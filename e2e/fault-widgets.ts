// The widgets of the network-fault suite (network-faults.test.ts), each as the checks a fault cell needs, with the
// steps a resident takes from the widget drivers: fill in, submit, what success and a pending item look like,
// whether the typed input is still there, and how many rows the server stored for this cell (each cell signs,
// rates and votes as its own resident: its own email, page address, or poll voter token).
import assert from 'node:assert/strict';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { FeedbackDriver } from './drivers/feedback.js';
import { PetitionDriver, signer } from './drivers/petition.js';
import { PollDriver } from './drivers/poll.js';
import { ServiceLocatorDriver } from './drivers/service-locator.js';
import {
  common as commonIn,
  feedback as feedbackIn,
  petition as petitionIn,
  poll as pollIn,
} from './drivers/strings.js';
import type { E2E } from './support/e2e.js';
import type { FaultProxy } from './support/fault-proxy.js';

const common = commonIn.en;
const feedbackStrings = feedbackIn.en;
const petitionStrings = petitionIn.en;
const pollStrings = pollIn.en;

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
  /** The widget's own message for a refusal (422) that names no field it shows; default `errorRejected`. */
  rejected?: string;
}

const petition = ({ widget }: Cell) => new PetitionDriver(widget);
const feedback = ({ widget }: Cell) => new FeedbackDriver(widget);
const poll = ({ widget }: Cell) => new PollDriver(widget);
const locator = ({ widget }: Cell) => new ServiceLocatorDriver(widget);
/** The cell's signer: its own email. */
const signerOf = ({ id }: Cell) => signer(`${id}@example.org`);
const TWO_STARS = '2 out of 5 stars';
const followUpOf = ({ id }: Cell) => ({
  reasons: [feedbackStrings.reasonUnclear],
  comment: `The collection day is wrong (${id})`,
});

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
      fill: (cell) => petition(cell).fill(signerOf(cell)),
      submit: (cell) => petition(cell).submit(),
      succeeded: (cell) => petition(cell).thanked.waitFor(),
      pending: { heading: petitionStrings.queuedHeading, marker: ({ id }) => `${id}@example.org` },
      inputKept: (cell) => petition(cell).assertKept(signerOf(cell)),
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
      fill: (cell) => feedback(cell).rating.choice(TWO_STARS).waitFor(),
      // One click is the whole answer: it sends the rating.
      submit: (cell) => feedback(cell).rate(TWO_STARS),
      succeeded: (cell) => feedback(cell).recorded.waitFor(),
      pending: { heading: feedbackStrings.thanksHeading, marker: ({ pageUrl }) => pageUrl },
      inputKept: async (cell) =>
        assert.ok(await feedback(cell).rating.choice(TWO_STARS).isChecked(), 'the rating still chosen'),
      stored: async ({ pageUrl }) =>
        (await e2e().db.selectFrom('feedback').select('id').where('page_url', '=', pageUrl).execute()).length,
      conflict: common.errorServer,
      // The feedback widget says the service could not take the report, and how else to reach the council.
      rejected: feedbackStrings.refused,
    },
    {
      name: '<civic-feedback> follow-up',
      script: 'civic-feedback.js',
      tag: (endpoint) =>
        `<civic-feedback ${endpoint ? `endpoint="${endpoint}"` : ''} topic="bins" scale="stars"></civic-feedback>`,
      method: 'POST',
      path: '/api/v1/feedback',
      matches: (body) => body.includes('followUpTo'),
      fill: async (cell) => {
        await feedback(cell).rateAndWait(TWO_STARS);
        await feedback(cell).fillFollowUp(followUpOf(cell));
      },
      submit: (cell) => feedback(cell).send(),
      succeeded: (cell) => feedback(cell).widget.getByText(feedbackStrings.thanksText).waitFor(),
      pending: { heading: feedbackStrings.thanksHeading, marker: (cell) => followUpOf(cell).comment },
      inputKept: (cell) => feedback(cell).assertKept(followUpOf(cell)),
      // The follow-up attaches to the rating's row: stored when that row has the comment, never as a second row.
      stored: async ({ pageUrl }) => {
        const rows = await e2e().db.selectFrom('feedback').select('comment').where('page_url', '=', pageUrl).execute();
        assert.equal(rows.length, 1, 'one row: the rating, with the follow-up attached or not');
        return rows.filter((row) => row.comment !== null).length;
      },
      conflict: common.errorServer,
      rejected: feedbackStrings.refused,
    },
    {
      name: '<civic-poll>',
      script: 'civic-poll.js',
      tag: (endpoint) =>
        `<civic-poll ${endpoint ? `endpoint="${endpoint}"` : ''} poll-id="budget-priorities"></civic-poll>`,
      method: 'POST',
      path: '/api/v1/polls/budget-priorities/votes',
      fill: (cell) => poll(cell).choose('Libraries'),
      submit: (cell) => poll(cell).submit(),
      succeeded: (cell) => poll(cell).voted.waitFor(),
      pending: { heading: pollStrings.queuedHeading, marker: () => 'libraries' },
      inputKept: async (cell) => assert.ok(await poll(cell).option('Libraries').isChecked(), 'the choice still ticked'),
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
      fill: async (cell) => {
        await locator(cell).ready.waitFor();
        await locator(cell).typePostcode('LS1 3AB');
      },
      submit: (cell) => locator(cell).search(),
      // Sorted by distance from the postcode: the listing on load shows no distances.
      succeeded: async (cell) => {
        await locator(cell).distances.first().waitFor();
        await cell.widget
          .getByRole('status')
          .filter({ hasText: /services? found/ })
          .waitFor({ state: 'attached' });
      },
      inputKept: async (cell) => assert.equal(await locator(cell).postcode.inputValue(), 'LS1 3AB'),
      conflict: common.errorServer,
    },
  ];
}
