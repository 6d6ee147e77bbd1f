import { expect } from '@open-wc/testing';
import { createClient } from '../client.js';
import { memoryOutboxStore } from '../outbox/memory-store.js';
import { errorOf } from '../test-support/error-of.js';
import { exampleSeed, memoryAdapter } from './memory.js';

const wednesdayNoonLondon = new Date('2026-12-02T12:00:00Z');

function setup(now = wednesdayNoonLondon) {
  const adapter = memoryAdapter({ now: () => now });
  const client = createClient({ adapter, outbox: memoryOutboxStore(), autoFlush: false, retry: { retries: 0 } });
  return { adapter, client };
}

const ada = { name: 'Ada', email: 'ada@example.org', consent: true } as const;

describe('memory adapter: petitions', () => {
  it('gives every adapter its own data: signing in one changes neither another nor a seed the caller keeps', async () => {
    const seed = exampleSeed();
    const { client } = setup();
    const other = memoryAdapter();
    const seeded = memoryAdapter({ seed });
    const count = (data: typeof seed) => data.petitions.find((p) => p.id === 'safer-crossings')!.signatureCount;
    const before = count(other.data);
    await client.signPetition('safer-crossings', ada);
    seeded.data.petitions[0]!.signatureCount = 0;
    expect([count(other.data), count(seed), count(exampleSeed())]).to.deep.equal([before, before, before]);
  });

  it('lists and filters petitions', async () => {
    const { client } = setup();
    expect((await client.listPetitions()).total).to.equal(2);
    const responded = await client.listPetitions({ status: 'responded' });
    expect(responded.items.map((p) => p.id)).to.deep.equal(['library-hours']);
  });

  it('counts one signature per normalised email', async () => {
    const { client, adapter } = setup();
    const before = (await client.getPetition('safer-crossings')).signatureCount;
    const first = await client.signPetition('safer-crossings', ada);
    const again = await client.signPetition('safer-crossings', { ...ada, email: 'ADA@Example.org' });
    expect(again.status === 'delivered' && again.receipt.signatureCount).to.equal(before + 1);
    expect(adapter.stored.signatures).to.have.length(1);
    // The same answer shape, but a receipt of its own: the answer must not reveal that the address had signed.
    const firstId = first.status === 'delivered' && first.receipt.receiptId;
    expect(again.status === 'delivered' && again.receipt.receiptId)
      .to.be.a('string')
      .and.not.equal(firstId);
  });

  it('counts Gmail addresses once whatever their dots, +tags or googlemail alias', async () => {
    const { client, adapter } = setup();
    await client.signPetition('safer-crossings', { ...ada, email: 'ada.lovelace@gmail.com' });
    await client.signPetition('safer-crossings', { ...ada, email: 'AdaLovelace+petitions@googlemail.com' });
    expect(adapter.stored.signatures).to.have.length(1);
  });

  it('closes an open petition once its closing time has passed', async () => {
    const { client } = setup(new Date('2027-07-01T00:00:00Z'));
    expect((await client.getPetition('safer-crossings')).status).to.equal('closed');
    expect((await client.listPetitions({ status: 'open' })).total).to.equal(0);
    expect((await errorOf(client.signPetition('safer-crossings', ada))).status).to.equal(409);
  });

  it('answers a repeated idempotency key with the first answer and stores nothing new', async () => {
    const { adapter } = setup();
    const ctx = { signal: new AbortController().signal, idempotencyKey: 'k-1' };
    const first = await adapter.signPetition('safer-crossings', ada, ctx);
    const repeat = await adapter.signPetition('safer-crossings', { ...ada, email: 'other@example.org' }, ctx);
    expect(repeat).to.deep.equal(first);
    expect(adapter.stored.signatures).to.have.length(1);
  });

  it('answers a filled honeypot like a success and stores nothing', async () => {
    const { client, adapter } = setup();
    const result = await client.signPetition('safer-crossings', { ...ada, website: 'http://spam.example' });
    expect(result.status).to.equal('delivered');
    expect(adapter.stored.signatures).to.have.length(0);
  });

  it('refuses signatures on a closed or responded petition, and unknown petitions', async () => {
    const { client } = setup();
    expect((await errorOf(client.signPetition('library-hours', ada))).status).to.equal(409);
    expect((await errorOf(client.getPetition('nope'))).status).to.equal(404);
  });
});

describe('memory adapter: feedback', () => {
  it('attaches a follow-up to the earlier rating instead of storing a second one', async () => {
    const { client, adapter } = setup();
    const rating = await client.submitFeedback({ topic: 'bins', rating: { scale: 'thumbs', value: 0 } });
    const receiptId = rating.status === 'delivered' ? rating.receipt.receiptId : '';
    const followUp = await client.submitFeedback({
      topic: 'bins',
      rating: { scale: 'thumbs', value: 0 },
      comment: 'The collection day is wrong',
      reasons: ['outdated'],
      followUpTo: receiptId,
    });
    expect(followUp.status === 'delivered' && followUp.receipt.receiptId).to.equal(receiptId);
    expect(adapter.stored.feedback).to.have.length(1);
    expect(adapter.stored.feedback[0]!.body).to.deep.include({
      comment: 'The collection day is wrong',
      reasons: ['outdated'],
    });
  });

  it('refuses a follow-up to feedback it does not know', async () => {
    const { client } = setup();
    const error = await errorOf(
      client.submitFeedback({ topic: 'bins', rating: { scale: 'stars', value: 3 }, followUpTo: 'nope' }),
    );
    expect(error.status).to.equal(404);
  });
});

