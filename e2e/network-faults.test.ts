// Network faults, end to end: every widget that talks to the server, through every way the network between the
// browser and the server can fail, as a matrix of faults × widgets with one test per cell. The host page is on one
// origin, the real server on another, and in between a small fault proxy (support/fault-proxy.ts) that each cell gets
// for itself; faults the browser can fake alone use Playwright's routing. What must hold, per cell:
// - a submission ends as exactly one stored row, or as a visible pending item with one outbox entry and no row
//   (and then reaches the server once, when the connection comes back);
// - on any other failure the citizen's input is still in the form, and a localized message says what happened;
// - the browser makes exactly the requests the client's retry policy allows: none again after a 4xx refusal,
//   and a retry after a `Retry-After` no sooner than it says;
// - a retry of a submission the server committed (its answer lost, or too slow) gets the original answer back.
//
// The client's policy (packages/client/src/retry.ts, client.ts): one attempt plus 3 retries for network errors,
// timeouts, 408, 429 and 5xx, after `Retry-After` when given (a longer one than 60 s queues at once), else after
// a jittered backoff below 0.5, 1 and 2 s; each attempt gets 10 s; then the submission waits in the outbox.
// 4xx refusals and unreadable answers are not retried. Searches retry alike, and show an error instead of queuing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Request, Route } from 'playwright-core';
import { common as commonIn } from './drivers/strings.js';
import { type Cell, type FetchLog, faultWidgets, type WidgetCase } from './fault-widgets.js';
import { newPage, outboxEntries } from './support/browser.js';
import { type E2E, startE2E } from './support/e2e.js';
import { type ProxyFault, startFaultProxy } from './support/fault-proxy.js';
import { until } from './support/until.js';

const common = commonIn.en;

/** A fault Playwright makes in the browser, for one request. */
type RouteFault =
  /** The request fails as this network error; nothing reaches the server. */
  | { abort: 'connectionrefused' }
  /** The browser gets this status (a problem document) without the server; with `retryAfter` in seconds. */
  | { status: number; retryAfter?: number }
  /** The request reaches the server (which commits), and the browser gets a 200 with another body. */
  | { answer: 'malformed' | 'off-schema' };

/** The common messages a fault may end with, or the widget's own for a conflict. */
type Message = 'errorOffline' | 'errorNetwork' | 'errorServer' | 'errorRejected' | 'errorInvalidResponse' | 'conflict';

interface Fault {
  name: string;
  /** How the fault is made: the browser goes offline, Playwright routes, or the proxy misbehaves. */
  make: 'offline' | RouteFault | { proxy: ProxyFault };
  /** How many matching requests get the fault (then they pass); `Infinity` until the cell lifts it. */
  times: number;
  /** `delivered`: one row, success shown; `pending`: no row, the pending item shown; `refused`: an error shown. */
  outcome: 'delivered' | 'pending' | 'refused';
  /** Requests the browser makes for the submission (or search) until the outcome. */
  requests: number;
  /** The least time between two of those requests (a `Retry-After`, or the client's timeout). */
  minGapMs?: number;
  /** `refused` only: what the widget says. */
  message?: Message;
  /** `refused` only: the server stored it all the same (it answered 200, the answer was unreadable). */
  committed?: boolean;
  /** The server committed the first attempt: the retry must get the same answer back, marked as replayed. */
  replayed?: boolean;
  /** The search's message when the submission would wait in the outbox (a search cannot). */
  searchMessage?: Message;
  /** The page gives the widget its own client (civic-client.js) with this timeout: shorter keeps the suite fast. */
  timeoutMs?: number;
  /** Roughly how long a cell takes, in seconds: the longest start first, so they overlap. */
  cost: number;
  /**
   * Run only by `npm run test:nightly` (CIVIC_NIGHTLY=1): a fault whose cells take over 20 s each while what they
   * check is also checked by quicker cells in every run.
   */
  nightly?: boolean;
}

