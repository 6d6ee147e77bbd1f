import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { createClient } from './client.js';
import { ClientError } from './errors.js';
import { memoryOutboxStore } from './outbox/memory-store.js';
import { defaultRetryOptions, type RetryOptions, retryDelay } from './retry.js';
import { json, problem, type Reply, scriptedFetch } from './test-support/fake-fetch.js';
import { receipt, signature } from './test-support/fixtures.js';

// Captured before the clock is faked: reading a Response body takes real tasks, not fake timers.
const realSetTimeout = window.setTimeout.bind(window);

describe('retries', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => clock.restore());

  function setup(replies: Reply[], retry: Partial<RetryOptions> = {}) {
    const fake = scriptedFetch(...replies);
    const times: number[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      times.push(Date.now());
      return fake.fetch(input, init);
    };
    const outbox = memoryOutboxStore();
    const client = createClient({ endpoint: 'https://api.example.gov/v1', fetch, outbox, autoFlush: false, retry });
    return { client, requests: fake.requests, times, outbox };
  }

  /** Runs `promise` to the end on the fake clock. */
  async function settle<T>(promise: Promise<T>): Promise<T> {
    let done = false;
    const settled = promise.then(
      (value) => ({ value }),
      (error) => ({ error }),
    );
    void settled.finally(() => {
      done = true;
    });
    while (!done) {
      await clock.runAllAsync();
      await new Promise((resolve) => realSetTimeout(resolve, 1));
    }
    const result = (await settled) as { value?: T; error?: unknown };
    if ('error' in result) throw result.error;
    return result.value as T;
  }

  it('waits with exponential backoff and full jitter, inside the envelope', async () => {
    const { client, times } = setup([problem(503), problem(503), problem(503), json(201, receipt)]);
    const result = await settle(client.signPetition('p1', signature));
    expect(result.status).to.equal('delivered');
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps).to.have.length(3);
    gaps.forEach((gap, retry) => {
      expect(gap).to.be.at.least(0);
      expect(gap).to.be.below(Math.min(defaultRetryOptions.maxDelayMs, defaultRetryOptions.baseDelayMs * 2 ** retry));
    });
  });

  it('draws each delay from the random source', async () => {
    const { client, times } = setup([problem(500), problem(500), json(201, receipt)], { random: () => 0.5 });
    await settle(client.signPetition('p1', signature));
    expect(times.slice(1).map((t, i) => t - times[i]!)).to.deep.equal([250, 500]);
  });

  it('caps the backoff at maxDelayMs', () => {
    const error = new ClientError('http', 'x', { status: 503 });
    const options = { ...defaultRetryOptions, random: () => 0.999999 };
    expect(retryDelay(10, error, options)).to.equal(options.maxDelayMs - 1);
  });

  for (const status of [408, 429, 500, 502, 503, 504]) {
    it(`retries a ${status}`, async () => {
      const { client, requests } = setup([problem(status), json(201, receipt)]);
      expect((await settle(client.signPetition('p1', signature))).status).to.equal('delivered');
      expect(requests).to.have.length(2);
    });
  }

  for (const status of [400, 404, 409, 413, 415, 422]) {
    it(`never retries a ${status}`, async () => {
      const { client, requests, outbox } = setup([problem(status), json(201, receipt)]);
      const error = await settle(client.signPetition('p1', signature)).catch((e: ClientError) => e);
      expect(error).to.be.instanceOf(ClientError);
      expect((error as ClientError).status).to.equal(status);
      expect(requests).to.have.length(1);
      expect(await outbox.list()).to.have.length(0, 'a refused submission does not stay queued');
    });
  }

  it('honours Retry-After in seconds', async () => {
    const { client, times } = setup([problem(429, 'Slow down', {}, { 'Retry-After': '3' }), json(201, receipt)]);
    await settle(client.signPetition('p1', signature));
    expect(times[1]! - times[0]!).to.equal(3000);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const later = new Date(Date.now() + 5000).toUTCString();
    const { client, times } = setup([problem(503, 'Down', {}, { 'Retry-After': later }), json(201, receipt)]);
    await settle(client.signPetition('p1', signature));
    expect(times[1]! - times[0]!).to.be.within(4000, 5000);
  });

  it('queues instead of waiting for a Retry-After beyond maxRetryAfterMs', async () => {
    const { client, requests, outbox } = setup([problem(503, 'Down', {}, { 'Retry-After': '3600' })]);
    const result = await settle(client.signPetition('p1', signature));
    expect(result.status).to.equal('queued');
    expect(requests).to.have.length(1);
    expect(await outbox.list()).to.have.length(1);
  });

  it('sends the same Idempotency-Key on every retry', async () => {
    const { client, requests } = setup([new TypeError('reset'), problem(502), 'hang', json(201, receipt)]);
    await settle(client.signPetition('p1', signature));
    const keys = requests.map((r) => r.headers.get('Idempotency-Key'));
    expect(keys).to.have.length(4);
    expect(new Set(keys).size).to.equal(1);
    expect(keys[0]).to.be.a('string');
  });

  it('a submission out of retries is queued, not failed', async () => {
    const { client, requests, outbox } = setup([problem(503)]);
    const result = await settle(client.signPetition('p1', signature));
    expect(result).to.include({ status: 'queued', persisted: true });
    expect(requests).to.have.length(defaultRetryOptions.retries + 1);
    const [entry] = await outbox.list();
    expect(entry!.id).to.equal(requests[0]!.headers.get('Idempotency-Key'));
  });

  it('a read out of retries rejects with the last error', async () => {
    const { client, requests } = setup([problem(503, 'Down')]);
    const error = await settle(client.getPetition('p1')).catch((e: ClientError) => e);
    expect((error as ClientError).status).to.equal(503);
    expect(requests).to.have.length(defaultRetryOptions.retries + 1);
  });
});
