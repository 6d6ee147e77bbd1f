import type { Petition, SignatureReceipt, SignatureRequest } from '../schemas/petition.js';

export const signature: SignatureRequest = { name: 'Ada Lovelace', email: 'ada@example.org', consent: true };

export const receipt: SignatureReceipt = { receiptId: 'r-1', status: 'counted', signatureCount: 11 };

export const petition: Petition = {
  id: 'p1',
  title: 'Fix the road',
  summary: 'Potholes everywhere.',
  status: 'open',
  signatureCount: 10,
  thresholds: [{ count: 100, label: 'Response' }],
  signerFields: [],
  privacyNoticeUrl: 'https://example.gov/privacy',
};
