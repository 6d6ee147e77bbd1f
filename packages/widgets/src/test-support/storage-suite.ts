// Storage unavailable (docs/reliability.md): each submitting widget on a real client whose outbox finds storage
// broken in one way. The client picks its outbox store once per page, so each way of breaking storage is its own
// test file (its own page) that calls `describeStorageUnavailable`.
import { type CivicClient, createClient, type Petition, type Poll } from '@civic-widgets/client';
import { expect, fixture, fixtureCleanup, html, waitUntil as waitUntilFast } from '@open-wc/testing';
import { strings as common } from '../i18n/en.js';
import { resetSharedClients } from '../internal/client.js';
import { fillForm } from '../petition/petition.examples.js';
import '../define/civic-petition.js';
import '../define/civic-poll.js';
import '../define/civic-feedback.js';

/** Breaks storage; returns what puts it back. */
export type StorageStub = () => () => void;

/** Replaces `name` on `target` (own property) and returns what restores it, own property or not. */
function replace(target: object, name: string, descriptor: PropertyDescriptor): () => void {
  const own = Object.getOwnPropertyDescriptor(target, name);
  Object.defineProperty(target, name, { configurable: true, ...descriptor });
  return () => {
    if (own) Object.defineProperty(target, name, own);
    else delete (target as Record<string, unknown>)[name];
  };
}

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const denied = () => new DOMException('Access is denied for this document.', 'SecurityError');

/** (a) `indexedDB.open` throws, as in some sandboxed frames and old private modes. localStorage still works. */
export const indexedDbOpenThrows: StorageStub = () =>
  replace(indexedDB, 'open', {
    value: () => {
      throw denied();
    },
  });

/** (b) A full disk: every IndexedDB and localStorage write fails with `QuotaExceededError`; reads work. */
export const quotaExceeded: StorageStub = () => {
  const restores = [
    replace(IDBObjectStore.prototype, 'put', {
      value: () => {
        throw quota();
      },
    }),
    replace(IDBObjectStore.prototype, 'add', {
      value: () => {
        throw quota();
      },
    }),
    replace(Storage.prototype, 'setItem', {
      value: () => {
        throw quota();
      },
    }),
  ];
  return () => {
    for (const restore of restores.reverse()) restore();
  };
};

/** (c) Private mode at its strictest: no `indexedDB` at all, and `localStorage` throws on access. */
export const noStorage: StorageStub = () => {
  const restores = [
    replace(window, 'indexedDB', { get: () => undefined }),
    replace(window, 'localStorage', {
      get: () => {
        throw denied();
      },
    }),
  ];
  return () => {
    for (const restore of restores.reverse()) restore();
  };
};

/**
 * A backend of its own for each test: the outbox is shared by the page (and, in localStorage, by the pages of all
 * three files), and a client only counts and sends the entries of its own endpoint.
 */
let backends = 0;
const endpoint = () => `https://storage.test/${Date.now()}-${backends++}/v1`;

/** `waitUntil` with room for a machine busy with other test files. */
const waitUntil = (condition: () => unknown, message: string) =>
  waitUntilFast(condition, message, { timeout: 4000, interval: 10 });

const petition: Petition = {
  id: 'p1',
  title: 'Fix the road',
  summary: 'Potholes everywhere.',
  status: 'open',
  signatureCount: 10,
  thresholds: [{ count: 100, label: 'Response' }],
  signerFields: [],
  privacyNoticeUrl: 'https://example.gov/privacy',
};

const poll: Poll = {
  id: 'q1',
  question: 'Which name?',
  kind: 'single',
  status: 'open',
  options: [
    { id: 'a', label: 'Riverside' },
    { id: 'b', label: 'Mill Meadows' },
  ],
  resultsVisibility: 'never',
};

/** The backend: answers reads always, and submissions only while `online.value` (else fails as fetch does). */
function backend(online: { value: boolean }) {
  const posted: string[] = [];
  const fetch: typeof globalThis.fetch = async (input, init = {}) => {
    const path = new URL(String(input)).pathname.replace(/^.*\/v1/, '');
    const reply = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    if ((init.method ?? 'GET') === 'GET') {
      const [, kind, id] = path.split('/');
      if (kind === 'petitions') return reply(200, { ...petition, id });
      if (kind === 'polls') return reply(200, { ...poll, id });
      return reply(404, { type: 'about:blank', title: 'Not found', status: 404 });
    }
    if (!online.value) throw new TypeError('Failed to fetch');
    posted.push(path);
    if (path.endsWith('/signatures')) return reply(201, { receiptId: 'r-1', status: 'counted', signatureCount: 11 });
    if (path.endsWith('/votes')) return reply(201, { receiptId: 'v-1' });
    if (path === '/feedback') return reply(201, { receiptId: 'f-1' });
    return reply(404, { type: 'about:blank', title: 'Not found', status: 404 });
  };
  return { fetch, posted };
}

/** Makes `navigator.onLine` false until the returned function is called. */
function goOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  return () => delete (navigator as { onLine?: boolean }).onLine;
}

type Widget = {
  name: string;
  /** `id`: unique to the test, since the pages of the three files share their origin's storage. */
  render: (client: CivicClient, id: string) => ReturnType<typeof html>;
  /** Waits until the widget has loaded what it needs from the backend. */
  ready: (el: HTMLElement) => Promise<unknown>;
  /** Fills in and sends the widget's form. */
  submit: (el: HTMLElement) => Promise<void>;
  /** Text that says the submission was accepted. */
  done: string;
};

const shadow = (el: HTMLElement) => el.shadowRoot!;
const text = (el: HTMLElement, selector: string) =>
  [...shadow(el).querySelectorAll(selector)].map((n) => n.textContent!.replace(/\s+/g, ' ').trim()).join(' ');

