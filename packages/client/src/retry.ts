import { ClientError, isRetryable } from './errors.js';

export interface RetryOptions {
  /** Retries after the first attempt. */
  retries: number;
  /** The backoff cap doubles from this for each retry. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the submission is queued instead. */
  maxRetryAfterMs: number;
  /** Source of randomness for the jitter, in [0, 1). */
  random: () => number;
}

export const defaultRetryOptions: RetryOptions = {
  retries: 3,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  maxRetryAfterMs: 60_000,
  random: Math.random,
};

/**
 * The wait before retry number `retry` (0-based): the server's `Retry-After` when it gave one, else
 * exponential backoff with full jitter, a uniform pick in [0, min(max, base * 2^retry)).
 */
export function retryDelay(retry: number, error: ClientError, options: RetryOptions): number {
  if (error.retryAfterMs !== undefined) return error.retryAfterMs;
  const cap = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
  return Math.floor(options.random() * cap);
}

/** Runs `attempt` until it succeeds, fails for good, or runs out of retries; throws the last error. */
export async function withRetry<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ClientError) || !isRetryable(error) || error.kind === 'offline') throw error;
      if (retry >= options.retries) throw error;
      if (error.retryAfterMs !== undefined && error.retryAfterMs > options.maxRetryAfterMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, retryDelay(retry, error, options)));
    }
  }
}