// The matrix's rows, in the order of the issue.
const FAULTS: Fault[] = [
  {
    name: 'offline',
    make: 'offline',
    times: Infinity,
    outcome: 'pending',
    requests: 0,
    searchMessage: 'errorOffline',
    cost: 1,
  },
  {
    name: 'connection refused',
    make: { abort: 'connectionrefused' },
    times: Infinity,
    outcome: 'pending',
    requests: 4,
    searchMessage: 'errorNetwork',
    cost: 3,
  },
  {
    name: 'connection reset',
    make: { proxy: 'reset' },
    times: Infinity,
    outcome: 'pending',
    requests: 4,
    searchMessage: 'errorNetwork',
    cost: 3,
  },
  {
    name: 'committed, answer lost',
    make: { proxy: 'lose-answer' },
    times: 1,
    outcome: 'delivered',
    requests: 2,
    replayed: true,
    cost: 1,
  },
  {
    name: 'no answer until the client times out (1.5 s)',
    make: { proxy: 'hang' },
    times: Infinity,
    outcome: 'pending',
    requests: 4,
    minGapMs: 1500,
    timeoutMs: 1500,
    searchMessage: 'errorNetwork',
    cost: 8,
  },
  {
    // The realistic one: the default client, whose 10 s timeout gives up on the first attempt before it answers.
    // Nightly: a timeout and retry are checked by the 1.5 s one, a replayed answer by "committed, answer lost".
    name: 'a 20 s slow answer (default 10 s timeout)',
    make: { proxy: { delayAnswerMs: 20_000 } },
    times: 1,
    outcome: 'delivered',
    requests: 2,
    minGapMs: 10_000,
    replayed: true,
    cost: 11,
    nightly: true,
  },
  {
    name: '500',
    make: { status: 500 },
    times: Infinity,
    outcome: 'pending',
    requests: 4,
    searchMessage: 'errorServer',
    cost: 3,
  },
  {
    name: '502',
    make: { status: 502 },
    times: Infinity,
    outcome: 'pending',
    requests: 4,
    searchMessage: 'errorServer',
    cost: 3,
  },
  {
    name: '503 with Retry-After: 1',
    make: { status: 503, retryAfter: 1 },
    times: 1,
    outcome: 'delivered',
    requests: 2,
    minGapMs: 1000,
    cost: 2,
  },
  {
    // Longer than the client waits for (60 s): kept for later at once, not hammered.
    name: '503 with Retry-After: 120',
    make: { status: 503, retryAfter: 120 },
    times: Infinity,
    outcome: 'pending',
    requests: 1,
    searchMessage: 'errorServer',
    cost: 1,
  },
  {
    name: '429 with Retry-After: 2',
    make: { status: 429, retryAfter: 2 },
    times: 1,
    outcome: 'delivered',
    requests: 2,
    minGapMs: 2000,
    cost: 3,
  },
  { name: '408', make: { status: 408 }, times: 1, outcome: 'delivered', requests: 2, cost: 1 },
  {
    name: '409',
    make: { status: 409 },
    times: Infinity,
    outcome: 'refused',
    requests: 1,
    message: 'conflict',
    cost: 1,
  },
  {
    // A page that sets `.client` from the CDN's civic-client.js (docs/client.md): its errors are another copy's.
    name: '409 to a client from civic-client.js',
    make: { status: 409 },
    times: Infinity,
    outcome: 'refused',
    requests: 1,
    message: 'conflict',
    timeoutMs: 10_000,
    cost: 1,
  },
  {
    name: '422',
    make: { status: 422 },
    times: Infinity,
    outcome: 'refused',
    requests: 1,
    message: 'errorRejected',
    cost: 1,
  },
  {
    name: '200 with malformed JSON',
    make: { answer: 'malformed' },
    times: 1,
    outcome: 'refused',
    requests: 1,
    message: 'errorInvalidResponse',
    committed: true,
    cost: 1,
  },
  {
    name: '200 whose body fails the response schema',
    make: { answer: 'off-schema' },
    times: 1,
    outcome: 'refused',
    requests: 1,
    message: 'errorInvalidResponse',
    committed: true,
    cost: 1,
  },
];

