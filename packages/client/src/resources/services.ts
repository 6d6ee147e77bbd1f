import { ClientCore, type ClientOptions } from '../core.js';
import { ResourceClient } from '../resource-client.js';
import { type ServiceCategory, ServiceCategoryList, ServiceList, ServiceQuery } from '../schemas/service.js';

/** The client for services alone: their schemas and methods, on a core that may be shared with other resources. */
export class ServicesClient extends ResourceClient {
  /** Services are only read: nothing of theirs goes through the outbox. */
  static readonly receipts = {};

  constructor(core: ClientCore) {
    super(core, ServicesClient.receipts);
  }

  async searchServices(query: ServiceQuery = {}): Promise<ServiceList> {
    return this.core.read('searchServices', ServiceList, ServiceQuery, query);
  }

  async listServiceCategories(): Promise<ServiceCategory[]> {
    return this.core.read('listServiceCategories', ServiceCategoryList);
  }
}

/** Creates a services client with a core of its own. See docs/client.md. */
export function createClient(options: ClientOptions): ServicesClient {
  return new ServicesClient(new ClientCore(options));
}
