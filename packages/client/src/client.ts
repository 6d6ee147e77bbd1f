import { ClientCore, type ClientOptions } from './core.js';
import { ResourceClient } from './resource-client.js';
import { FeedbackClient } from './resources/feedback.js';
import { PetitionsClient } from './resources/petitions.js';
import { PollsClient } from './resources/polls.js';
import { ServicesClient } from './resources/services.js';

const RESOURCES = [PetitionsClient, PollsClient, FeedbackClient, ServicesClient];

// The class below gets these methods from each resource's client, copied from their prototypes: each method is
// written once, in its resource's module.
export interface CivicClient extends PetitionsClient, PollsClient, FeedbackClient, ServicesClient {}

/**
 * The typed client for every resource of protocol v1: the methods of `PetitionsClient`, `PollsClient`,
 * `FeedbackClient` and `ServicesClient` on one core (transport and outbox). A page that needs one resource
 * downloads less with that resource's client (`@civic-widgets/client/petitions`, ...). Fires the outbox's
 * `delivered`, `failed` and `expired` events (`OutboxEventMap`).
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface above lists the methods copied below.
export class CivicClient extends ResourceClient {
  constructor(options: ClientOptions) {
    super(new ClientCore(options), Object.assign({}, ...RESOURCES.map((resource) => resource.receipts)));
  }
}

for (const resource of RESOURCES) {
  for (const name of Object.getOwnPropertyNames(resource.prototype)) {
    if (name !== 'constructor') {
      Object.defineProperty(CivicClient.prototype, name, Object.getOwnPropertyDescriptor(resource.prototype, name)!);
    }
  }
}

/** Creates a client for every resource. See docs/client.md. */
export function createClient(options: ClientOptions): CivicClient {
  return new CivicClient(options);
}