describe('network faults between the widgets and the server: one row or a pending item, the input kept', {
  concurrency: 8,
}, () => {
  let e2e: E2E;
  before(async () => {
    e2e = await startE2E();
  });
  after(() => e2e?.close());

  const WIDGETS = faultWidgets(() => e2e);

  const MESSAGES = (widget: WidgetCase): Record<Message, string> => ({
    errorOffline: common.errorOffline,
    errorNetwork: common.errorNetwork,
    errorServer: common.errorServer,
    errorRejected: widget.rejected ?? common.errorRejected,
    errorInvalidResponse: common.errorInvalidResponse,
    conflict: widget.conflict,
  });

  /** A problem document as the server writes them, with the CORS headers it sends (the page is cross-origin). */
  function problemAnswer(status: number, retryAfter?: number) {
    return {
      status,
      contentType: 'application/problem+json',
      headers: {
        'Access-Control-Allow-Origin': e2e.hostUrl,
        'Access-Control-Expose-Headers': 'Retry-After, Idempotent-Replayed',
        Vary: 'Origin',
        ...(retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) }),
      },
      body: JSON.stringify({ type: 'about:blank', title: `HTTP ${status}`, status }),
    };
  }

  async function makeFault(route: Route, fault: RouteFault) {
    if ('abort' in fault) return route.abort(fault.abort);
    if ('status' in fault) return route.fulfill(problemAnswer(fault.status, fault.retryAfter));
    const response = await route.fetch();
    const body = fault.answer === 'malformed' ? '{"receiptId": "r-' : '{"unexpected": true}';
    return route.fulfill({ response, body, status: 200 });
  }

  /**
   * Opens the cell's page and fills the widget in, with the fault set up: `activate` makes an offline fault start
   * (the others wait for their request), `lift` ends the fault, as when the connection or the server comes back.
   */
  async function openCell(fault: Fault, widget: WidgetCase, id: string) {
    const proxy = await startFaultProxy(e2e.apiUrl);
    const endpoint = `${proxy.url}/api/v1`;
    const path = `/cell/${id}.html`;
    // The page's own client (for a shorter timeout, or to test another copy of the client) is set before the
    // widget's script runs; Lit keeps a property set before the element upgrades.
    const ownClient =
      fault.timeoutMs === undefined
        ? ''
        : `<script type="module">
            import { createClient } from '${e2e.apiUrl}/cdn/civic-client.js';
            const client = createClient({ endpoint: '${endpoint}', timeoutMs: ${fault.timeoutMs} });
            for (const el of document.querySelectorAll('main > *')) el.client = client;
          </script>`;
    e2e.serve(
      path,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${id}</title>${ownClient}
        <script type="module" src="${e2e.apiUrl}/cdn/${widget.script}"></script></head>
        <body><main>${widget.tag(fault.timeoutMs === undefined ? endpoint : undefined)}</main></body></html>`,
    );
    const { context, page } = await newPage(e2e);
    // Eight cells share two busy cores: give each step more than newPage's 5 s.
    context.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    const cell: Cell = {
      id,
      page,
      context,
      widget: page.locator('main > *'),
      proxy,
      requests: [],
      pageUrl: `${e2e.hostUrl}${path}`,
      since: 0,
    };
    const isTarget = (request: Request) =>
      request.method() === widget.method &&
      new URL(request.url()).pathname === widget.path &&
      (widget.matches?.(request.postData() ?? '') ?? true);
    page.on('request', (request) => {
      if (isTarget(request)) cell.requests.push(Date.now());
    });
    await context.addInitScript(() => {
      // Every `fetch` call, with its time in the page's clock: when the client sent each attempt.
      const log: FetchLog['civicFetches'] = [];
      const original = window.fetch;
      (window as unknown as FetchLog).civicFetches = log;
      window.fetch = (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        const body = typeof init?.body === 'string' ? init.body : '';
        log.push({ url, method: init?.method ?? 'GET', body, at: performance.now() });
        return original(input, init);
      };
    });
    try {
      await page.goto(cell.pageUrl);
      await widget.fill(cell);
    } catch (error) {
      await context.close();
      await proxy.close();
      throw error;
    }
    cell.requests.length = 0;
    cell.since = await page.evaluate(() => performance.now());

    let faulted = 0;
    let lifted = false;
    const active = () => !lifted && faulted < fault.times;
    if (fault.make !== 'offline' && 'proxy' in fault.make) {
      const proxyFault = fault.make.proxy;
      proxy.plan(
        (request) =>
          request.method === widget.method &&
          request.path.split('?')[0] === widget.path &&
          (widget.matches?.(request.body) ?? true),
        Array.from({ length: Number.isFinite(fault.times) ? fault.times : 8 }, () => proxyFault),
      );
    } else if (fault.make !== 'offline') {
      const routeFault = fault.make;
      await page.route(
        (url) => url.pathname === widget.path,
        (route) => {
          if (!isTarget(route.request()) || !active()) return route.fallback();
          faulted++;
          return makeFault(route, routeFault);
        },
      );
    }
    return {
      cell,
      errors,
      activate: async () => {
        if (fault.make === 'offline') await context.setOffline(true);
      },
      lift: async () => {
        lifted = true;
        proxy.plan(() => false, []);
        if (fault.make === 'offline') await context.setOffline(false);
      },
    };
  }

  /**
   * Asserts the browser made `count` requests for the submission (or search), and that they came no sooner after
   * one another than the fault's `minGapMs`. The gaps are measured in the page, when the client called `fetch`:
   * Playwright's request events reach Node late, by varying amounts on a busy machine.
   */
  async function assertRequests(cell: Cell, widget: WidgetCase, fault: Fault, count: number) {
    assert.equal(cell.requests.length, count, `the browser's requests: ${cell.requests.length}, expected ${count}`);
    if (fault.minGapMs === undefined) return;
    const calls = await cell.page.evaluate(() => (window as unknown as FetchLog).civicFetches);
    const times = calls
      .filter((call) => call.method === widget.method && new URL(call.url).pathname === widget.path)
      .filter((call) => call.at >= cell.since && (widget.matches?.(call.body) ?? true))
      .map((call) => call.at);
    assert.equal(times.length, count, 'as many fetch calls as requests');
    for (let i = 1; i < times.length; i++) {
      const gap = Math.round(times[i]! - times[i - 1]!);
      assert.ok(gap >= fault.minGapMs, `request ${i + 1} came ${gap} ms after the one before, not ${fault.minGapMs}`);
      // And not much later: a `Retry-After` is a wait before the retry, not a reason to give up for now.
      assert.ok(gap < fault.minGapMs + 3000, `request ${i + 1} came ${gap} ms after the one before: too late`);
    }
  }

  /** Waits for the requests a delivered outcome takes (a retry may come after a 10 s timeout). */
  const retried = (cell: Cell, fault: Fault) =>
    until(`${fault.requests} requests`, async () => cell.requests.length >= fault.requests, 25_000);

  async function assertReplayed(cell: Cell) {
    const [first, second] = await cell.proxy.answered(2, 25_000);
    assert.equal(first?.answer?.status, 201, 'the server committed the first attempt');
    assert.equal(second?.answer?.replayed, true, 'the retry was answered from the idempotency record');
    assert.equal(second?.answer?.body, first?.answer?.body, 'the retry got the original answer');
  }

  async function runSubmission(fault: Fault, widget: WidgetCase, id: string) {
    const { cell, errors, activate, lift } = await openCell(fault, widget, id);
    const { widget: element, page } = cell;
    const stored = () => widget.stored!(cell);
    try {
      await activate();
      await widget.submit(cell);
      if (fault.outcome === 'delivered') {
        await retried(cell, fault);
        await widget.succeeded(cell);
        await assertRequests(cell, widget, fault, fault.requests);
        assert.equal(await stored(), 1, 'one row');
        if (fault.replayed) await assertReplayed(cell);
        assert.deepEqual(await outboxEntries(page), []);
      } else if (fault.outcome === 'pending') {
        await element.getByRole('heading', { name: widget.pending!.heading }).waitFor({ timeout: 20_000 });
        await element.getByRole('status').filter({ hasText: common.queued }).waitFor({ state: 'attached' });
        await assertRequests(cell, widget, fault, fault.requests);
        assert.equal(await stored(), 0, 'nothing stored yet');
        const entries = await outboxEntries(page);
        assert.equal(entries.length, 1, 'one outbox entry');
        assert.ok(JSON.stringify(entries[0]).includes(widget.pending!.marker(cell)), 'the input waits in the outbox');

        // The connection comes back (the client listens for `online`): delivered once, and the widget says so.
        await lift();
        if (fault.make !== 'offline') await page.evaluate(() => window.dispatchEvent(new Event('online')));
        await element.getByRole('status').filter({ hasText: common.deliveredLater }).waitFor({ state: 'attached' });
        await widget.succeeded(cell);
        await until('the outbox to empty', async () => (await outboxEntries(page)).length === 0);
        assert.equal(await stored(), 1, 'one row once delivered');
      } else {
        const message = MESSAGES(widget)[fault.message!];
        await element.getByRole('alert').filter({ hasText: message }).waitFor();
        await assertRequests(cell, widget, fault, fault.requests);
        await widget.inputKept(cell);
        assert.equal(await stored(), fault.committed ? 1 : 0, fault.committed ? 'the server has it' : 'nothing stored');
        assert.deepEqual(await outboxEntries(page), [], 'a refused submission does not wait to be sent again');
        // Give a wrong retry time to happen: none comes.
        await page.waitForTimeout(700);
        await assertRequests(cell, widget, fault, fault.requests);

        // The citizen does as the message says and tries again, with what is still in the form: one row.
        await lift();
        await widget.submit(cell);
        await widget.succeeded(cell);
        assert.equal(await stored(), 1, 'one row after trying again');
      }
      assert.deepEqual(errors, []);
    } finally {
      await cell.context.close();
      await cell.proxy.close();
    }
  }

  async function runSearch(fault: Fault, widget: WidgetCase, id: string) {
    const { cell, errors, activate, lift } = await openCell(fault, widget, id);
    const { widget: element } = cell;
    try {
      await activate();
      await widget.submit(cell);
      if (fault.outcome === 'delivered') {
        await retried(cell, fault);
        await widget.succeeded(cell);
        await assertRequests(cell, widget, fault, fault.requests);
      } else {
        const message = MESSAGES(widget)[fault.message ?? fault.searchMessage!];
        await element.getByRole('alert').filter({ hasText: message }).waitFor({ timeout: 20_000 });
        await assertRequests(cell, widget, fault, fault.requests);
        await widget.inputKept(cell);
        await lift();
        await widget.submit(cell);
        await widget.succeeded(cell);
        assert.equal(await element.getByRole('alert').count(), 0, 'the error has gone');
      }
      assert.deepEqual(errors, []);
    } finally {
      await cell.context.close();
      await cell.proxy.close();
    }
  }

  // One test per cell, the slowest first so that they overlap; the names say which fault and which widget.
  const faults = FAULTS.filter((fault) => !fault.nightly || process.env.CIVIC_NIGHTLY);
  const cells = faults.flatMap((fault) => WIDGETS.map((widget) => ({ fault, widget })));
  cells.sort((a, b) => b.fault.cost - a.fault.cost);
  for (const { fault, widget } of cells) {
    const id = `${fault.name}-${widget.name}`
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const run = widget.method === 'GET' ? runSearch : runSubmission;
    it(`${fault.name} × ${widget.name}`, { timeout: 60_000 }, () => run(fault, widget, id));
  }
});
