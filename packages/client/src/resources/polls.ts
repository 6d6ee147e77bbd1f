import { ClientCore, type ClientOptions } from '../core.js';
import type { Submission } from '../outbox/types.js';
import { ResourceClient } from '../resource-client.js';
import { Id } from '../schemas/common.js';
import { Poll, PollList, PollListQuery, PollResults, VoteReceipt, VoteRequest } from '../schemas/poll.js';

/** The client for polls alone: their schemas and methods, on a core that may be shared with other resources. */
export class PollsClient extends ResourceClient {
  static readonly receipts = { votePoll: VoteReceipt };

  constructor(core: ClientCore) {
    super(core, PollsClient.receipts);
  }

  async listPolls(query: PollListQuery = {}): Promise<PollList> {
    return this.core.read('listPolls', PollList, PollListQuery, query);
  }

  async getPoll(id: string): Promise<Poll> {
    return this.core.read('getPoll', Poll, Id, id);
  }

  async votePoll(id: string, body: VoteRequest): Promise<Submission<VoteReceipt>> {
    return this.core.submit('votePoll', VoteRequest, [this.core.check(Id, id), body]);
  }

  async getPollResults(id: string): Promise<PollResults> {
    return this.core.read('getPollResults', PollResults, Id, id);
  }
}

/** Creates a polls client with a core of its own. See docs/client.md. */
export function createClient(options: ClientOptions): PollsClient {
  return new PollsClient(new ClientCore(options));
}
