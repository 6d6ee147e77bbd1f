import { unsupported } from '../adapters/unsupported.js';
import { ClientCore, type ClientOptions } from '../core.js';
import { ResourceClient } from '../resource-client.js';
import { ReceiptId } from '../schemas/common.js';
import { ReportStatus } from '../schemas/report.js';

/**
 * The client for following reports: where one stands, by the reference its receipt gave. Not part of
 * `CivicClient` (only backends that track reports, such as Open311, answer), so pages that never show a status
 * do not download it.
 */
export class ReportsClient extends ResourceClient {
  /** Statuses are only read. */
  static readonly receipts = {};

  constructor(core: ClientCore) {
    super(core, ReportsClient.receipts);
  }

  /** Where the report `reference` stands. An adapter that does not track reports fails with an `http` 405. */
  async reportStatus(reference: string): Promise<ReportStatus> {
    if (!this.core.adapter.reportStatus) throw unsupported(this.core.adapter.name, 'report statuses');
    return this.core.read('reportStatus', ReportStatus, ReceiptId, reference);
  }
}

/** Creates a reports client with a core of its own. See docs/client.md. */
export function createClient(options: ClientOptions): ReportsClient {
  return new ReportsClient(new ClientCore(options));
}
