import { expect, oneEvent } from '@open-wc/testing';
import { createClient as createFullClient } from './client.js';
import { type ClientOptions, createCore } from './core.js';
import { OutboxDeliveredEvent, type OutboxFailedEvent } from './outbox/events.js';
import { memoryOutboxStore } from './outbox/memory-store.js';
import type { OutboxStore } from './outbox/types.js';
import { createClient as createFeedbackClient } from './resources/feedback.js';
import { createClient as createPetitionsClient, PetitionsClient } from './resources/petitions.js';
import { createClient as createPollsClient, PollsClient } from './resources/polls.js';
import { createClient as createServicesClient } from './resources/services.js';
import { json, type Reply, scriptedFetch } from './test-support/fake-fetch.js';
import { petition, receipt, signature } from './test-support/fixtures.js';

const endpoint = 'https://api.example.gov/v1';

function options(outbox: OutboxStore, ...replies: Reply[]) {
  const fake = scriptedFetch(...replies);
  const settings: ClientOptions = { endpoint, fetch: fake.fetch, outbox, autoFlush: false, retry: { retries: 0 } };
  return { settings, ...fake };
}

/** A signature queued on a "petition page": its backend was unreachable. */
async function queueSignature(outbox: OutboxStore) {
  const { settings, requests } = options(outbox, new TypeError('Failed to fetch'));
  const queued = await createPetitionsClient(settings).signPetition('p1', signature);
  expect(queued.status).to.equal('queued');
  return requests[0]!.headers.get('Idempotency-Key');
}

const methodsOf = (client: object) =>
  Object.getOwnPropertyNames(Object.getPrototypeOf(client)).filter((name) => name !== 'constructor');

describe('a client per resource', () => {
  it('each carries its own methods only; the root client keeps them all', () => {
    const { settings } = options(memoryOutboxStore());
    expect(methodsOf(createPetitionsClient(settings))).to.have.members([
      'listPetitions',
      'getPetition',
      'signPetition',
    ]);
    expect(methodsOf(createPollsClient(settings))).to.have.members([
      'listPolls',
      'getPoll',
      'votePoll',
      'getPollResults',
    ]);
    expect(methodsOf(createFeedbackClient(settings))).to.have.members(['submitFeedback', 'feedbackFields']);
    expect(methodsOf(createServicesClient(settings))).to.have.members(['searchServices', 'listServiceCategories']);
    const full = createFullClient(settings);
    for (const name of [
      'listPetitions',
      'getPetition',
      'signPetition',
      'submitFeedback',
      'feedbackFields',
      'listPolls',
      'getPoll',
      'votePoll',
      'getPollResults',
      'searchServices',
      'listServiceCategories',
      'pending',
      'flush',
      'close',
    ]) {
      expect(full[name as keyof typeof full], name).to.be.a('function');
    }
  });

  it('a lean client validates and answers as the root client does', async () => {
    const { settings, requests } = options(memoryOutboxStore(), json(200, petition), json(201, receipt));
    const client = createPetitionsClient(settings);
    expect(await client.getPetition('p1')).to.deep.equal(petition);
    expect(await client.signPetition('p1', signature)).to.deep.equal({ status: 'delivered', receipt });
    const refused = await client.signPetition('p1', { ...signature, consent: false }).catch((e: unknown) => e);
    expect(refused).to.have.property('kind', 'validation');
    expect(requests).to.have.length(2);
  });

  it("a poll page's outbox delivers a signature queued on a petition page, with the same key", async () => {
    const outbox = memoryOutboxStore();
    const key = await queueSignature(outbox);
    const { settings, requests } = options(outbox, json(201, receipt));
    const polls = createPollsClient(settings);
    const delivered = oneEvent(polls, 'delivered');
    await polls.flush();
    const event = (await delivered) as OutboxDeliveredEvent;
    expect(event).to.be.instanceOf(OutboxDeliveredEvent);
    expect(event.entry.operation).to.equal('signPetition');
    expect(event.receipt).to.deep.equal(receipt);
    expect(requests[0]!.url.pathname).to.equal('/v1/petitions/p1/signatures');
    expect(requests[0]!.headers.get('Idempotency-Key')).to.equal(key);
    expect(requests[0]!.body).to.deep.equal(signature);
    expect(await outbox.list()).to.have.length(0);
  });

  it('without the petition schemas any 2xx acknowledges; with them on the core, the receipt is checked', async () => {
    const unchecked = memoryOutboxStore();
    await queueSignature(unchecked);
    const polls = createPollsClient(options(unchecked, json(201, { id: 'not-a-receipt' })).settings);
    const delivered = oneEvent(polls, 'delivered');
    await polls.flush();
    expect(((await delivered) as OutboxDeliveredEvent).receipt).to.deep.equal({ id: 'not-a-receipt' });
    expect(await unchecked.list()).to.have.length(0);

    const checked = memoryOutboxStore();
    await queueSignature(checked);
    const core = createCore(options(checked, json(201, { id: 'not-a-receipt' })).settings);
    const pollsOnCore = new PollsClient(core);
    new PetitionsClient(core);
    const failed = oneEvent(pollsOnCore, 'failed');
    await pollsOnCore.flush();
    expect(((await failed) as OutboxFailedEvent).error.kind).to.equal('invalid-response');
  });

  it('clients on one core share one outbox and its events', async () => {
    const outbox = memoryOutboxStore();
    const { settings } = options(outbox, new TypeError('Failed to fetch'), json(201, receipt));
    const core = createCore(settings);
    const petitions = new PetitionsClient(core);
    const polls = new PollsClient(core);
    const queued = await petitions.signPetition('p1', signature);
    expect(await polls.pending()).to.have.length(1);
    const delivered = oneEvent(polls, 'delivered');
    await petitions.flush();
    const event = (await delivered) as OutboxDeliveredEvent;
    expect(queued.status === 'queued' && event.entry.id).to.equal(queued.status === 'queued' && queued.id);
    expect(await petitions.pending()).to.have.length(0);
  });
});
