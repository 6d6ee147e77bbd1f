import * as z from 'zod/mini';
import { int, oneOf, optionalText, page, text } from './build.js';
import { Email, HttpUrl, Id, PageQuery } from './common.js';

/** Days as in iCalendar `BYDAY` (and HSDS schedules). */
export const Weekday = oneOf(['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su']);

/** 24-hour local time `HH:MM`; `24:00` ends a day. */
export const LocalTime = z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/));

/** One opening range on one weekday. `closes` earlier than `opens` runs past midnight. */
export const OpeningRange = z.object({ day: Weekday, opens: LocalTime, closes: LocalTime });

export const OpeningHours = z.object({
  /** IANA time zone of the venue, e.g. `Europe/London`. */
  timeZone: z.string().check(z.minLength(1), z.maxLength(64)),
  weekly: z.array(OpeningRange).check(z.maxLength(70)),
  notes: optionalText(1000),
});

export const ServiceLocation = z.object({
  name: optionalText(300),
  address: text(500),
  postcode: optionalText(16),
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lng: z.number().check(z.gte(-180), z.lte(180)),
});

export const Service = z.object({
  id: Id,
  name: text(300),
  description: optionalText(10_000),
  organization: text(300),
  /** Category ids, as listed by `GET /services/categories`. */
  categories: z.array(Id),
  location: ServiceLocation,
  phone: optionalText(50),
  email: z.optional(Email),
  url: z.optional(HttpUrl),
  /** BCP 47 language tags of the languages the service is offered in. */
  languages: z.optional(z.array(z.string().check(z.minLength(2), z.maxLength(35)))),
  accessibility: optionalText(2000),
  eligibility: optionalText(2000),
  hours: z.optional(OpeningHours),
  /** Present when the search gave a location. */
  distanceKm: z.optional(z.number().check(z.gte(0))),
});

const queryNumber = (min: number, max: number) => z.optional(z.number().check(z.gte(min), z.lte(max)));

export const ServiceQuery = z.object({
  ...PageQuery.shape,
  q: optionalText(200),
  category: z.optional(Id),
  lat: queryNumber(-90, 90),
  lng: queryNumber(-180, 180),
  postcode: optionalText(16),
  radiusKm: queryNumber(0.1, 500),
  openNow: z.optional(z.boolean()),
});

export const ServiceList = page(Service);

export const ServiceCategory = z.object({ id: Id, label: text(200), count: z.optional(int().check(z.gte(0))) });
export const ServiceCategoryList = z.array(ServiceCategory);

export type Weekday = z.infer<typeof Weekday>;
export type OpeningRange = z.infer<typeof OpeningRange>;
export type OpeningHours = z.infer<typeof OpeningHours>;
export type ServiceLocation = z.infer<typeof ServiceLocation>;
export type Service = z.infer<typeof Service>;
export type ServiceQuery = z.infer<typeof ServiceQuery>;
export type ServiceList = z.infer<typeof ServiceList>;
export type ServiceCategory = z.infer<typeof ServiceCategory>;
