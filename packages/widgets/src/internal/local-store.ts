// What a widget remembers on this browser (a poll's ballot, the reports a resident chose to keep), as JSON in
// localStorage. Storage may be missing or refuse access (private modes, blocked cookies, a full quota): then
// nothing is remembered, and nothing fails.

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The object stored under `key`; `{}` when there is none or it cannot be read. */
export function readLocal<T extends object>(key: string): T {
  try {
    const value: unknown = JSON.parse(storage()?.getItem(key) ?? '{}');
    return (value && typeof value === 'object' ? value : {}) as T;
  } catch {
    return {} as T;
  }
}

/** Stores `value` under `key`; quietly does nothing when storage refuses. */
export function saveLocal(key: string, value: object): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or refused: the widget works on, remembering nothing.
  }
}
