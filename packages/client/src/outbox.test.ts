import { expect, oneEvent } from '@open-wc/testing';
import { createClient } from './client.js';
import { OutboxDeliveredEvent, OutboxFailedEvent } from './outbox/events.js';
import { memoryOutboxStore } from './outbox/memory-store.js';
import { indexedDbOutboxStore, storeWorks } from './outbox/store.js';
import type { OutboxEntry, OutboxStore } from './outbox/types.js';
import { goOffline, json, problem, type Reply, scriptedFetch } from './test-support/fake-fetch.js';
import { receipt, signature } from './test-support/fixtures.js';

const endpoint = 'https://api.example.gov/v1';
let dbCount = 0;
const freshIdbStore = () => indexedDbOutboxStore(`civic-test-${Date.now()}-${dbCount++}`);

function clientOn(outbox: OutboxStore, replies: Reply[], autoFlush = false) {
  const fake = scriptedFetch(...replies);
  const client = createClient({
    endpoint,
    fetch: fake.fetch,
    outbox,
    autoFlush,
    retry: { retries: 0 },
    timeoutMs: 200,
  });
  return { client, ...fake };
}

describe('outbox', () => {
  let restoreOnline: (() => void) | undefined;
  afterEach(() => {
    restoreOnline?.();
    restoreOnline = undefined;
  });

  it('keeps a submission made offline, and sends nothing', async () => {
    const outbox = memoryOutboxStore();
    const { client, requests } = clientOn(outbox, [json(201, receipt)]);
    restoreOnline = goOffline();
    const result = await client.signPetition('p1', signature);
    expect(result).to.deep.include({ status: 'queued', persisted: true });
    expect(requests).to.have.length(0);
    const [entry] = await client.pending();
    expect(entry).to.deep.include({ operation: 'signPetition', args: ['p1', signature] });
  });

  it('writes the entry before the first attempt', async () => {
    const outbox = memoryOutboxStore();
    let storedDuringRequest = -1;
    const fetch: typeof globalThis.fetch = async () => {
      storedDuringRequest = (await outbox.list()).length;
      return json(201, receipt);
    };
    const client = createClient({ endpoint, fetch, outbox, autoFlush: false });
    await client.signPetition('p1', signature);
    expect(storedDuringRequest).to.equal(1);
    expect(await outbox.list()).to.have.length(0);
  });

  it('survives a new client on the same storage and is delivered exactly once, with the same key', async () => {
    const outbox = freshIdbStore();
    const first = clientOn(outbox, [new TypeError('Failed to fetch')]);
    const queued = await first.client.submitFeedback({ topic: 'bins', rating: { scale: 'thumbs', value: 1 } });
    expect(queued.status).to.equal('queued');

    // A later page load: a new client for the same endpoint delivers on creation.
    const second = clientOn(outbox, [json(201, { receiptId: 'f-1' })], true);
    const delivered = await oneEvent(second.client, 'delivered');
    expect(delivered).to.be.instanceOf(OutboxDeliveredEvent);
    expect((delivered as OutboxDeliveredEvent).receipt).to.deep.equal({ receiptId: 'f-1' });
    await second.client.flush();
    expect(second.requests).to.have.length(1);
    expect(second.requests[0]!.headers.get('Idempotency-Key')).to.equal(
      first.requests[0]!.headers.get('Idempotency-Key'),
    );
    expect(await outbox.list()).to.have.length(0);
    second.client.close();
  });

  it('two clients flushing one outbox send each item once', async () => {
    const outbox = freshIdbStore();
    const offline = clientOn(outbox, [new TypeError('Failed to fetch')]);
    for (let i = 0; i < 5; i++) await offline.client.signPetition('p1', { ...signature, email: `p${i}@example.org` });

    const slow = async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return json(201, receipt);
    };
    const keys: string[] = [];
    const fetch: typeof globalThis.fetch = async (_input, init) => {
      keys.push(new Headers(init?.headers).get('Idempotency-Key')!);
      return slow();
    };
    const a = createClient({ endpoint, fetch, outbox, autoFlush: false });
    const b = createClient({ endpoint, fetch, outbox, autoFlush: false });
    await Promise.all([a.flush(), b.flush(), a.flush(), b.flush()]);
    expect(keys).to.have.length(5);
    expect(new Set(keys).size).to.equal(5);
    expect(await outbox.list()).to.have.length(0);
  });

  it('sends queued items when the browser comes back online', async () => {
    const outbox = memoryOutboxStore();
    restoreOnline = goOffline();
    const { client, requests } = clientOn(outbox, [json(201, receipt)], true);
    await client.signPetition('p1', signature);
    restoreOnline();
    restoreOnline = undefined;
    const delivered = oneEvent(client, 'delivered');
    window.dispatchEvent(new Event('online'));
    await delivered;
    expect(requests).to.have.length(1);
    client.close();
  });

  it('sends queued items when the page becomes visible again', async () => {
    const outbox = memoryOutboxStore();
    await clientOn(outbox, [new TypeError('x')]).client.signPetition('p1', signature);
    const { client, requests } = clientOn(outbox, [json(201, receipt)], true);
    await oneEvent(client, 'delivered'); // the flush on creation
    await clientOn(outbox, [new TypeError('x')]).client.signPetition('p1', signature);
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    try {
      const delivered = oneEvent(client, 'delivered');
      document.dispatchEvent(new Event('visibilitychange'));
      await delivered;
      expect(requests).to.have.length(2);
    } finally {
      delete (document as { visibilityState?: string }).visibilityState;
      client.close();
    }
  });

  it('flushes only its own endpoint', async () => {
    const outbox = memoryOutboxStore();
    const other = createClient({
      endpoint: 'https://other.example/v1',
      fetch: scriptedFetch(new TypeError('x')).fetch,
      outbox,
      autoFlush: false,
      retry: { retries: 0 },
    });
    await other.signPetition('p1', signature);
    const { client, requests } = clientOn(outbox, [json(201, receipt)]);
    await client.flush();
    expect(requests).to.have.length(0);
    expect(await other.pending()).to.have.length(1);
  });

  it('reports a queued item the server refuses, and removes it', async () => {
    const outbox = memoryOutboxStore();
    await clientOn(outbox, [new TypeError('x')]).client.signPetition('p1', signature);
    const { client } = clientOn(outbox, [problem(409, 'This petition is closed')]);
    const failed = oneEvent(client, 'failed');
    await client.flush();
    const event = (await failed) as OutboxFailedEvent;
    expect(event).to.be.instanceOf(OutboxFailedEvent);
    expect(event.error.status).to.equal(409);
    expect(event.entry.operation).to.equal('signPetition');
    expect(await outbox.list()).to.have.length(0);
  });

  it('keeps a queued item while the server stays unreachable', async () => {
    const outbox = memoryOutboxStore();
    await clientOn(outbox, [new TypeError('x')]).client.signPetition('p1', signature);
    const { client, requests } = clientOn(outbox, [problem(503)]);
    await client.flush();
    expect(requests).to.have.length(1);
    const [entry] = await outbox.list();
    expect(entry!.attempts).to.equal(2);
  });

  it('gives up an expired item with an event, without sending it', async () => {
    const outbox = memoryOutboxStore();
    const fake = scriptedFetch(new TypeError('x'));
    const old = createClient({
      endpoint,
      fetch: fake.fetch,
      outbox,
      autoFlush: false,
      retry: { retries: 0 },
      outboxTtlMs: -1,
    });
    await old.signPetition('p1', signature);
    const { client, requests } = clientOn(outbox, [json(201, receipt)]);
    const expired = oneEvent(client, 'expired');
    await client.flush();
    await expired;
    expect(requests).to.have.length(0);
    expect(await outbox.list()).to.have.length(0);
  });

  it('falls back to memory when storage refuses to write, and says so', async () => {
    const broken: OutboxStore = {
      ...memoryOutboxStore(),
      put: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
    };
    const { client } = clientOn(broken, [new TypeError('x')]);
    const result = await client.signPetition('p1', signature);
    expect(result).to.deep.include({ status: 'queued', persisted: false });
    expect(await client.pending()).to.have.length(1);
  });

  it('a 2xx with a malformed receipt is an invalid-response, and the item is not sent again', async () => {
    const outbox = memoryOutboxStore();
    const { client } = clientOn(outbox, [json(201, { nope: true })]);
    const error = await client.signPetition('p1', signature).catch((e) => e);
    expect(error.kind).to.equal('invalid-response');
    expect(await outbox.list()).to.have.length(0);
  });
});

