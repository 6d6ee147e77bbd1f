import type { FieldError, Problem } from '@civic-widgets/client/schemas';
import type { FastifyReply } from 'fastify';

const TYPE_BASE = 'https://civic-widgets.org/problems/';

/**
 * A refusal the handlers throw; the error handler turns it into an RFC 9457 problem document. `slug` names
 * the problem type so that clients can tell, say, `already-voted` from `poll-closed` without parsing titles.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly extra: { detail?: string; errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(title);
  }

  toProblem(instance?: string): Problem {
    return {
      type: TYPE_BASE + this.slug,
      title: this.title,
      status: this.status,
      ...(this.extra.detail ? { detail: this.extra.detail } : {}),
      ...(instance ? { instance } : {}),
      ...(this.extra.errors ? { errors: this.extra.errors } : {}),
    };
  }
}

export const notFound = (what: string) => new HttpProblem(404, 'not-found', `${what} not found`);

export const invalid = (title: string, errors: FieldError[]) => new HttpProblem(422, 'validation', title, { errors });

/** The path, as `instance`; a path too long or malformed to be useful is left out rather than echoed. */
function instanceOf(url: string): string | undefined {
  const path = url.split('?')[0] ?? '';
  return path.length <= 300 ? path : undefined;
}

export function sendProblem(reply: FastifyReply, problem: HttpProblem): FastifyReply {
  for (const [name, value] of Object.entries(problem.extra.headers ?? {})) reply.header(name, value);
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send(problem.toProblem(instanceOf(reply.request.url)));
}
