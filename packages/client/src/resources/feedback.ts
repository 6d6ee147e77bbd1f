import type { FeedbackField } from '../adapter.js';
import { ClientCore, type ClientOptions } from '../core.js';
import type { Submission } from '../outbox/types.js';
import { ResourceClient } from '../resource-client.js';
import { FeedbackReceipt, FeedbackRequest } from '../schemas/feedback.js';

/** The client for feedback alone: its schemas and methods, on a core that may be shared with other resources. */
export class FeedbackClient extends ResourceClient {
  static readonly receipts = { submitFeedback: FeedbackReceipt };

  constructor(core: ClientCore) {
    super(core, FeedbackClient.receipts);
  }

  async submitFeedback(body: FeedbackRequest): Promise<Submission<FeedbackReceipt>> {
    return this.core.submit('submitFeedback', FeedbackRequest, [body]);
  }

  /**
   * The backend's extra questions for feedback on `topic` (an Open311 service's attributes), in display order;
   * `[]` when its adapter has none. One attempt, not retried: a widget goes on without them if it fails.
   */
  async feedbackFields(topic: string): Promise<FeedbackField[]> {
    const adapter = this.core.adapter;
    return adapter.feedbackFields ? this.core.attempt((ctx) => adapter.feedbackFields!(topic, ctx)) : [];
  }
}

/** Creates a feedback client with a core of its own. See docs/client.md. */
export function createClient(options: ClientOptions): FeedbackClient {
  return new FeedbackClient(new ClientCore(options));
}
