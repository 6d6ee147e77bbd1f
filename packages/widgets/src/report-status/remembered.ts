import { readLocal, saveLocal } from '../internal/local-store.js';

// The reports a resident chose to keep on this browser, to check them later: only their references and when they
// were kept, for 90 days, in localStorage under a key per backend. Nothing is kept without the resident's tick.

const KEEP_MS = 90 * 86_400_000;

/** When each kept report was kept, by reference. */
type Kept = Record<string, number>;

/** The references kept under `key` less than 90 days ago, newest first; older ones are forgotten on the way. */
export function keptReports(key: string, now = Date.now()): string[] {
  const kept = readLocal<Kept>(key);
  const fresh = Object.entries(kept).filter(([, at]) => typeof at === 'number' && now - at < KEEP_MS);
  if (fresh.length !== Object.keys(kept).length) saveLocal(key, Object.fromEntries(fresh));
  return fresh.sort(([, a], [, b]) => b - a).map(([reference]) => reference);
}

/** Keeps `reference` under `key` (from now), or forgets it. */
export function keepReport(key: string, reference: string, keep: boolean, now = Date.now()): void {
  const kept = readLocal<Kept>(key);
  if (keep) kept[reference] = now;
  else delete kept[reference];
  saveLocal(key, kept);
}
