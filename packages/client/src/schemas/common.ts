import * as z from 'zod/mini';
import { formatted, int, optionalText } from './build.js';

/** Opaque identifier of a petition, poll, option, service or category. */
export const Id = z.string().check(z.minLength(1), z.maxLength(100), z.regex(/^[A-Za-z0-9._~-]+$/));

/** ISO 8601 date-time with an offset, e.g. `2026-11-28T09:30:00Z` (what `Date.prototype.toISOString()` gives). */
export const DateTime = formatted('date-time');

/** An absolute `http:` or `https:` URL. */
export const HttpUrl = formatted('uri');

/** The usual shape of an email address: zod's own `z.email()` pattern. */
export const Email = formatted('email');

/** Honeypot: a field that people never see and bots fill in. Must be absent or empty. */
export const Honeypot = optionalText(200);

export const PageQuery = z.object({
  page: z.optional(int().check(z.gte(1), z.lte(10_000))),
  pageSize: z.optional(int().check(z.gte(1), z.lte(100))),
});

/** One refused field: `path` is dotted (`rating.value`), `code` a machine-readable reason such as `too_small`. */
export const FieldError = z.object({ path: z.string(), message: z.string(), code: z.optional(z.string()) });

/** An RFC 9457 problem document: every error response of the protocol. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: int().check(z.gte(400), z.lte(599)),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
});

export const ReceiptId = z.string().check(z.minLength(1), z.maxLength(100));

export type PageQuery = z.infer<typeof PageQuery>;
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
export type FieldError = z.infer<typeof FieldError>;
export type Problem = z.infer<typeof Problem>;
