import type { Petition } from '../schemas/petition.js';
import type { Poll } from '../schemas/poll.js';
import type { OpeningHours, Service, ServiceCategory } from '../schemas/service.js';

/** Data the `memory` adapter starts with: a small "City of Example" for docs, demos and tests. */
export interface MemorySeed {
  petitions: Petition[];
  polls: Poll[];
  services: Service[];
  categories: ServiceCategory[];
  /** Postcode centroids, so that a postcode search works without a geocoder. */
  postcodes: Record<string, { lat: number; lng: number }>;
}

const weekdays = (opens: string, closes: string, timeZone = 'Europe/London'): OpeningHours => ({
  timeZone,
  weekly: (['mo', 'tu', 'we', 'th', 'fr'] as const).map((day) => ({ day, opens, closes })),
});

export function exampleSeed(): MemorySeed {
  return {
    petitions: [
      {
        id: 'safer-crossings',
        title: 'Build safe crossings on Station Road',
        summary:
          'Children walking to Station Road Primary cross four lanes of traffic. We ask the council to build two signal-controlled crossings.',
        body: 'Station Road carries 18,000 vehicles a day past two schools.\n\nWe ask for crossings at the junctions with Mill Lane and Park Street before the next school year.',
        status: 'open',
        signatureCount: 8_412,
        thresholds: [
          { count: 10_000, label: 'The council responds' },
          { count: 50_000, label: 'Debated at full council' },
        ],
        closesAt: '2027-06-30T23:59:59Z',
        signerFields: ['postcode'],
        allowPublicName: true,
        privacyNoticeUrl: 'https://example.gov/privacy/petitions',
      },
      {
        id: 'library-hours',
        title: 'Keep the Central Library open on Sundays',
        summary: 'Sunday opening is the only time many working families can visit. Keep it.',
        status: 'responded',
        signatureCount: 12_930,
        thresholds: [{ count: 10_000, label: 'The council responds' }],
        closesAt: '2026-09-30T23:59:59Z',
        response: {
          summary: 'Sunday opening will continue through 2027, funded from the culture budget.',
          body: 'We heard from 12,930 residents. The cabinet agreed on 14 October to keep Sunday hours (12:00-16:00).',
          respondedAt: '2026-10-15T09:00:00Z',
        },
        signerFields: ['postcode', 'country'],
        privacyNoticeUrl: 'https://example.gov/privacy/petitions',
      },
    ],
    polls: [
      {
        id: 'park-name',
        question: 'What should we call the new riverside park?',
        kind: 'single',
        status: 'open',
        options: [
          { id: 'riverside', label: 'Riverside Park' },
          { id: 'mill-meadows', label: 'Mill Meadows' },
          { id: 'heron-green', label: 'Heron Green' },
        ],
        resultsVisibility: 'after_vote',
        suppressBelow: 5,
      },
      {
        id: 'budget-priorities',
        question: 'Which three areas should get more money next year?',
        description: 'Pick up to three. The results inform the draft budget in February.',
        kind: 'multiple',
        status: 'open',
        maxChoices: 3,
        options: [
          { id: 'roads', label: 'Roads and pavements' },
          { id: 'parks', label: 'Parks and green spaces' },
          { id: 'libraries', label: 'Libraries' },
          { id: 'youth', label: 'Youth services' },
          { id: 'social-care', label: 'Adult social care' },
        ],
        resultsVisibility: 'always',
      },
      {
        id: 'bus-routes',
        question: 'Rank the proposed bus routes by how much you would use them',
        kind: 'ranked',
        status: 'open',
        options: [
          { id: 'route-a', label: 'A: Hospital - Station', description: 'Every 10 minutes' },
          { id: 'route-b', label: 'B: University - Retail park' },
          { id: 'route-c', label: 'C: Northfield - City centre' },
        ],
        resultsVisibility: 'after_close',
      },
    ],
    categories: [
      { id: 'food', label: 'Food banks and meals' },
      { id: 'libraries', label: 'Libraries' },
      { id: 'health', label: 'Health' },
      { id: 'advice', label: 'Advice and benefits' },
      { id: 'jobs', label: 'Jobs and training' },
    ],
    services: [
      {
        id: 'central-library',
        name: 'Central Library',
        description: 'Books, computers with free internet, printing and study spaces.',
        organization: 'City of Example Council',
        categories: ['libraries'],
        location: { address: '1 Calverley Street, Example City', postcode: 'LS1 3AB', lat: 53.8003, lng: -1.5491 },
        phone: '0113 378 5005',
        url: 'https://example.gov/libraries/central',
        languages: ['en', 'ur', 'pl'],
        accessibility: 'Step-free entrance on Calverley Street; lift to all floors; hearing loop at the counter.',
        hours: {
          timeZone: 'Europe/London',
          weekly: [
            ...weekdays('09:00', '20:00').weekly,
            { day: 'sa', opens: '10:00', closes: '17:00' },
            { day: 'su', opens: '12:00', closes: '16:00' },
          ],
        },
      },
      {
        id: 'harehills-food-bank',
        name: 'Harehills Food Bank',
        description: 'Emergency food parcels. A referral helps but is not required on Fridays.',
        organization: 'Example Food Network',
        categories: ['food'],
        location: { address: '82 Roundhay Road, Example City', postcode: 'LS8 5AQ', lat: 53.8107, lng: -1.5239 },
        phone: '0113 240 1234',
        eligibility: 'Anyone in need; bring proof of address if you have it.',
        languages: ['en', 'ar', 'ro'],
        hours: {
          timeZone: 'Europe/London',
          weekly: [
            { day: 'tu', opens: '10:00', closes: '13:00' },
            { day: 'fr', opens: '10:00', closes: '15:00' },
          ],
        },
      },
      {
        id: 'night-shelter',
        name: 'St George’s Night Shelter',
        description: 'Beds, a hot meal and a shower overnight.',
        organization: 'St George’s Crypt',
        categories: ['food', 'advice'],
        location: { address: 'Great George Street, Example City', postcode: 'LS1 3BR', lat: 53.8019, lng: -1.5522 },
        phone: '0113 245 9061',
        hours: {
          timeZone: 'Europe/London',
          weekly: (['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const).map((day) => ({
            day,
            opens: '20:00',
            closes: '08:00',
          })),
        },
      },
      {
        id: 'jobs-hub',
        name: 'City Jobs Hub',
        description: 'Help with CVs, job search and training courses.',
        organization: 'City of Example Council',
        categories: ['jobs', 'advice'],
        location: { address: 'Merrion Centre, Example City', postcode: 'LS2 8NG', lat: 53.8021, lng: -1.5437 },
        email: 'jobs@example.gov',
        url: 'https://example.gov/jobs-hub',
        hours: weekdays('09:00', '17:00'),
      },
      {
        id: 'chapeltown-health',
        name: 'Chapeltown Health Centre',
        description: 'GP surgery, nurse clinics and a walk-in service.',
        organization: 'Example NHS Trust',
        categories: ['health'],
        location: { address: 'Spencer Place, Example City', postcode: 'LS7 4BB', lat: 53.8186, lng: -1.5313 },
        phone: '0113 295 1000',
        accessibility: 'Step-free access, accessible toilets.',
        hours: weekdays('08:00', '18:30'),
      },
      {
        id: 'citizens-advice',
        name: 'Citizens Advice Example',
        description: 'Free, confidential advice on benefits, debt, housing and work.',
        organization: 'Citizens Advice',
        categories: ['advice'],
        location: { address: '31 New York Street, Example City', postcode: 'LS2 7DT', lat: 53.7973, lng: -1.5378 },
        phone: '0808 278 7878',
        url: 'https://example.org/advice',
        languages: ['en', 'zh', 'fr'],
        hours: weekdays('10:00', '16:00'),
      },
    ],
    postcodes: {
      'LS1 3AB': { lat: 53.8003, lng: -1.5491 },
      'LS2 7DT': { lat: 53.7973, lng: -1.5378 },
      'LS7 4BB': { lat: 53.8186, lng: -1.5313 },
      'LS8 5AQ': { lat: 53.8107, lng: -1.5239 },
      'LS6 1AN': { lat: 53.8197, lng: -1.5768 },
    },
  };
}
