import type { OpeningHours, Service, Weekday } from '@civic-widgets/client/schemas';

/** A small deterministic PRNG (mulberry32): the same seed gives the same demo data on every machine. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Leeds postcode districts with their approximate centres, matching the client's memory seed (53.80, -1.55). */
export const DISTRICTS = [
  { code: 'LS1', area: 'City Centre', lat: 53.7968, lng: -1.5478 },
  { code: 'LS2', area: 'Woodhouse', lat: 53.8045, lng: -1.5432 },
  { code: 'LS3', area: 'Burley', lat: 53.8025, lng: -1.5653 },
  { code: 'LS4', area: 'Kirkstall', lat: 53.8121, lng: -1.5847 },
  { code: 'LS5', area: 'Hawksworth', lat: 53.8222, lng: -1.6006 },
  { code: 'LS6', area: 'Headingley', lat: 53.8197, lng: -1.5768 },
  { code: 'LS7', area: 'Chapeltown', lat: 53.8203, lng: -1.5301 },
  { code: 'LS8', area: 'Harehills', lat: 53.8162, lng: -1.5089 },
  { code: 'LS9', area: 'Richmond Hill', lat: 53.7957, lng: -1.5142 },
  { code: 'LS10', area: 'Hunslet', lat: 53.7703, lng: -1.5339 },
  { code: 'LS11', area: 'Beeston', lat: 53.7805, lng: -1.5573 },
  { code: 'LS12', area: 'Armley', lat: 53.7913, lng: -1.5907 },
  { code: 'LS13', area: 'Bramley', lat: 53.8051, lng: -1.6297 },
  { code: 'LS14', area: 'Seacroft', lat: 53.8307, lng: -1.4517 },
  { code: 'LS15', area: 'Cross Gates', lat: 53.8055, lng: -1.4468 },
  { code: 'LS16', area: 'Adel', lat: 53.8456, lng: -1.5998 },
  { code: 'LS17', area: 'Moortown', lat: 53.8601, lng: -1.5305 },
] as const;

const STREETS = [
  'Roundhay Road',
  'Harehills Lane',
  'Kirkstall Road',
  'Otley Road',
  'Headingley Lane',
  'Chapeltown Road',
  'York Road',
  'Dewsbury Road',
  'Tong Road',
  'Beeston Road',
  'Burley Road',
  'Woodhouse Lane',
  'Meanwood Road',
  'Street Lane',
  'Selby Road',
  'Town Street',
  'Stanningley Road',
  'Harrogate Road',
  'Scott Hall Road',
  'Easterly Road',
  'Elland Road',
  'Hunslet Road',
  'Armley Ridge Road',
  'Cardigan Road',
  'Station Road',
  'Church Lane',
  'Victoria Road',
  'Queen Street',
  'Park Lane',
  'Mill Street',
];

const SERVICE_KINDS = [
  {
    noun: 'Community Library',
    category: 'libraries',
    org: 'City of Example Council',
    text: 'Books, free computers and internet, printing, and a children’s corner.',
  },
  {
    noun: 'Food Bank',
    category: 'food',
    org: 'Example Food Network',
    text: 'Emergency food parcels and toiletries. No referral needed for a first visit.',
  },
  {
    noun: 'Community Pantry',
    category: 'food',
    org: 'Example Food Network',
    text: 'Low-cost weekly groceries for members; membership is free.',
  },
  {
    noun: 'Medical Practice',
    category: 'health',
    org: 'Example NHS Trust',
    text: 'GP appointments, nurse clinics, vaccinations and repeat prescriptions.',
  },
  {
    noun: 'Wellbeing Café',
    category: 'health',
    org: 'Example Mind',
    text: 'Drop-in peer support for mental health, with tea and a listening ear.',
  },
  {
    noun: 'Advice Centre',
    category: 'advice',
    org: 'Citizens Advice',
    text: 'Free advice on benefits, debt, housing, energy bills and work.',
  },
  {
    noun: 'Housing Office',
    category: 'housing',
    org: 'City of Example Council',
    text: 'Council tenancies, repairs, homelessness advice and housing applications.',
  },
  {
    noun: 'Job Shop',
    category: 'jobs',
    org: 'City of Example Council',
    text: 'Help with CVs, job applications, interviews and training courses.',
  },
  {
    noun: 'Children’s Centre',
    category: 'family',
    org: 'City of Example Council',
    text: 'Stay-and-play sessions, health visitors and parenting support for under-fives.',
  },
  {
    noun: 'Leisure Centre',
    category: 'sport',
    org: 'Active Example',
    text: 'Swimming pool, gym and fitness classes; concessions for residents on benefits.',
  },
  {
    noun: 'Digital Help Point',
    category: 'advice',
    org: 'City of Example Council',
    text: 'Help getting online: forms, email, video calls and online safety.',
  },
  {
    noun: 'Warm Space',
    category: 'food',
    org: 'Example Churches Together',
    text: 'A warm room, hot drinks and soup in winter. Everyone welcome.',
  },
];