describe('choosing the outbox storage', () => {
  /** One tab's view of a storage every tab shares, each operation taking the given time. */
  function tabOn(shared: Map<string, OutboxEntry>, ms: { put: number; get: number; delete: number }): OutboxStore {
    const after = (delay: number) => new Promise((done) => setTimeout(done, delay));
    return {
      kind: 'indexeddb',
      list: async () => [...shared.values()],
      get: async (id) => {
        await after(ms.get);
        return shared.get(id);
      },
      put: async (entry) => {
        await after(ms.put);
        shared.set(entry.id, entry);
      },
      delete: async (id) => {
        await after(ms.delete);
        shared.delete(id);
      },
    };
  }

  it('a probe holds while another tab probes the same storage at the same moment', async () => {
    // Tabs opening together each probe the storage; here tab A removes its probe (at 30 ms) between tab B's write
    // (5 ms) and tab B's read (55 ms). A tab that wrongly finds its storage broken keeps its submissions where the
    // other tabs never look.
    const shared = new Map<string, OutboxEntry>();
    const tabA = tabOn(shared, { put: 10, get: 10, delete: 10 });
    const tabB = tabOn(shared, { put: 5, get: 50, delete: 5 });
    expect(await Promise.all([storeWorks(tabA), storeWorks(tabB)])).to.deep.equal([true, true]);
    expect(shared.size).to.equal(0);
  });
});
