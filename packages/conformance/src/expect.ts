import { Problem } from '@civic-widgets/client/schemas';
import * as z from 'zod/mini';
import type { Answer } from './http.js';
import { describe, fail } from './outcome.js';

/** Problem `type`s are this prefix and a name from the table in docs/protocol.md#errors. */
export const PROBLEM_TYPE = 'https://civic-widgets.org/problems/';

export function expectStatus(answer: Answer, expected: number): void {
  if (answer.status !== expected) fail(`status ${expected}`, describe(answer));
}

/** A successful submission: the protocol says 201, but checks of other rules accept any 2xx so that one fault fails one check. */
export function expectAccepted(answer: Answer): void {
  if (answer.status < 200 || answer.status > 299) fail('a 2xx answer', describe(answer));
}

/** Validates a JSON body against a protocol schema and returns it typed. */
export function expectShape<T extends z.core.$ZodType>(schema: T, answer: Answer, name: string): z.infer<T> {
  if (answer.json === undefined) fail(`a JSON ${name}`, describe(answer));
  const result = z.safeParse(schema, answer.json);
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    fail(`a valid ${name}`, issues);
  }
  return result.data;
}

/** An RFC 9457 problem with the given status and type name, served as `application/problem+json`. */
export function expectProblem(answer: Answer, status: number | number[], name: string | string[]): Problem {
  const statuses = [status].flat();
  const names = [name].flat();
  const wanted = `${statuses.join(' or ')} application/problem+json with type ${names.map((n) => PROBLEM_TYPE + n).join(' or ')}`;
  const contentType = answer.headers.get('content-type') ?? '';
  if (!statuses.includes(answer.status) || !contentType.startsWith('application/problem+json')) {
    fail(wanted, describe(answer));
  }
  const problem = expectShape(Problem, answer, 'Problem');
  if (!names.some((n) => problem.type === PROBLEM_TYPE + n) || problem.status !== answer.status) {
    fail(wanted, `type ${problem.type}, status ${problem.status} in the body`);
  }
  return problem;
}

/** A `validation` problem listing an error at each of `paths` (dotted, as docs/protocol.md#errors says). */
export function expectFieldErrors(answer: Answer, paths: string[]): void {
  const problem = expectProblem(answer, 422, 'validation');
  const listed = (problem.errors ?? []).map((error) => error.path);
  const missing = paths.filter((path) => !listed.includes(path));
  if (missing.length) fail(`errors at ${paths.join(', ')}`, `errors at [${listed.join(', ')}]`);
}

export function expectEqual(actual: unknown, expected: unknown, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    fail(`${what} ${JSON.stringify(expected)}`, `${what} ${JSON.stringify(actual)}`);
  }
}
