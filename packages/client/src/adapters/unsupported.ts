import { ClientError } from '../errors.js';

/**
 * The error of an operation that an adapter's backend does not offer (a service directory takes no
 * signatures): an `http` error with status 405, which the client never retries or queues.
 */
export function unsupported(adapter: string, operation: string): ClientError {
  const title = `The ${adapter} adapter does not support ${operation}`;
  return new ClientError('http', title, {
    status: 405,
    problem: { type: 'https://civic-widgets.org/problems/unsupported', title, status: 405 },
  });
}

/** An adapter method that always fails with {@link unsupported}. */
export const refuse =
  (adapter: string, operation: string) =>
  (..._args: unknown[]): Promise<never> =>
    Promise.reject(unsupported(adapter, operation));
