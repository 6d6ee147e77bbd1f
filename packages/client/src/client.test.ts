import { expect } from '@open-wc/testing';
import { createClient } from './client.js';
import { memoryOutboxStore } from './outbox/memory-store.js';
import { errorOf } from './test-support/error-of.js';
import { goOffline, json, problem, type Reply, scriptedFetch } from './test-support/fake-fetch.js';
import { petition, receipt, signature } from './test-support/fixtures.js';

const endpoint = 'https://api.example.gov/v1/';

function clientWith(...replies: Reply[]) {
  const fake = scriptedFetch(...replies);
  const client = createClient({
    endpoint,
    fetch: fake.fetch,
    timeoutMs: 50,
    retry: { retries: 0 },
    outbox: memoryOutboxStore(),
    autoFlush: false,
  });
  return { client, ...fake };
}

describe('createClient', () => {
  it('refuses to start without an endpoint or an adapter', () => {
    expect(() => createClient({})).to.throw(TypeError, /endpoint/);
  });

  it('sends GETs to the endpoint with the query, and no credentials', async () => {
    const { client, requests } = clientWith(json(200, { items: [], total: 0, page: 2, pageSize: 5 }));
    await client.listPetitions({ status: 'open', page: 2, pageSize: 5 });
    const { url } = requests[0]!;
    expect(url.origin + url.pathname).to.equal('https://api.example.gov/v1/petitions');
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({ status: 'open', page: '2', pageSize: '5' });
    expect(requests[0]!.method).to.equal('GET');
  });

  it('escapes ids in paths', async () => {
    const { client, requests } = clientWith(json(200, petition));
    await client.getPetition('road-fix.2');
    expect(requests[0]!.url.pathname).to.equal('/v1/petitions/road-fix.2');
    expect((await errorOf(client.getPetition('../admin'))).kind).to.equal('validation');
    expect(requests).to.have.length(1);
  });

  it('posts JSON with an Idempotency-Key and resolves as delivered', async () => {
    const { client, requests } = clientWith(json(201, receipt));
    const result = await client.signPetition('p1', signature);
    expect(result).to.deep.equal({ status: 'delivered', receipt });
    const [request] = requests;
    expect(request!.method).to.equal('POST');
    expect(request!.url.pathname).to.equal('/v1/petitions/p1/signatures');
    expect(request!.headers.get('Content-Type')).to.equal('application/json');
    expect(request!.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
    expect(request!.body).to.deep.equal(signature);
  });
});

describe('ClientError kinds', () => {
  it('validation: a local schema failure names the fields and sends nothing', async () => {
    const { client, requests } = clientWith(json(201, receipt));
    const error = await errorOf(
      client.signPetition('p1', { ...signature, email: 'not-an-email', consent: false as true }),
    );
    expect(error.kind).to.equal('validation');
    expect(error.fieldErrors.map((e) => e.path)).to.have.members(['email', 'consent']);
    expect(requests).to.have.length(0);
  });

  it('validation: a 422 carries the problem and its field errors', async () => {
    const errors = [{ path: 'postcode', message: 'Unknown postcode' }];
    const { client } = clientWith(problem(422, 'Invalid', { errors }));
    const error = await errorOf(client.signPetition('p1', signature));
    expect(error.kind).to.equal('validation');
    expect(error.status).to.equal(422);
    expect(error.fieldErrors).to.deep.equal(errors);
  });

  it('http: an error status carries the parsed problem', async () => {
    const { client } = clientWith(problem(404, 'Petition not found', { detail: 'No petition p9' }));
    const error = await errorOf(client.getPetition('p9'));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(404);
    expect(error.problem?.detail).to.equal('No petition p9');
  });

  it('http: an error body that is not a problem still gives the status', async () => {
    const { client } = clientWith(new Response('<h1>Bad gateway</h1>', { status: 502 }));
    const error = await errorOf(client.getPetition('p1'));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(502);
    expect(error.problem).to.equal(undefined);
  });

  it('network: fetch throwing (refused, reset, CORS) becomes a network error', async () => {
    const { client } = clientWith(new TypeError('Failed to fetch'));
    expect((await errorOf(client.getPetition('p1'))).kind).to.equal('network');
  });

  it('timeout: no answer within timeoutMs aborts the request', async () => {
    const { client } = clientWith('hang');
    expect((await errorOf(client.getPetition('p1'))).kind).to.equal('timeout');
  });

  it('offline: nothing is sent while the browser is offline', async () => {
    const { client, requests } = clientWith(json(200, petition));
    const restore = goOffline();
    try {
      expect((await errorOf(client.getPetition('p1'))).kind).to.equal('offline');
      expect(requests).to.have.length(0);
    } finally {
      restore();
    }
  });

  it('invalid-response: malformed JSON in a 200', async () => {
    const { client } = clientWith(new Response('{"id": "p1",', { status: 200 }));
    expect((await errorOf(client.getPetition('p1'))).kind).to.equal('invalid-response');
  });

  it('invalid-response: a 200 whose body breaks the protocol', async () => {
    const { client } = clientWith(json(200, { ...petition, signatureCount: 'lots' }));
    const error = await errorOf(client.getPetition('p1'));
    expect(error.kind).to.equal('invalid-response');
    expect(error.fieldErrors[0]?.path).to.equal('signatureCount');
  });
});

describe('a submission whose answer could not be read', () => {
  const keys = (requests: { headers: Headers }[]) => requests.map((r) => r.headers.get('Idempotency-Key'));

  it('sent again unchanged, reuses its idempotency key: the backend, which may have stored it, answers as before', async () => {
    const { client, requests } = clientWith(new Response('{"receiptId": "r', { status: 201 }), json(201, receipt));
    expect((await errorOf(client.signPetition('p1', signature))).kind).to.equal('invalid-response');
    expect(await client.signPetition('p1', signature)).to.deep.equal({ status: 'delivered', receipt });
    const [first, second] = keys(requests);
    expect(second).to.equal(first);
  });

  it('also when the answer was JSON but not the protocol', async () => {
    const { client, requests } = clientWith(json(201, { unexpected: true }), json(201, receipt));
    expect((await errorOf(client.signPetition('p1', signature))).kind).to.equal('invalid-response');
    await client.signPetition('p1', signature);
    const [first, second] = keys(requests);
    expect(second).to.equal(first);
  });

  it('changed, or once an answer was read, is a new submission with a new key', async () => {
    const { client, requests } = clientWith(
      json(201, { unexpected: true }),
      json(201, receipt),
      json(201, receipt),
      json(201, receipt),
    );
    await errorOf(client.signPetition('p1', signature));
    await client.signPetition('p1', { ...signature, name: 'Ada King' });
    await client.signPetition('p1', signature); // the unread one, now answered
    await client.signPetition('p1', signature); // a new one
    const [unread, changed, again, fresh] = keys(requests);
    expect(changed).to.not.equal(unread);
    expect(again).to.equal(unread);
    expect(fresh).to.not.equal(unread);
  });

  it('refused (a 4xx) does not keep its key: nothing was stored', async () => {
    const { client, requests } = clientWith(problem(409, 'Closed'), json(201, receipt));
    await errorOf(client.signPetition('p1', signature));
    await client.signPetition('p1', signature);
    const [first, second] = keys(requests);
    expect(second).to.not.equal(first);
  });
});
