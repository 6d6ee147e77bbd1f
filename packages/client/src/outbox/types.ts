/** The submitting operations, the only ones that go through the outbox. */
export type SubmitOperation = 'signPetition' | 'submitFeedback' | 'votePoll' | 'proposePetition' | 'sponsorProposal';

/** A submission kept until the backend has acknowledged it. */
export interface OutboxEntry {
  /** Also the `Idempotency-Key` of every delivery attempt. */
  id: string;
  /** `adapter:endpoint`: which backend the entry belongs to. */
  namespace: string;
  operation: SubmitOperation;
  /** The operation's arguments, already validated: `[petitionId, body]`, `[body]`, `[pollId, body]` or
   * `[proposalId, body]`. */
  args: unknown[];
  createdAt: number;
  expiresAt: number;
  attempts: number;
}

/** Where the outbox lives. Every method may reject when storage is unavailable. */
export interface OutboxStore {
  /** IndexedDB and localStorage survive a reload; memory does not. */
  readonly kind: 'indexeddb' | 'localstorage' | 'memory';
  list(): Promise<OutboxEntry[]>;
  get(id: string): Promise<OutboxEntry | undefined>;
  put(entry: OutboxEntry): Promise<void>;
  delete(id: string): Promise<void>;
}

/** What a submitting method resolves to: acknowledged by the backend, or kept in the outbox for later. */
export type Submission<Receipt> =
  | { status: 'delivered'; receipt: Receipt }
  /** `persisted` is false when the outbox could only keep it in memory: the page must stay open. */
  | { status: 'queued'; id: string; persisted: boolean };
