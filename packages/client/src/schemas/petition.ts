import * as z from 'zod/mini';
import { accepted, int, oneOf, optionalText, page, text } from './build.js';
import { DateTime, Email, Honeypot, HttpUrl, Id, PageQuery, ReceiptId } from './common.js';

export const PetitionStatus = oneOf(['open', 'closed', 'responded']);

/** A milestone, e.g. `{count: 10000, label: 'Government responds'}`. */
export const Threshold = z.object({ count: int().check(z.gte(1)), label: text(200) });

export const GovernmentResponse = z.object({
  summary: text(2000),
  body: optionalText(20_000),
  respondedAt: DateTime,
});

/** Fields a petition may ask signers for, besides name and email. */
export const SignerField = oneOf(['postcode', 'country']);

export const PetitionSummary = z.object({
  id: Id,
  title: text(300),
  summary: text(2000),
  status: PetitionStatus,
  signatureCount: int().check(z.gte(0)),
  closesAt: z.optional(DateTime),
});

export const Petition = z.object({
  ...PetitionSummary.shape,
  body: optionalText(20_000),
  thresholds: z.array(Threshold),
  response: z.optional(GovernmentResponse),
  signerFields: z.array(SignerField),
  /** Whether signers may choose to have their name shown publicly. */
  allowPublicName: z.optional(z.boolean()),
  privacyNoticeUrl: HttpUrl,
});

export const PetitionListQuery = z.object({ ...PageQuery.shape, status: z.optional(PetitionStatus) });
export const PetitionList = page(PetitionSummary);

export const SignatureRequest = z.object({
  name: text(200),
  email: Email.check(z.maxLength(254)),
  postcode: z.optional(z.string().check(z.minLength(2), z.maxLength(16))),
  /** ISO 3166-1 alpha-2 country code. */
  country: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
  /** Must be `true`: the signer agreed to the privacy notice. (A refinement rather than `z.literal`, for size.) */
  consent: accepted('Consent is required'),
  showName: z.optional(z.boolean()),
  website: Honeypot,
});

export const SignatureReceipt = z.object({
  receiptId: ReceiptId,
  status: oneOf(['counted', 'pending_confirmation']),
  signatureCount: int().check(z.gte(0)),
});

export type PetitionStatus = z.infer<typeof PetitionStatus>;
export type Threshold = z.infer<typeof Threshold>;
export type GovernmentResponse = z.infer<typeof GovernmentResponse>;
export type PetitionSummary = z.infer<typeof PetitionSummary>;
export type Petition = z.infer<typeof Petition>;
export type PetitionListQuery = z.infer<typeof PetitionListQuery>;
export type PetitionList = z.infer<typeof PetitionList>;
export type SignatureRequest = z.infer<typeof SignatureRequest>;
export type SignatureReceipt = z.infer<typeof SignatureReceipt>;