const WIDGETS: Widget[] = [
  {
    name: '<civic-petition> signing',
    render: (client, id) => html`<civic-petition petition-id=${id} .client=${client}></civic-petition>`,
    ready: (el) => waitUntil(() => shadow(el).querySelector('#name'), 'the petition did not load'),
    submit: async (el) => {
      await fillForm(el);
      shadow(el).querySelector<HTMLButtonElement>('[part=submit-button]')!.click();
    },
    done: 'Your signature has been counted.',
  },
  {
    name: '<civic-poll> voting',
    render: (client, id) => html`<civic-poll poll-id=${id} .client=${client}></civic-poll>`,
    ready: (el) => waitUntil(() => shadow(el).querySelector('input[name=choice]'), 'the poll did not load'),
    submit: async (el) => {
      shadow(el).querySelector<HTMLInputElement>('input[name=choice]')!.click();
      shadow(el).querySelector<HTMLButtonElement>('[part=submit-button]')!.click();
    },
    done: 'Thank you, your vote has been counted',
  },
  {
    name: '<civic-feedback> rating',
    // With a cool-down, so the widget also tries to remember the answer in the broken storage.
    render: (client, id) => html`<civic-feedback topic="page:/${id}" cooldown="30" .client=${client}></civic-feedback>`,
    ready: (el) => waitUntil(() => shadow(el).querySelector('civic-rating'), 'the rating did not show'),
    submit: async (el) => {
      const rating = shadow(el).querySelector('civic-rating') as HTMLElement & { updateComplete: Promise<unknown> };
      await rating.updateComplete;
      rating.shadowRoot!.querySelector<HTMLElement>('[data-value="1"]')!.click();
    },
    done: 'Thank you, your answer has been recorded.',
  },
];

/**
 * For each submitting widget: online, the submission is sent and shown as done; offline, it is kept and the
 * citizen is told, visibly, that it is saved on the device (`persistent`) or that the page must stay open; back
 * online, it goes. Never an uncaught error or unhandled rejection.
 */
export function describeStorageUnavailable(title: string, stub: StorageStub, persistent: boolean) {
  describe(`reliability: storage unavailable, ${title}`, () => {
    const pending = persistent ? common.queued : common.queuedUnsaved;
    let count = 0;
    const uid = () => `${title.replace(/\W+/g, '-')}-${Date.now()}-${count++}`;
    let restoreStorage: (() => void) | undefined;
    let restoreOnline: (() => void) | undefined;
    let uncaught: unknown[];
    let client: CivicClient | undefined;
    const onError = (event: ErrorEvent) => uncaught.push(event.error ?? event.message);
    const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);

    beforeEach(() => {
      uncaught = [];
      addEventListener('error', onError);
      addEventListener('unhandledrejection', onRejection);
      restoreStorage = stub();
    });

    afterEach(async () => {
      // Unhandled rejections are reported a task later.
      await new Promise((resolve) => setTimeout(resolve, 20));
      restoreOnline?.();
      restoreOnline = undefined;
      restoreStorage?.();
      restoreStorage = undefined;
      client?.close();
      client = undefined;
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onRejection);
      fixtureCleanup();
      resetSharedClients();
      expect(uncaught, 'uncaught errors').to.deep.equal([]);
    });

    after(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('civic-')) localStorage.removeItem(key);
    });

    for (const widget of WIDGETS) {
      it(`${widget.name}: sent online and shown as done`, async () => {
        const server = backend({ value: true });
        // The page's default outbox: what this test is about. No retries, to keep the test short.
        client = createClient({ endpoint: endpoint(), fetch: server.fetch, autoFlush: false, retry: { retries: 0 } });
        const el = await fixture<HTMLElement>(widget.render(client, uid()));
        await widget.ready(el);
        await widget.submit(el);
        await waitUntil(() => text(el, '[data-confirmation]').includes(widget.done), `not shown as done`);
        expect(server.posted).to.have.length(1);
        expect(text(el, '[role=alert]')).to.equal('');
      });

      /** Loads online, drops the connection, submits: the submission is queued. */
      const submitOffline = async () => {
        const online = { value: true };
        const server = backend(online);
        client = createClient({ endpoint: endpoint(), fetch: server.fetch, autoFlush: false, retry: { retries: 0 } });
        const el = await fixture<HTMLElement>(widget.render(client, uid()));
        await widget.ready(el);
        online.value = false;
        restoreOnline = goOffline();
        await widget.submit(el);
        await waitUntil(() => shadow(el).querySelector('[data-confirmation]'), 'no confirmation while offline');
        await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        return { el, server, online, client };
      };

      it(`${widget.name}: offline, kept and announced (${persistent ? 'saved on this device' : 'keep this page open'}), sent once back online`, async () => {
        const { el, server, online, client } = await submitOffline();
        expect(text(el, '[role=status]')).to.contain(pending);
        expect(server.posted).to.have.length(0);
        expect(await client.pending()).to.have.length(1);

        online.value = true;
        restoreOnline?.();
        restoreOnline = undefined;
        await client.flush();
        expect(server.posted).to.have.length(1);
        await waitUntil(() => text(el, '[role=status]').includes(common.deliveredLater), 'not shown as sent later');
        expect(await client.pending()).to.have.length(0);
      });

      // The live region tells screen readers; the confirmation must tell everyone.
      const visible = `${widget.name}: offline, the visible confirmation says ${persistent ? '"saved on this device"' : '"keep this page open"'}`;
      it(visible, async () => {
        const { el } = await submitOffline();
        expect(text(el, '[data-confirmation]')).to.contain(pending);
      });
    }
  });
}