export const EXTRA_CATEGORIES = [
  { id: 'housing', label: 'Housing' },
  { id: 'family', label: 'Children and families' },
  { id: 'sport', label: 'Sport and leisure' },
];

const WEEKDAYS: Weekday[] = ['mo', 'tu', 'we', 'th', 'fr'];
const ALL_DAYS: Weekday[] = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];
const range = (days: Weekday[], opens: string, closes: string) => days.map((day) => ({ day, opens, closes }));

const HOURS: OpeningHours['weekly'][] = [
  range(WEEKDAYS, '09:00', '17:00'),
  [...range(WEEKDAYS, '09:00', '20:00'), ...range(['sa'], '10:00', '16:00')],
  range(['mo', 'we', 'fr'], '10:00', '14:00'),
  range(['tu', 'th'], '13:00', '19:00'),
  range(ALL_DAYS, '00:00', '24:00'),
  range(ALL_DAYS, '18:00', '08:00'),
  [...range(WEEKDAYS, '08:00', '18:30'), ...range(['sa'], '09:00', '12:00')],
  [...range(WEEKDAYS, '06:30', '22:00'), ...range(['sa', 'su'], '08:00', '18:00')],
];

/** Inward codes use these letters only (no C, I, K, M, O or V). */
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/’/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export interface GeneratedArea {
  services: Service[];
  postcodes: Record<string, { lat: number; lng: number }>;
}

/**
 * `count` services spread over the Leeds districts, each with an address, a unit postcode (added to the postcode
 * table at the same point), categories and weekly hours. Deterministic for a given `seed`.
 */
export function generateServices(count: number, seed = 20261128): GeneratedArea {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const services: Service[] = [];
  const postcodes: GeneratedArea['postcodes'] = {};
  const ids = new Set<string>();
  for (let i = 0; i < count; i++) {
    const district = DISTRICTS[i % DISTRICTS.length]!;
    const kind = SERVICE_KINDS[Math.floor(i / DISTRICTS.length) % SERVICE_KINDS.length]!;
    const street = pick(STREETS);
    const lat = Math.round((district.lat + (next() - 0.5) * 0.02) * 1e5) / 1e5;
    const lng = Math.round((district.lng + (next() - 0.5) * 0.03) * 1e5) / 1e5;
    let postcode: string;
    do
      postcode = `${district.code} ${1 + Math.floor(next() * 9)}${pick([...INWARD_LETTERS])}${pick([...INWARD_LETTERS])}`;
    while (postcodes[postcode]);
    postcodes[postcode] = { lat, lng };
    const round = Math.floor(i / (DISTRICTS.length * SERVICE_KINDS.length));
    const name =
      round === 0 ? `${district.area} ${kind.noun}` : `${street.replace(/ (Road|Lane|Street)$/, '')} ${kind.noun}`;
    let id = slug(`${name} ${district.code}`);
    for (let n = 2; ids.has(id); n++) id = slug(`${name} ${district.code} ${n}`);
    ids.add(id);
    const categories = next() < 0.2 && kind.category !== 'advice' ? [kind.category, 'advice'] : [kind.category];
    services.push({
      id,
      name,
      description: kind.text,
      organization: kind.org,
      categories,
      location: {
        address: `${1 + Math.floor(next() * 240)} ${street}, Leeds`,
        postcode,
        lat,
        lng,
      },
      phone: `0113 ${String(200 + Math.floor(next() * 799))} ${String(Math.floor(next() * 10_000)).padStart(4, '0')}`,
      url: `https://example.gov/services/${id}`,
      languages: next() < 0.3 ? ['en', pick(['ur', 'pl', 'pa', 'ar', 'ro', 'ku'])] : ['en'],
      accessibility: next() < 0.6 ? 'Step-free entrance and accessible toilet.' : undefined,
      hours: { timeZone: 'Europe/London', weekly: pick(HOURS) },
    });
  }
  return { services, postcodes };
}
