/**
 * What this browser remembers about its vote in one poll: the random voter token (one vote per token: a soft
 * limit, since clearing storage or another browser gives a new one), and the receipt once the vote was counted.
 */
export interface LocalBallot {
  token?: string;
  receiptId?: string;
  choices?: string[];
  /** The backend said this token has already voted (no receipt here). */
  voted?: boolean;
}

/** Storage may be missing or refuse access (private modes, blocked cookies): then nothing is remembered. */
function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export function readBallot(key: string): LocalBallot {
  try {
    const value: unknown = JSON.parse(storage()?.getItem(key) ?? '{}');
    return value && typeof value === 'object' ? (value as LocalBallot) : {};
  } catch {
    return {};
  }
}

export function saveBallot(key: string, ballot: LocalBallot): void {
  try {
    storage()?.setItem(key, JSON.stringify(ballot));
  } catch {
    // Full or refused: the vote still goes out, without a token on the next visit.
  }
}
