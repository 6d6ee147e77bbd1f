import { createClient as createFullClient } from '@civic-widgets/client';
import { PetitionsClient } from '@civic-widgets/client/petitions';
import { PollsClient } from '@civic-widgets/client/polls';
import { expect } from '@open-wc/testing';
import { resetSharedClients, sharedClient } from './client.js';

describe('sharedClient', () => {
  afterEach(() => resetSharedClients());

  it('gives every widget of a resource on a page the same client for the same backend', async () => {
    const a = await sharedClient('https://api.example.gov/v1', 'rest', {}, PetitionsClient);
    const b = await sharedClient('https://api.example.gov/v1', 'rest', {}, PetitionsClient);
    expect(a).to.equal(b);
    expect(a).to.be.instanceOf(PetitionsClient);
    expect(a.adapter.name).to.equal('rest');
    expect(await sharedClient('https://other.example.gov/v1', 'rest', {}, PetitionsClient)).not.to.equal(a);
  });

  it("gives widgets of different resources their resource's lean client on one shared core", async () => {
    const petitions = await sharedClient('https://api.example.gov/v1', 'rest', {}, PetitionsClient);
    const polls = await sharedClient('https://api.example.gov/v1', 'rest', {}, PollsClient);
    expect(polls).to.be.instanceOf(PollsClient);
    expect(polls).not.to.have.property('signPetition');
    expect(polls.core).to.equal(petitions.core);
    expect(polls.core.outbox).to.equal(petitions.core.outbox);
  });

  it('shares the core with a widget bundle that carries its own copy of the client classes', async () => {
    const core = (await sharedClient('https://api.example.gov/v1', 'rest', {}, PetitionsClient)).core;
    // Another CDN file's copy of a resource class: a different constructor over the same registry.
    class CopiedPollsClient extends PollsClient {}
    expect((await sharedClient('https://api.example.gov/v1', 'rest', {}, CopiedPollsClient)).core).to.equal(core);
    expect(createFullClient({ endpoint: 'https://api.example.gov/v1', autoFlush: false }).core).not.to.equal(core);
  });

  for (const [adapter, endpoint] of [
    ['memory', undefined],
    ['static', '/services.json'],
    ['hsds', 'https://directory.example.org/api'],
  ] as const) {
    it(`loads the ${adapter} adapter on demand`, async () => {
      const client = await sharedClient(endpoint, adapter, {}, PetitionsClient);
      expect(client.adapter.name).to.equal(adapter);
    });
  }

  it('passes adapter options on, and keeps clients with different options apart', async () => {
    const open311 = 'https://council.example.gov/open311/v2';
    const bins = await sharedClient(open311, 'open311', { serviceCode: 'bins' }, PetitionsClient);
    const roads = await sharedClient(open311, 'open311', { serviceCode: 'roads' }, PetitionsClient);
    expect(bins.adapter.name).to.equal('open311');
    expect(bins).not.to.equal(roads);
  });

  it('refuses an adapter it does not know, naming the ones it does', async () => {
    const error = await sharedClient('https://api.example.gov/v1', 'graphql', {}, PetitionsClient).catch(
      (e: Error) => e,
    );
    expect(String(error)).to.match(/unknown adapter "graphql".*rest, memory, static, hsds, open311/);
  });
});
