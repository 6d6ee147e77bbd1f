import { expect } from '@open-wc/testing';
import { resetSharedClients, sharedClient } from './client.js';

describe('sharedClient', () => {
  afterEach(() => resetSharedClients());

  it('gives every widget on a page the same client for the same backend', async () => {
    const a = await sharedClient('https://api.example.gov/v1', 'rest');
    const b = await sharedClient('https://api.example.gov/v1', 'rest');
    expect(a).to.equal(b);
    expect(a.adapter.name).to.equal('rest');
    expect(await sharedClient('https://other.example.gov/v1', 'rest')).not.to.equal(a);
  });

  for (const [adapter, endpoint] of [
    ['memory', undefined],
    ['static', '/services.json'],
    ['hsds', 'https://directory.example.org/api'],
  ] as const) {
    it(`loads the ${adapter} adapter on demand`, async () => {
      const client = await sharedClient(endpoint, adapter);
      expect(client.adapter.name).to.equal(adapter);
    });
  }

  it('passes adapter options on, and keeps clients with different options apart', async () => {
    const bins = await sharedClient('https://council.example.gov/open311/v2', 'open311', { serviceCode: 'bins' });
    const roads = await sharedClient('https://council.example.gov/open311/v2', 'open311', { serviceCode: 'roads' });
    expect(bins.adapter.name).to.equal('open311');
    expect(bins).not.to.equal(roads);
  });

  it('refuses an adapter it does not know, naming the ones it does', async () => {
    const error = await sharedClient('https://api.example.gov/v1', 'graphql').catch((e: Error) => e);
    expect(String(error)).to.match(/unknown adapter "graphql".*rest, memory, static, hsds, open311/);
  });
});
