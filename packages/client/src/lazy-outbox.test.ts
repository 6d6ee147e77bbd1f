import { aTimeout, expect, oneEvent } from '@open-wc/testing';
import { indexedDbOutboxStore } from './outbox/index.js';
import type { OutboxEntry } from './outbox/types.js';
import { createClient } from './resources/petitions.js';
import { goOffline, json, scriptedFetch } from './test-support/fake-fetch.js';
import { petition, receipt, signature } from './test-support/fixtures.js';

// This file must import nothing that imports the outbox's engine or store: it checks what the page downloads.
const loaded = (module: RegExp) => performance.getEntriesByType('resource').some((entry) => module.test(entry.name));
const engineLoaded = () => loaded(/\/outbox\/engine\.ts/);
const storeLoaded = () => loaded(/\/outbox\/store\.ts|idb-keyval/);

// An endpoint of this file's own: test files share the page's origin, so its storage and waiting marks.
const endpoint = 'https://lazy-outbox.example.gov/v1';
const mark = `civic-outbox-waiting:rest:${endpoint}`;

/** Keeps a signature in the default store (IndexedDB here) with a client that cannot reach the backend. */
async function queueOne() {
  const client = createClient({ endpoint, fetch: scriptedFetch(json(201, receipt)).fetch, autoFlush: false });
  const online = goOffline();
  try {
    expect(await client.signPetition('p1', signature)).to.deep.include({ status: 'queued', persisted: true });
  } finally {
    online();
  }
}

describe('the outbox is downloaded when first needed', () => {
  it('is not loaded on start, nor when the connection returns, when the last look found nothing waiting', async () => {
    localStorage.setItem(mark, 'empty');
    const { fetch } = scriptedFetch(json(200, petition));
    const client = createClient({ endpoint, fetch });
    await client.getPetition('p1');
    await aTimeout(50); // the start's chance to deliver
    window.dispatchEvent(new Event('online'));
    await aTimeout(50);
    client.close();
    expect(engineLoaded()).to.equal(false);
    expect(storeLoaded()).to.equal(false);
  });

  it('is not loaded by making a store for the `outbox` option, only by its first use', async () => {
    const store = indexedDbOutboxStore(`civic-lazy-outbox-${Date.now()}`);
    expect(store.kind).to.equal('indexeddb');
    expect(storeLoaded()).to.equal(false);
    const entry = { id: 'e1', namespace: 'n', operation: 'votePoll', args: [], createdAt: 1 } as unknown as OutboxEntry;
    await store.put(entry);
    expect(storeLoaded()).to.equal(true);
    expect(await store.get('e1')).to.deep.equal(entry);
    expect(await store.list()).to.deep.equal([entry]);
    await store.delete('e1');
    expect(await store.list()).to.deep.equal([]);
  });

  it('is not loaded by a page that only reads, and is loaded to keep a submission', async () => {
    const { fetch } = scriptedFetch(json(200, petition));
    const client = createClient({ endpoint, fetch, autoFlush: false });
    await client.getPetition('p1');
    expect(engineLoaded()).to.equal(false);

    const online = goOffline();
    try {
      const result = await client.signPetition('p1', signature);
      expect(result).to.deep.include({ status: 'queued', persisted: true });
    } finally {
      online();
    }
    expect(engineLoaded()).to.equal(true);
    expect(storeLoaded()).to.equal(true);
    expect(localStorage.getItem(mark)).to.be.a('string').and.not.equal('empty');
    const [entry] = await client.pending();
    await (await import('./outbox/store.js')).indexedDbOutboxStore().delete(entry!.id);
  });

  it('is looked at on start while a submission may wait, and marked empty once it is delivered', async () => {
    await queueOne();
    const { fetch, requests } = scriptedFetch(json(201, receipt));
    const client = createClient({ endpoint, fetch });
    await oneEvent(client, 'delivered');
    await client.flush();
    client.close();
    expect(requests).to.have.length(1);
    expect(await client.pending()).to.have.length(0);
    expect(localStorage.getItem(mark)).to.equal('empty');
  });

  it('keeps the mark that another tab set while the store was read: that tab may be writing an entry', async () => {
    const client = createClient({ endpoint, fetch: scriptedFetch(json(201, receipt)).fetch, autoFlush: false });
    localStorage.removeItem(mark);
    const getAll = IDBObjectStore.prototype.getAll;
    let writes = 0;
    IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<typeof getAll>) {
      localStorage.setItem(mark, `set by another tab, ${++writes}`); // as each write of an entry sets a new value
      return getAll.apply(this, args);
    };
    try {
      await client.flush();
    } finally {
      IDBObjectStore.prototype.getAll = getAll;
    }
    expect(localStorage.getItem(mark)).to.equal(`set by another tab, ${writes}`);
    await client.flush();
    expect(localStorage.getItem(mark)).to.equal('empty');
  });

  it('is loaded in the background by a form that asks for it, without opening storage', async () => {
    const client = createClient({ endpoint, fetch: scriptedFetch(json(201, receipt)).fetch, autoFlush: false });
    const open = indexedDB.open;
    let opened = 0;
    indexedDB.open = (...args: Parameters<typeof open>) => {
      opened++;
      return open.apply(indexedDB, args);
    };
    try {
      client.prepareOutbox();
      await aTimeout(50);
    } finally {
      indexedDB.open = open;
    }
    expect(engineLoaded()).to.equal(true);
    expect(opened).to.equal(0);
  });
});
