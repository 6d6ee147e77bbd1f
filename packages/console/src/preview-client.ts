// Loaded only when a consultation form shows its preview (a chunk of its own): the residents' <civic-poll>, as
// the CDN serves it, and a client on the in-browser memory backend, so that the preview never sends anything.
import { memoryAdapter } from '@civic-widgets/client/adapters/memory';
import { memoryOutboxStore } from '@civic-widgets/client/outbox';
import { createClient, type Poll } from '@civic-widgets/client/polls';
import '@civic-widgets/widgets/define/civic-poll.js';

/** A client whose only poll is `poll`: votes are counted in this page's memory and go nowhere else. */
export function previewClient(poll: Poll) {
  const adapter = memoryAdapter({
    seed: { petitions: [], polls: [poll], services: [], categories: [], postcodes: {} },
  });
  return createClient({ adapter, outbox: memoryOutboxStore(), autoFlush: false });
}
