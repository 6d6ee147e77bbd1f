import { readLocal, saveLocal } from '../internal/local-store.js';

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

export const readBallot = (key: string): LocalBallot => readLocal<LocalBallot>(key);

export const saveBallot = (key: string, ballot: LocalBallot): void => saveLocal(key, ballot);
