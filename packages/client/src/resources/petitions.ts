import { ClientCore, type ClientOptions } from '../core.js';
import type { Submission } from '../outbox/types.js';
import { ResourceClient } from '../resource-client.js';
import { Id } from '../schemas/common.js';
import { Petition, PetitionList, PetitionListQuery, SignatureReceipt, SignatureRequest } from '../schemas/petition.js';

/** The client for petitions alone: their schemas and methods, on a core that may be shared with other resources. */
export class PetitionsClient extends ResourceClient {
  static readonly receipts = { signPetition: SignatureReceipt };

  constructor(core: ClientCore) {
    super(core, PetitionsClient.receipts);
  }

  async listPetitions(query: PetitionListQuery = {}): Promise<PetitionList> {
    return this.core.read('listPetitions', PetitionList, PetitionListQuery, query);
  }

  async getPetition(id: string): Promise<Petition> {
    return this.core.read('getPetition', Petition, Id, id);
  }

  async signPetition(id: string, body: SignatureRequest): Promise<Submission<SignatureReceipt>> {
    return this.core.submit('signPetition', SignatureRequest, [this.core.check(Id, id), body]);
  }
}

/** Creates a petitions client with a core of its own. See docs/client.md. */
export function createClient(options: ClientOptions): PetitionsClient {
  return new PetitionsClient(new ClientCore(options));
}
