// The client outside a browser: Node 20 has fetch and EventTarget but no window, IndexedDB or localStorage.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryAdapter } from './adapters/memory.js';
import { createClient } from './index.js';

test('runs in Node against the memory adapter, with an in-memory outbox', async () => {
  const client = createClient({ adapter: memoryAdapter() });
  const petition = await client.getPetition('safer-crossings');
  const signed = await client.signPetition(petition.id, { name: 'Ada', email: 'ada@example.org', consent: true });
  assert.equal(signed.status, 'delivered');
  assert.equal(signed.status === 'delivered' && signed.receipt.signatureCount, petition.signatureCount + 1);
  assert.deepEqual(await client.pending(), []);
});

test('runs in Node against a REST backend through an injected fetch', async () => {
  const seen: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push(new Request(input, init));
    return Response.json({ receiptId: 'f-1' }, { status: 201 });
  };
  const client = createClient({ endpoint: 'https://api.example.gov/v1', fetch });
  const result = await client.submitFeedback({ topic: 'bins', rating: { scale: 'stars', value: 4 } });
  assert.deepEqual(result, { status: 'delivered', receipt: { receiptId: 'f-1' } });
  assert.equal(seen[0]?.url, 'https://api.example.gov/v1/feedback');
  assert.match(seen[0]?.headers.get('Idempotency-Key') ?? '', /^[0-9a-f-]{36}$/);
});
