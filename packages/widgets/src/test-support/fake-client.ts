import type { OutboxEntry } from '@civic-widgets/client';
import { CivicClient, type ClientError, type Submission } from '@civic-widgets/client';

/** Calls a test can control: each method resolves or rejects with what the test returns. */
export type FakeCalls = Partial<Record<keyof CivicClient, (...args: never[]) => Promise<unknown>>>;

/**
 * A client for widget tests: a real `CivicClient` (so `instanceof` and the `delivered`/`failed` events work) whose
 * methods are replaced by the test's. Records every call in `calls`.
 */
export function fakeClient(methods: FakeCalls): CivicClient & { calls: { method: string; args: unknown[] }[] } {
  const client = new CivicClient({ endpoint: 'https://fake.test', autoFlush: false }) as CivicClient & {
    calls: { method: string; args: unknown[] }[];
  };
  client.calls = [];
  for (const [name, implementation] of Object.entries(methods)) {
    Object.defineProperty(client, name, {
      value: (...args: unknown[]) => {
        client.calls.push({ method: name, args });
        return (implementation as (...a: unknown[]) => Promise<unknown>)(...args);
      },
    });
  }
  return client;
}

/** A promise a test settles by hand, to hold a widget in its `submitting` or `loading` state. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export const delivered = <R>(receipt: R): Submission<R> => ({ status: 'delivered', receipt });
export const queued = (id = 'queued-1', persisted = true): Submission<never> => ({ status: 'queued', id, persisted });

/** Fires the client's outbox event for a queued submission, as a later delivery would. */
export function outboxEvent(
  client: Pick<CivicClient, 'dispatchEvent'>,
  type: 'delivered' | 'failed',
  id: string,
  extra: { receipt?: unknown; error?: ClientError },
) {
  const entry = { id } as OutboxEntry;
  client.dispatchEvent(new CustomEvent(type, { detail: { entry, ...extra } }));
}
