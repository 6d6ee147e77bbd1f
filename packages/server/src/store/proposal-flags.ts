import { petitionStatus } from '@civic-widgets/client/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { matchingPetitions, searchTerms } from './petition-search.js';

/**
 * What a moderator should look at in a proposal before deciding. Nothing is refused automatically: profanity is
 * not filtered either, a moderator decides.
 */
export interface ProposalFlag {
  kind: 'near-duplicate' | 'link' | 'email-address';
  /** For `near-duplicate`: the open petition it resembles. */
  petitionId?: string;
}

const LINK = /\bhttps?:\/\/|\bwww\.|\b[\p{L}\p{N}-]+\.(?:com|org|net|info|biz|io|co|uk|gov|eu|fr|es|de)\b/iu;
const EMAILS = /[^\s@]+@[^\s@]+\.[^\s@]+/gu;

/** Share of the words of two titles that they have in common (Jaccard): 1 for the same words in any order. */
function overlap(a: string, b: string): number {
  const left = new Set(searchTerms(a));
  const right = new Set(searchTerms(b));
  const shared = [...left].filter((word) => right.has(word)).length;
  const all = new Set([...left, ...right]).size;
  return all === 0 ? 0 : shared / all;
}

/** Titles sharing this share of their words are near-identical: "Save the Mill Lane library" and "Save Mill Lane Library!". */
const NEAR_IDENTICAL = 0.6;

export async function flagsFor(
  db: Kysely<Database>,
  text: { title: string; background: string; details?: string },
  now: Date,
): Promise<ProposalFlag[]> {
  const all = [text.title, text.background, text.details ?? ''].join('\n');
  const flags: ProposalFlag[] = [];
  const candidates = await matchingPetitions(db, text.title, 10);
  if (candidates.length > 0) {
    const petitions = await db
      .selectFrom('petitions')
      .select(['id', 'title', 'status', 'closes_at'])
      .where('id', 'in', candidates)
      .execute();
    for (const petition of petitions) {
      const open = petitionStatus({ status: petition.status, closesAt: petition.closes_at }, now.getTime()) === 'open';
      if (open && overlap(text.title, petition.title) >= NEAR_IDENTICAL) {
        flags.push({ kind: 'near-duplicate', petitionId: petition.id });
      }
    }
  }
  // An address's domain is not a link of its own.
  if (LINK.test(all.replace(EMAILS, ' '))) flags.push({ kind: 'link' });
  if (all.match(EMAILS)) flags.push({ kind: 'email-address' });
  return flags;
}
