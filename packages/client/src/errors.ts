import type { FieldError, Problem } from './schemas/common.js';

/**
 * What went wrong, in terms a widget can act on:
 * - `offline`: the browser says it has no network;
 * - `network`: the request could not reach the server (refused, reset, DNS, CORS);
 * - `timeout`: no answer within the client's `timeoutMs`;
 * - `http`: the server answered with an error status (see `status` and `problem`);
 * - `validation`: the payload was refused, locally by the schema or by the server with a 422 (see `fieldErrors`);
 * - `invalid-response`: the server's answer was not valid JSON or did not match the protocol.
 */
export type ClientErrorKind = 'offline' | 'network' | 'timeout' | 'http' | 'validation' | 'invalid-response';

export interface ClientErrorInit {
  status?: number;
  problem?: Problem;
  fieldErrors?: FieldError[];
  /** From a `Retry-After` header, in milliseconds. */
  retryAfterMs?: number;
  cause?: unknown;
}

export class ClientError extends Error {
  override name = 'ClientError';
  readonly kind: ClientErrorKind;
  readonly status?: number;
  readonly problem?: Problem;
  readonly fieldErrors: FieldError[];
  readonly retryAfterMs?: number;

  constructor(kind: ClientErrorKind, message: string, init: ClientErrorInit = {}) {
    super(message, { cause: init.cause });
    this.kind = kind;
    this.status = init.status;
    this.problem = init.problem;
    this.fieldErrors = init.fieldErrors ?? init.problem?.errors ?? [];
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** Statuses that a later attempt may fix: the request timed out, was throttled, or met a server fault. */
export function isRetryable(error: ClientError): boolean {
  if (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'offline') return true;
  if (error.kind !== 'http' || error.status === undefined) return false;
  return error.status === 408 || error.status === 429 || error.status >= 500;
}
