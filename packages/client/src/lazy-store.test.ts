import { expect } from '@open-wc/testing';
import { createClient } from './resources/petitions.js';
import { goOffline, json, scriptedFetch } from './test-support/fake-fetch.js';
import { petition, signature } from './test-support/fixtures.js';

// This file must import nothing that imports the outbox store: it checks what the page downloads.
const storeLoaded = () =>
  performance.getEntriesByType('resource').some((entry) => /\/outbox\/store\.ts|idb-keyval/.test(entry.name));

describe('the outbox store is downloaded when first needed', () => {
  it('is not loaded by a page that only reads, and is loaded to keep a submission', async () => {
    const { fetch } = scriptedFetch(json(200, petition));
    const client = createClient({ endpoint: 'https://api.example.gov/v1', fetch, autoFlush: false });
    await client.getPetition('p1');
    expect(storeLoaded()).to.equal(false);

    const online = goOffline();
    try {
      const result = await client.signPetition('p1', signature);
      expect(result).to.deep.include({ status: 'queued', persisted: true });
    } finally {
      online();
    }
    expect(storeLoaded()).to.equal(true);
    expect(await client.pending()).to.have.length(1);
    await (await import('./outbox/store.js')).indexedDbOutboxStore().delete((await client.pending())[0]!.id);
  });
});
