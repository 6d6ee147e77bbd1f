import * as z from 'zod/mini';
import { int, oneOf, optionalText, text } from './build.js';
import { Honeypot, HttpUrl, ReceiptId } from './common.js';

export const RatingScale = oneOf(['thumbs', 'stars', 'smileys', 'nps']);

/** The inclusive value range of each scale: thumbs 0 (no) or 1 (yes), stars and smileys 1-5, NPS 0-10. */
export const RATING_RANGE = {
  thumbs: [0, 1],
  stars: [1, 5],
  smileys: [1, 5],
  nps: [0, 10],
} as const satisfies Record<z.infer<typeof RatingScale>, readonly [number, number]>;

export const Rating = z.object({ scale: RatingScale, value: int() }).check(
  z.refine(({ scale, value }) => value >= RATING_RANGE[scale][0] && value <= RATING_RANGE[scale][1], {
    message: 'Out of range',
    path: ['value'],
  }),
);

/**
 * The answer to one extra question of a backend (an Open311 service attribute): `value`, or `values` for a
 * multiple choice.
 */
export const FieldAnswer = z.object({
  code: text(100),
  value: z.optional(text(2000)),
  values: z.optional(z.array(text(200)).check(z.maxLength(50))),
});

export const FeedbackRequest = z.object({
  topic: z.string().check(z.minLength(1), z.maxLength(100), z.regex(/^[A-Za-z0-9._~/:-]+$/)),
  rating: Rating,
  comment: optionalText(2000),
  /** Reason codes picked in the follow-up, e.g. `['outdated', 'hard-to-understand']`. */
  reasons: z.optional(z.array(text(100)).check(z.maxLength(20))),
  /** The page the feedback is about, without query string or fragment. */
  pageUrl: z.optional(HttpUrl.check(z.maxLength(2000))),
  /**
   * The `receiptId` of this citizen's earlier feedback that this one completes: the rating is sent the moment
   * it is given, and a follow-up (comment, reasons) sent later attaches to it instead of counting again.
   */
  followUpTo: z.optional(ReceiptId),
  /** Answers to the backend's extra questions (`client.feedbackFields()`), one per question code. */
  fields: z.optional(z.array(FieldAnswer).check(z.maxLength(50))),
  /**
   * Where the problem is, when the resident shares their position (`location="ask"`): degrees, as GeoReport's
   * `lat` and `long`. Sent only after the resident pressed "Use my location" and the browser allowed it.
   */
  location: z.optional(
    z.object({ lat: z.number().check(z.gte(-90), z.lte(90)), lng: z.number().check(z.gte(-180), z.lte(180)) }),
  ),
  /** Where the problem is, as the resident wrote it (`location="ask"`): GeoReport's `address_string`. */
  address: optionalText(200),
  /** BCP 47 language tag of the page. */
  locale: z.optional(z.string().check(z.minLength(2), z.maxLength(35))),
  website: Honeypot,
});

export const FeedbackReceipt = z.object({ receiptId: ReceiptId });

export type RatingScale = z.infer<typeof RatingScale>;
export type Rating = z.infer<typeof Rating>;
export type FieldAnswer = z.infer<typeof FieldAnswer>;
export type FeedbackRequest = z.infer<typeof FeedbackRequest>;
export type FeedbackReceipt = z.infer<typeof FeedbackReceipt>;