describe('memory adapter: polls', () => {
  const token = 'tok_0123456789abcdef';

  it('refuses votes outside the open window', async () => {
    const seed = exampleSeed();
    seed.polls[0]!.opensAt = '2027-01-01T00:00:00Z';
    seed.polls[1]!.closesAt = '2026-01-01T00:00:00Z';
    const client = createClient({
      adapter: memoryAdapter({ seed, now: () => wednesdayNoonLondon }),
      outbox: memoryOutboxStore(),
      autoFlush: false,
    });
    expect((await client.getPoll('park-name')).status).to.equal('upcoming');
    expect((await errorOf(client.votePoll('park-name', { choices: ['riverside'] }))).problem?.title).to.match(
      /not open yet/,
    );
    expect((await errorOf(client.votePoll('budget-priorities', { choices: ['roads'] }))).problem?.title).to.match(
      /closed/,
    );
  });

  it('allows one vote per voter token', async () => {
    const { client } = setup();
    await client.votePoll('park-name', { choices: ['riverside'], voterToken: token });
    const error = await errorOf(client.votePoll('park-name', { choices: ['heron-green'], voterToken: token }));
    expect(error.status).to.equal(409);
    expect(error.problem?.type).to.match(/already-voted/);
  });

  it('checks choices against the kind of poll', async () => {
    const { client } = setup();
    const single = await errorOf(client.votePoll('park-name', { choices: ['riverside', 'heron-green'] }));
    expect(single.kind).to.equal('validation');
    const tooMany = await errorOf(
      client.votePoll('budget-priorities', { choices: ['roads', 'parks', 'libraries', 'youth'] }),
    );
    expect(tooMany.fieldErrors[0]?.path).to.equal('choices');
    expect((await errorOf(client.votePoll('bus-routes', { choices: ['route-a'] }))).kind).to.equal('validation');
    expect((await errorOf(client.votePoll('park-name', { choices: ['nope'] }))).kind).to.equal('validation');
  });

  it('returns results after a vote when visibility allows, with small counts suppressed', async () => {
    const { client } = setup();
    const result = await client.votePoll('park-name', { choices: ['riverside'] });
    expect(result.status === 'delivered' && result.receipt.results).to.deep.include({
      totalVotes: 1,
      suppressBelow: 5,
      options: [
        { id: 'riverside', votes: null },
        { id: 'mill-meadows', votes: null },
        { id: 'heron-green', votes: null },
      ],
    });
  });

  it('keeps ranked results private until the poll closes', async () => {
    const { client } = setup();
    const vote = await client.votePoll('bus-routes', { choices: ['route-b', 'route-a', 'route-c'] });
    expect(vote.status === 'delivered' && vote.receipt.results).to.equal(undefined);
    expect((await errorOf(client.getPollResults('bus-routes'))).status).to.equal(403);
  });
});

describe('memory adapter: services', () => {
  it('sorts by distance from coordinates, within the radius', async () => {
    const { client } = setup();
    const near = await client.searchServices({ lat: 53.8003, lng: -1.5491, radiusKm: 1 });
    expect(near.items[0]?.id).to.equal('central-library');
    expect(near.items[0]?.distanceKm).to.equal(0);
    const distances = near.items.map((s) => s.distanceKm!);
    expect(distances).to.deep.equal([...distances].sort((a, b) => a - b));
    expect(distances.every((d) => d <= 1)).to.equal(true);
  });

  it('resolves a postcode, and refuses an unknown one by field', async () => {
    const { client } = setup();
    expect((await client.searchServices({ postcode: 'ls8 5aq' })).items[0]?.id).to.equal('harehills-food-bank');
    expect((await errorOf(client.searchServices({ postcode: 'ZZ9 9ZZ' }))).fieldErrors[0]?.path).to.equal('postcode');
  });

  it('filters by words, category and opening hours', async () => {
    const { client } = setup();
    expect((await client.searchServices({ q: 'food parcels' })).items.map((s) => s.id)).to.deep.equal([
      'harehills-food-bank',
    ]);
    const advice = await client.searchServices({ category: 'advice' });
    expect(advice.items.every((s) => s.categories.includes('advice'))).to.equal(true);
    const open = await client.searchServices({ openNow: true });
    expect(open.items.map((s) => s.id))
      .to.include('central-library')
      .and.not.include('night-shelter');
  });

  it('paginates and counts categories', async () => {
    const { client } = setup();
    const page2 = await client.searchServices({ page: 2, pageSize: 4 });
    expect(page2).to.deep.include({ total: 6, page: 2, pageSize: 4 });
    expect(page2.items).to.have.length(2);
    const categories = await client.listServiceCategories();
    expect(categories.find((c) => c.id === 'food')?.count).to.equal(2);
  });
});
