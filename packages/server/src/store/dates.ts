import { invalid } from '../http/problems.js';

/**
 * A protocol date-time stored as UTC (`...Z`), so that the database can compare and sort them as text. The
 * schema's pattern lets through impossible dates such as month 13; those are refused here with a 422.
 */
export function utc(value: string, path: string): string;
export function utc(value: string | undefined, path: string): string | undefined;
export function utc(value: string | undefined, path: string): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time))
    throw invalid('The date is not valid', [{ path, message: 'Not a real date', code: 'invalid_date' }]);
  return new Date(time).toISOString();
}
