import * as z from 'zod/mini';

// Building blocks of the schemas; not part of the public API.

/** A one-line text: trimmed length limits are enforced by the server too. */
export const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/** An optional free text that may be empty. */
export const optionalText = (max: number) => z.optional(z.string().check(z.maxLength(max)));

// Formats are checked with plain patterns, integers and consent with refinements, rather than zod's `z.iso`,
// `z.url`, `z.email`, `z.int` and `z.literal` builders: the client ships inside every widget, and those builders
// cost over 1 KB gzip. The JSON Schema keeps the format, the integer type and the constant: scripts/json-schema.ts
// reads them off these very checks (the patterns below, `Number.isSafeInteger`, `isTrue`), so the browser never
// loads JSON-Schema metadata or zod's global registry.

/** The pattern of each string format the JSON Schemas name. */
export const FORMATS = {
  'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)$/,
  uri: /^https?:\/\/[^\s/?#]+[^\s]*$/,
  /** zod's own `z.email()` pattern. */
  email: z.regexes.email,
};

/** A string in one of the named formats. */
export const formatted = (format: keyof typeof FORMATS) => z.string().check(z.regex(FORMATS[format]));

/** A whole number, for counts, pages and ratings. */
export const int = () => z.number().check(z.refine(Number.isSafeInteger, { message: 'Not an integer' }));

export const isTrue = (value: boolean) => value;

/** A boolean that must be `true`, such as a consent. */
export const accepted = (message: string) => z.boolean().check(z.refine(isTrue, { message }));

/** Marks the check of `oneOf`, with its values, for scripts/json-schema.ts. */
export const ONE_OF = Symbol('oneOf');

/**
 * One of `values`: accepts and refuses exactly what `z.enum(values)` does, with the same `invalid_value` issue
 * for a string that is not one of them, the same inferred literal union and `options`, without `z.enum`'s runtime.
 */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => {
  const check = z.check<string>((ctx) => {
    if (!values.includes(ctx.value)) {
      ctx.issues.push({ code: 'invalid_value', values: [...values], input: ctx.value, inst: check });
    }
  });
  const schema = z.string().check(Object.assign(check, { [ONE_OF]: values }));
  return Object.assign(schema as unknown as z.ZodMiniType<T[number], T[number]>, { options: values });
};

/** A page of a list: `items` holds at most `pageSize` entries of `total`. */
export const page = <T extends z.core.SomeType>(item: T) =>
  z.object({
    items: z.array(item),
    total: int().check(z.gte(0)),
    page: int().check(z.gte(1)),
    pageSize: int().check(z.gte(1)),
  });
