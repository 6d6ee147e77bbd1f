import type { Answer, Backend } from './http.js';
import { describe, fail, skip } from './outcome.js';

/** The parts of a petition or poll the write checks need; read loosely, so that a shape fault fails only the shape check. */
export interface PetitionUnderTest {
  id: string;
  signerFields: string[];
}

export interface PollUnderTest {
  id: string;
  kind: string;
  options: { id: string }[];
  resultsVisibility: string;
}

interface Listed {
  id: string;
  [field: string]: unknown;
}

/**
 * Finds what the checks test with on the backend itself (a third party's data is not ours to know), once per
 * run. A closed petition or poll is created through the admin API when the backend lists none and a token was
 * given; without either, the checks that need one are skipped.
 */
export class Fixtures {
  readonly #cache = new Map<string, Promise<unknown>>();

  constructor(readonly backend: Backend) {}

  #once<T>(key: string, find: () => Promise<T>): Promise<T> {
    if (!this.#cache.has(key)) this.#cache.set(key, find());
    return this.#cache.get(key) as Promise<T>;
  }

  /** The items of the first page of a list, or `[]` when the backend answers with something else. */
  async list(path: string, query: Record<string, string> = {}): Promise<Listed[]> {
    const answer = await this.backend.get(path, { pageSize: '100', ...query });
    const items = (answer.json as { items?: unknown } | undefined)?.items;
    if (!Array.isArray(items)) return [];
    // Filtered here too, so that a backend ignoring `status` fails the filter check and not every write check.
    return items.filter(
      (item): item is Listed => typeof item?.id === 'string' && (!query.status || item.status === query.status),
    );
  }

  openPetition(): Promise<PetitionUnderTest> {
    return this.#once('open petition', async () => {
      const [listed] = await this.list('/petitions', { status: 'open' });
      if (!listed) skip('the backend lists no open petition to sign');
      const petition = json(await this.backend.get(`/petitions/${listed.id}`)) as Partial<PetitionUnderTest>;
      return { id: listed.id, signerFields: Array.isArray(petition?.signerFields) ? petition.signerFields : [] };
    });
  }

  closedPetitionId(): Promise<string> {
    return this.#once('closed petition', async () => {
      const [listed] = await this.list('/petitions', { status: 'closed' });
      if (listed) return listed.id;
      const id = `conformance-closed-${crypto.randomUUID()}`;
      await this.#create('/petitions', {
        id,
        title: 'A closed petition made by the conformance kit',
        summary: 'Signatures must be refused.',
        status: 'closed',
        thresholds: [],
        signerFields: [],
        privacyNoticeUrl: 'https://example.org/privacy',
      });
      return id;
    });
  }

  /** An open poll; `counted` asks for one whose results are public now, so that votes can be counted. */
  openPoll(counted = false): Promise<PollUnderTest> {
    return this.#once(`open poll ${counted}`, async () => {
      for (const listed of await this.list('/polls', { status: 'open' })) {
        const poll = await this.poll(listed.id);
        if (!counted || poll.resultsVisibility === 'always' || poll.resultsVisibility === 'after_vote') return poll;
      }
      skip(counted ? 'the backend lists no open poll whose results are public' : 'the backend lists no open poll');
    });
  }

  /** A poll read loosely: enough to vote on it. */
  async poll(id: string): Promise<PollUnderTest> {
    const answer = await this.backend.get(`/polls/${id}`);
    const poll = json(answer) as Partial<PollUnderTest> | undefined;
    if (!Array.isArray(poll?.options)) fail(`200 with the poll ${id} and its options`, describe(answer));
    return { id, kind: String(poll.kind), options: poll.options, resultsVisibility: String(poll.resultsVisibility) };
  }

  closedPollId(): Promise<string> {
    return this.#once('closed poll', async () => {
      const [listed] = await this.list('/polls', { status: 'closed' });
      if (listed) return listed.id;
      const id = `conformance-closed-${crypto.randomUUID()}`;
      await this.#create('/polls', {
        id,
        question: 'A closed poll made by the conformance kit',
        kind: 'single',
        options: [
          { id: 'yes', label: 'Yes' },
          { id: 'no', label: 'No' },
        ],
        resultsVisibility: 'always',
        status: 'closed',
      });
      return id;
    });
  }

  async #create(path: string, body: unknown): Promise<void> {
    if (!this.backend.options.adminToken) {
      skip(`the backend lists none, and creating one needs --admin-token (POST /admin${path})`);
    }
    const answer = await this.backend.admin('POST', path, body);
    if (answer.status !== 201) fail(`201 from the admin API's POST /admin${path}`, describe(answer));
  }

  async signatureCount(petitionId: string): Promise<number> {
    return number(await this.backend.get(`/petitions/${petitionId}`), 'signatureCount');
  }

  async totalVotes(pollId: string): Promise<number> {
    return number(await this.backend.get(`/polls/${pollId}/results`), 'totalVotes');
  }
}

function json(answer: Answer): unknown {
  return answer.status === 200 ? answer.json : undefined;
}

function number(answer: Answer, field: string): number {
  const value = (json(answer) as Record<string, unknown> | undefined)?.[field];
  if (typeof value !== 'number') fail(`200 with a number \`${field}\``, describe(answer));
  return value;
}

/** A valid ballot for any kind of poll: the first option, or every option in order for a ranked poll. */
export function ballot(poll: PollUnderTest, voterToken = randomToken()): { choices: string[]; voterToken: string } {
  const ids = poll.options.map((option) => option.id);
  return { choices: poll.kind === 'ranked' ? ids : ids.slice(0, 1), voterToken };
}

export function randomToken(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

/** A signature a petition accepts, with the fields it asks for. */
export function signature(petition: PetitionUnderTest, email = uniqueEmail()): Record<string, unknown> {
  return {
    name: 'Conformance Check',
    email,
    consent: true,
    ...(petition.signerFields.includes('postcode') ? { postcode: 'LS1 3AB' } : {}),
    ...(petition.signerFields.includes('country') ? { country: 'GB' } : {}),
  };
}

export function uniqueEmail(): string {
  return `conformance.${randomToken()}@example.org`;
}

/** Feedback every backend accepts: a thumbs-up on a topic of the kit's own. */
export function feedback(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { topic: 'conformance-kit', rating: { scale: 'thumbs', value: 1 }, ...extra };
}
