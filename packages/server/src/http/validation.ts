import { toFieldErrors } from '@civic-widgets/client/domain';
import type { FieldError } from '@civic-widgets/client/schemas';
import * as z from 'zod/mini';
import { invalid } from './problems.js';

/** Field errors for a resident's screen and a developer's log, by the protocol's one rule (`toFieldErrors`). */
export function fieldErrors(error: z.core.$ZodError): FieldError[] {
  return toFieldErrors(error.issues);
}

/** The paths of strings holding U+0000, which PostgreSQL cannot store in text (and no resident types). */
function nulPaths(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path.join('.')] : [];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => nulPaths(item, [...path, key]));
  }
  return [];
}

/**
 * Parses with one of the client's schemas, or throws the protocol's 422 problem. Text with a NUL character is
 * refused on both engines alike, rather than stored on SQLite and failing on PostgreSQL.
 */
export function parseOr422<T extends z.core.$ZodType>(schema: T, value: unknown, title: string): z.infer<T> {
  const result = z.safeParse(schema, value);
  if (!result.success) throw invalid(title, fieldErrors(result.error));
  const nul = nulPaths(result.data);
  if (nul.length > 0) {
    throw invalid(
      title,
      nul.map((path) => ({ path, message: 'Text cannot contain the NUL character', code: 'invalid_characters' })),
    );
  }
  return result.data;
}

const NUMERIC = /^-?\d+(?:\.\d+)?$/;

/**
 * Query strings arrive as text: turns the named keys into numbers and booleans before the schema sees them.
 * Anything that does not look like one stays text, so the schema reports it (rather than NaN slipping through).
 */
export function coerceQuery(
  query: unknown,
  numbers: readonly string[],
  booleans: readonly string[] = [],
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(query as Record<string, unknown>) };
  for (const key of numbers) {
    const value = out[key];
    if (typeof value === 'string' && NUMERIC.test(value.trim())) out[key] = Number(value);
  }
  for (const key of booleans) {
    const value = out[key];
    if (value === 'true' || value === '1') out[key] = true;
    else if (value === 'false' || value === '0') out[key] = false;
  }
  return out;
}
