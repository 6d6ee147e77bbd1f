import * as z from 'zod/mini';
import { oneOf, optionalText } from './build.js';
import { ReceiptId } from './common.js';

/**
 * Where a report stands, for the resident who made it: an Open311 service request as `GET /requests/{id}.json`
 * gives it. Dates are kept as the server wrote them (GeoReport servers differ in their offsets) and shown only when
 * they parse.
 */
export const ReportStatus = z.object({
  /** The report's reference: its receipt id (Open311: `service_request_id`). */
  reference: ReceiptId,
  status: oneOf(['open', 'closed']),
  /** The city's explanation of the status. */
  statusNotes: optionalText(2000),
  /** Who handles it. */
  agencyResponsible: optionalText(200),
  /** When the city expects to have done it. */
  expectedDatetime: optionalText(40),
  /** When it last changed. */
  updatedDatetime: optionalText(40),
});

export type ReportStatus = z.infer<typeof ReportStatus>;
