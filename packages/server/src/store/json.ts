/** Reads a JSON column written by this server. */
export const fromJson = <T>(text: string): T => JSON.parse(text) as T;

/** Drops `undefined` and `null` members, so that optional fields are absent (the protocol has no nulls there). */
export function compact<T extends Record<string, unknown>>(value: T): Compact<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Compact<T>;
}

/** `T` with nullable members made optional instead. */
export type Compact<T> = { [K in keyof T]: null extends T[K] ? Exclude<T[K], null> | undefined : T[K] };
