import type { Answer } from './http.js';

/** A check's verdict against the protocol: what it expected and what came back. */
export class CheckFailure extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`expected ${expected}, got ${actual}`);
  }
}

/** A check that cannot run against this backend (no data to test with, no admin token), and why. */
export class CheckSkipped extends Error {}

export function fail(expected: string, actual: string): never {
  throw new CheckFailure(expected, actual);
}

export function skip(reason: string): never {
  throw new CheckSkipped(reason);
}

/** How an answer reads in a report: the status and the start of the body. */
export function describe(answer: Answer): string {
  const body = answer.text.length > 200 ? `${answer.text.slice(0, 200)}…` : answer.text;
  return `${answer.status} ${answer.headers.get('content-type') ?? '(no content type)'} ${body}`.trim();
}
