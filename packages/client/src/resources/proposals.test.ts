import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { memoryAdapter } from '../adapters/memory.js';
import { staticAdapter } from '../adapters/static.js';
import { type ClientOptions, createCore } from '../core.js';
import { memoryOutboxStore } from '../outbox/memory-store.js';
import type { PetitionProposalRequest, SponsorRequest } from '../schemas/proposal.js';
import { errorOf } from '../test-support/error-of.js';
import { json, type Reply, scriptedFetch } from '../test-support/fake-fetch.js';
import { createClient, ProposalsClient } from './proposals.js';

const endpoint = 'https://api.example.gov/v1';
const proposal: PetitionProposalRequest = {
  title: 'Plant trees along Mill Lane',
  background: 'Mill Lane has no shade in summer.',
  name: 'Amina Khan',
  email: 'amina@example.org',
  postcode: 'LS1 3AB',
  consent: true,
};
const sponsor = (email: string): SponsorRequest => ({ name: 'Sam', email, postcode: 'LS2 7EW', consent: true });
const receipt = { id: 'p-1', status: 'unconfirmed', sponsorsNeeded: 5 };

function restClient(...replies: Reply[]) {
  const fake = scriptedFetch(...replies);
  const settings: ClientOptions = {
    endpoint,
    fetch: fake.fetch,
    outbox: memoryOutboxStore(),
    autoFlush: false,
    retry: { retries: 0 },
  };
  return { client: createClient(settings), ...fake };
}

describe('ProposalsClient over REST', () => {
  it('proposes once per submission: the body checked, the idempotency key kept when it is delivered later', async () => {
    const { client, requests } = restClient(new TypeError('Failed to fetch'), json(201, receipt));
    const refused = await errorOf(client.propose({ ...proposal, title: 'Too short' }));
    expect(refused.kind).to.equal('validation');
    expect(refused.fieldErrors?.map((e) => e.path)).to.deep.equal(['title']);
    expect(requests).to.have.length(0);

    const queued = await client.propose(proposal);
    expect(queued.status).to.equal('queued');
    await client.flush();
    expect(await client.pending()).to.have.length(0);
    expect(requests.map((r) => `${r.method} ${r.url.pathname}`)).to.deep.equal([
      'POST /v1/petition-proposals',
      'POST /v1/petition-proposals',
    ]);
    expect(requests[1]!.headers.get('Idempotency-Key')).to.equal(requests[0]!.headers.get('Idempotency-Key'));
    expect(requests[1]!.body).to.deep.equal(proposal);
  });

  it('searches similar open petitions by the title typed, and a caller can abort the search', async () => {
    const similar = { data: [{ id: 'safer-crossings', title: 'Build safe crossings', signatureCount: 8412 }] };
    const { client, requests } = restClient(json(200, similar), 'hang');
    expect(await client.similar('safe crossings')).to.deep.equal(similar);
    expect(requests[0]!.url.pathname).to.equal('/v1/petitions/similar');
    expect(requests[0]!.url.searchParams.get('q')).to.equal('safe crossings');

    const controller = new AbortController();
    const aborted = client.similar('safe cross', { signal: controller.signal });
    controller.abort();
    expect((await errorOf(aborted)).kind).to.equal('network');
  });

  it('reads a proposal and sponsors it at the protocol paths', async () => {
    const view = {
      id: 'p-1',
      status: 'rejected',
      sponsorCount: 5,
      sponsorsNeeded: 5,
      rejection: { reason: 'offensive' },
    };
    const { client, requests } = restClient(json(200, view), json(201, { status: 'unconfirmed' }));
    expect(await client.proposal('p-1')).to.deep.equal(view);
    expect(await client.sponsor('p-1', sponsor('sam@example.org'))).to.deep.equal({
      status: 'delivered',
      receipt: { status: 'unconfirmed' },
    });
    expect(requests.map((r) => `${r.method} ${r.url.pathname}`)).to.deep.equal([
      'GET /v1/petition-proposals/p-1',
      'POST /v1/petition-proposals/p-1/sponsors',
    ]);
  });

  it("on a widget's shared REST core, adds the proposal calls to the core's adapter so its outbox can deliver them", async () => {
    const fake = scriptedFetch(json(201, receipt));
    const stub = sinon.stub(globalThis, 'fetch').callsFake(fake.fetch);
    try {
      const core = createCore({ endpoint, outbox: memoryOutboxStore(), autoFlush: false });
      expect(core.adapter.proposePetition).to.equal(undefined);
      const client = new ProposalsClient(core);
      expect(core.adapter.proposePetition).to.be.a('function');
      expect(await client.propose(proposal)).to.deep.equal({ status: 'delivered', receipt });
      expect(fake.requests[0]!.url.href).to.equal(`${endpoint}/petition-proposals`);
    } finally {
      stub.restore();
    }
  });

  it('an adapter without proposals answers 405, and nothing is queued', async () => {
    const client = new ProposalsClient(
      createCore({ adapter: staticAdapter({ url: '/none.json' }), outbox: memoryOutboxStore(), autoFlush: false }),
    );
    expect((await errorOf(client.propose(proposal))).status).to.equal(405);
    expect((await errorOf(client.similar('trees'))).status).to.equal(405);
    expect(await client.pending()).to.have.length(0);
  });
});

describe('proposals in the memory adapter', () => {
  it('count each sponsor address once, not the creator, and go to moderation with the last one needed', async () => {
    const adapter = memoryAdapter({ sponsorsNeeded: 2 });
    const client = new ProposalsClient(createCore({ adapter, outbox: memoryOutboxStore(), autoFlush: false }));
    const made = await client.propose(proposal);
    if (made.status !== 'delivered') throw new Error('not delivered');
    const { id } = made.receipt;
    await client.sponsor(id, sponsor('AMINA@example.org'));
    await client.sponsor(id, sponsor('sam@example.org'));
    await client.sponsor(id, sponsor('Sam@Example.org'));
    await client.sponsor(id, { ...sponsor('bot@example.org'), website: 'spam' });
    expect((await client.proposal(id)).sponsorCount).to.equal(1);
    await client.sponsor(id, sponsor('lee@example.org'));
    expect(await client.proposal(id)).to.include({ status: 'moderation', sponsorCount: 2 });
    expect(adapter.stored.proposals.sponsors.map((s) => s.email)).to.deep.equal(['sam@example.org', 'lee@example.org']);
  });

  it('offers open petitions that share words with the title', async () => {
    const client = new ProposalsClient(createCore({ adapter: memoryAdapter(), autoFlush: false }));
    const { data } = await client.similar('safer crossing near the school');
    expect(data.map((p) => p.id)).to.include('safer-crossings');
    expect((await client.similar('zzzz qqqq')).data).to.deep.equal([]);
  });
});
