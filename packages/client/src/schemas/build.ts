import * as z from 'zod/mini';

// Building blocks of the schemas; not part of the public API.

/** A one-line text: trimmed length limits are enforced by the server too. */
export const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/** An optional free text that may be empty. */
export const optionalText = (max: number) => z.optional(z.string().check(z.maxLength(max)));

// Formats are checked with plain patterns and integers with a refinement rather than zod's `z.iso`, `z.url`,
// `z.email` and `z.int` builders: the client ships inside every widget, and those builders cost over 1 KB gzip.
// The JSON Schema keeps the format and the integer type through the registered metadata.
export const formatted = (pattern: RegExp, format: string) =>
  z.string().check(z.regex(pattern)).register(z.globalRegistry, { format });

/** A whole number, for counts, pages and ratings. */
export const int = () =>
  z
    .number()
    .check(z.refine(Number.isSafeInteger, { message: 'Not an integer' }))
    .register(z.globalRegistry, {
      type: 'integer',
    });

/** A page of a list: `items` holds at most `pageSize` entries of `total`. */
export const page = <T extends z.core.SomeType>(item: T) =>
  z.object({
    items: z.array(item),
    total: int().check(z.gte(0)),
    page: int().check(z.gte(1)),
    pageSize: int().check(z.gte(1)),
  });
