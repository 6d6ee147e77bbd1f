// Filter/sort timing of the static adapter on a generated directory: `npx tsx scripts/bench-static-search.ts [n]`.
// Not part of `npm test`: timings depend on the machine. The locator's budget is one frame (16 ms) per search.

import { staticAdapter } from '../packages/client/src/adapters/static.js';
import type { OpeningRange, Service, ServiceQuery, Weekday } from '../packages/client/src/schemas/service.js';

const COUNT = Number(process.argv[2] ?? 10_000);
const RUNS = 50;
const WORDS = ['food', 'library', 'advice', 'clinic', 'housing', 'jobs', 'youth', 'carers', 'debt', 'legal', 'café'];
const CATEGORIES = ['food', 'libraries', 'health', 'advice', 'jobs', 'housing', 'youth', 'legal'];
const DAYS: Weekday[] = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];

// A seeded generator, so that every run searches the same directory.
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;

function service(i: number): Service {
  const opens = `${String(7 + Math.floor(random() * 4)).padStart(2, '0')}:00`;
  const closes = random() < 0.1 ? '02:00' : `${16 + Math.floor(random() * 4)}:30`;
  const weekly: OpeningRange[] = DAYS.filter(() => random() < 0.7).map((day) => ({ day, opens, closes }));
  return {
    id: `s${i}`,
    name: `${pick(WORDS)} ${pick(WORDS)} centre ${i}`,
    description: `Help with ${pick(WORDS)}, ${pick(WORDS)} and ${pick(WORDS)} for residents of ward ${i % 40}.`,
    organization: `Organisation ${i % 300}`,
    categories: [pick(CATEGORIES), pick(CATEGORIES)],
    // Around Leeds, within about 25 km.
    location: {
      address: `${i} High Street`,
      lat: 53.8 + (random() - 0.5) * 0.45,
      lng: -1.55 + (random() - 0.5) * 0.75,
    },
    hours: { timeZone: random() < 0.9 ? 'Europe/London' : 'Europe/Dublin', weekly },
  };
}

const data = Array.from({ length: COUNT }, (_, i) => service(i));
const adapter = staticAdapter({ data, now: () => new Date('2026-06-02T10:00Z') });
const ctx = { signal: new AbortController().signal };
const leeds = { lat: 53.8003, lng: -1.5491 };

const queries: [string, ServiceQuery][] = [
  ['text "food advice"', { q: 'food advice' }],
  ['category', { category: 'health' }],
  ['position, sort by distance', { ...leeds }],
  ['position, radius 5 km', { ...leeds, radiusKm: 5 }],
  ['open now', { openNow: true }],
  [
    'text + category + position + radius + open now',
    { q: 'cafe', category: 'food', ...leeds, radiusKm: 10, openNow: true },
  ],
];

const first = performance.now();
await adapter.searchServices({}, ctx);
console.log(`${COUNT} services; first search (index build) ${(performance.now() - first).toFixed(1)} ms`);

for (const [name, query] of queries) {
  const times: number[] = [];
  let total = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    total = (await adapter.searchServices({ ...query, pageSize: 20 }, ctx)).total;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(RUNS / 2)]!;
  const p95 = times[Math.floor(RUNS * 0.95)]!;
  console.log(`${name.padEnd(50)} median ${median.toFixed(2)} ms  p95 ${p95.toFixed(2)} ms  (${total} found)`);
}
