/** Arbitrary valid link states (fast-check) for the URL round-trip properties: every panel and setting. */
import fc from 'fast-check';
import { METRICS } from '../../../src/domain/metrics';
import { MIN_POP_MAX } from '../../../src/state/slices/simulation';
import type { UrlState } from '../../../src/state/url';

const coord = (max: number) => fc.integer({ min: -max * 1e4, max: max * 1e4 }).map((x) => x / 1e4);
const day = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

export const urlStateArbitrary: fc.Arbitrary<UrlState> = fc.record({
  camera: fc.option(
    fc.record({
      lon: coord(180),
      lat: coord(85),
      zoom: fc.integer({ min: 0, max: 2200 }).map((z) => z / 100),
    }),
    { nil: null },
  ),
  metric: fc.constantFrom(...METRICS.map((m) => m.id)),
  year: fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: null }),
  scheme: fc.constantFrom('quantile', 'equal', 'jenks'),
  classes: fc.integer({ min: 3, max: 9 }),
  palette: fc.constantFrom('blues', 'viridis', 'purples', 'greens'),
  showDivide: fc.boolean(),
  grouping: fc.constantFrom('se2016', 'kti17'),
  language: fc.constantFrom('en', 'id'),
  hubs: fc.array(
    fc.record({
      id: fc.constant('x'),
      name: fc.string({ minLength: 1, maxLength: 40 }).filter((n) => n.trim() === n && n.length > 0),
      lat: coord(85),
      lon: coord(180),
      status: fc.constantFrom('held', 'planned', 'added'),
      date: fc.option(day, { nil: null }),
    }),
    { maxLength: 6 },
  ),
  rule: fc.record({
    radiusKm: fc.integer({ min: 10, max: 300 }),
    sameIslandOnly: fc.boolean(),
    seaCrossingKm: fc.integer({ min: 0, max: 100 }),
    decayEdge: fc.integer({ min: 0, max: 1000 }).map((x) => x / 1000),
    crossTo: fc.constantFrom('any', 'smaller'),
  }),
  demand: fc.record({
    useOffline: fc.boolean(),
    offlineExponent: fc.integer({ min: 0, max: 3000 }).map((x) => x / 1000),
    useCoverage: fc.boolean(),
    useMsme: fc.boolean(),
    priorityFactor: fc.integer({ min: 100, max: 1000 }).map((x) => x / 100),
  }),
  filter: fc.record({
    region: fc.constantFrom('all', 'east', 'west'),
    minPop: fc.oneof(fc.integer({ min: 0, max: MIN_POP_MAX }), fc.constantFrom(0, 100_000_001, MIN_POP_MAX)),
    polygons: fc.option(
      fc.uniqueArray(fc.integer({ min: 0, max: 37 }), { maxLength: 5 }).map((a) => a.sort((x, y) => x - y)),
      { nil: null },
    ),
    excludeExisting: fc.boolean(),
    kinds: fc.option(fc.subarray(['kota', 'regencySeat', 'provinceCapital'] as const), { nil: null }),
  }),
  planK: fc.integer({ min: 1, max: 30 }),
  selected: fc.option(fc.integer({ min: 0, max: 37 }), { nil: null }),
  panel: fc.constantFrom(
    'none',
    'detail',
    'about',
    'table',
    'compare',
    'gap',
    'simulate',
    'scenes',
    'import',
  ),
  preset: fc.constantFrom('east3t', 'umkm', 'offline'),
  participationRate: fc.option(
    fc.integer({ min: 0, max: 10000 }).map((x) => x / 10000),
    { nil: null },
  ),
  constraints: fc.record({
    mustInclude: fc.uniqueArray(fc.integer({ min: 0, max: 99999 }), { maxLength: 4 }),
    excluded: fc.uniqueArray(fc.integer({ min: 0, max: 99999 }), { maxLength: 4 }),
    maxOnePerGroup: fc.boolean(),
    minShareInSet: fc.integer({ min: 0, max: 1000 }).map((x) => x / 1000),
  }),
  inspected: fc.option(fc.integer({ min: 0, max: 99999 }), { nil: null }),
  lastRun: fc.constantFrom(null, 'rank', 'plan'),
});
