import type { FieldError } from '../schemas/common.js';

/** The part of a zod issue that a field error keeps. */
export interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code: string;
}

/**
 * Schema issues as the protocol's field errors: the dotted path (`rating.value`; the empty path for the whole
 * body), zod's message for developers, and its code for widgets to pick a localized message.
 */
export function toFieldErrors(issues: readonly SchemaIssue[]): FieldError[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message, code: issue.code }));
}
