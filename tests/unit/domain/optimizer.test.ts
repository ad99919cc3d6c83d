import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { CatchmentLists, CatchmentRule, CellIndex } from '../../../src/domain/catchment';
import { byPosition, catchmentLists, coverageOf, createCellIndex } from '../../../src/domain/catchment';
import { createCatchmentCache } from '../../../src/domain/optimizer/cache';
import { CancelledError } from '../../../src/domain/optimizer/cancel';
import { DEFAULT_CANDIDATE_FILTER, selectCandidates } from '../../../src/domain/optimizer/candidates';
import type { PlaceColumns } from '../../../src/domain/optimizer/candidates';
import { markRobust, planStops, planWithLists } from '../../../src/domain/optimizer/plan';
import type { Plan } from '../../../src/domain/optimizer/plan';
import { gainsOf, rankCandidates } from '../../../src/domain/optimizer/rank';
import type { CandidateSet } from '../../../src/domain/optimizer/rank';
import type { IslandGap } from '../../../src/domain/types';
import { km } from '../../../src/domain/types';
import { refCoverage, refGain, refHaversine, refWeights, table } from './reference';

const coord = {
  lat: fc.noBias(fc.double({ min: -0.5, max: 0.5, noNaN: true })),
  lon: fc.noBias(fc.double({ min: 100, max: 101, noNaN: true })),
};
/** Small random instances: a few dozen cells, a few candidates, random islands and gaps, decay or not. */
const instance = fc.record({
  cells: fc.array(fc.record({ ...coord, pop: fc.nat(5_000), island: fc.nat(3), polygon: fc.nat(2) }), {
    minLength: 1,
    maxLength: 40,
  }),
  gaps: fc.array(fc.tuple(fc.nat(3), fc.nat(3), fc.noBias(fc.double({ min: 0, max: 40, noNaN: true }))), {
    maxLength: 6,
  }),
  places: fc.array(fc.record({ ...coord, pop: fc.nat(100_000), polygon: fc.nat(2) }), {
    minLength: 1,
    maxLength: 8,
  }),
  hubs: fc.array(fc.record(coord), { maxLength: 2 }),
  rule: fc.record({
    radiusKm: fc.noBias(fc.double({ min: 5, max: 60, noNaN: true })),
    sameIslandOnly: fc.boolean(),
    seaCrossingKm: fc.noBias(fc.double({ min: 0, max: 40, noNaN: true })),
    decayEdge: fc.oneof(fc.constant(1), fc.noBias(fc.double({ min: 0, max: 1, noNaN: true }))),
  }),
  k: fc.integer({ min: 1, max: 8 }),
});
type Instance = typeof instance extends fc.Arbitrary<infer T> ? T : never;

function setUp(x: Instance) {
  const cells = table(x.cells);
  const gaps = x.gaps as IslandGap[];
  const index = createCellIndex(cells, gaps);
  const places: PlaceColumns = {
    id: x.places.map((_, i) => 100 + i),
    lat: x.places.map((p) => p.lat),
    lon: x.places.map((p) => p.lon),
    pop: x.places.map((p) => p.pop),
    polygon: x.places.map((p) => p.polygon),
  };
  const candidates: CandidateSet = { places, rows: Uint32Array.from(x.places.keys()) };
  const rule: CatchmentRule = {
    ...x.rule,
    radiusKm: km(x.rule.radiusKm),
    seaCrossingKm: km(x.rule.seaCrossingKm),
  };
  const base = Float64Array.from(cells.pop, (p, i) => p * (1 + (i % 3) / 2));
  return { cells, gaps, index, places, candidates, rule, base };
}

/** Plain greedy over the same lists: evaluate every remaining candidate at every step. */
function plainGreedy(
  index: CellIndex,
  lists: CatchmentLists,
  candidates: CandidateSet,
  base: Float64Array,
  cov0: Float32Array,
  k: number,
) {
  const basePos = byPosition(index, base);
  const covered = byPosition(index, cov0);
  const taken = new Set<number>();
  const stops: { row: number; gain: number }[] = [];
  for (let s = 0; s < k; s++) {
    const gains = gainsOf(lists, candidates.rows, basePos, covered);
    let best = -1;
    for (let i = 0; i < gains.length; i++) {
      if (taken.has(i)) continue;
      if (best < 0 || gains[i]! > gains[best]!) best = i;
    }
    if (best < 0 || !(gains[best]! > 0)) break;
    taken.add(best);
    const row = candidates.rows[best]!;
    for (let e = lists.offsets[row]!; e < lists.offsets[row + 1]!; e++) {
      const w = lists.weights ? lists.weights[e]! : 1;
      covered[lists.positions[e]!] = Math.max(covered[lists.positions[e]!]!, w);
    }
    stops.push({ row, gain: gains[best]! });
  }
  return stops;
}

describe('rankCandidates (property: equals a brute-force reference)', () => {
  it('gives every candidate the underserved demand it would newly reach, sorted, with shares and distances', () => {
    fc.assert(
      fc.property(instance, (x) => {
        const { cells, gaps, index, places, candidates, rule, base } = setUp(x);
        const ranking = rankCandidates(index, base, candidates, x.hubs, rule);
        const cov = refCoverage(cells, gaps, x.hubs, x.rule);
        const residual = [0, 0, 0];
        for (let c = 0; c < cells.count; c++) residual[cells.polygon[c]!]! += base[c]! * (1 - cov[c]!);

        expect([...ranking.rows].sort((a, b) => a - b)).toEqual([...candidates.rows]);
        ranking.rows.forEach((row, j) => {
          const w = refWeights(cells, gaps, places.lat[row]!, places.lon[row]!, x.rule);
          const gain = refGain(w, cov, base);
          expect(ranking.gain[j]).toBeCloseTo(gain, 2);
          const own = refGain(
            w.map((v, c) => (cells.polygon[c] === places.polygon[row] ? v : -1)),
            cov,
            base,
          );
          const left = residual[places.polygon[row]!]!;
          expect(ranking.polygonShare[j]).toBeCloseTo(left > 0 ? Math.min(1, own / left) : 0, 4);
          const nearest = Math.min(
            ...x.hubs.map((h) => refHaversine(places.lat[row]!, places.lon[row]!, h.lat, h.lon)),
          );
          expect(ranking.nearestHubKm[j]).toBeCloseTo(nearest, 9);
          if (j > 0) {
            const prev = ranking.gain[j - 1]!;
            expect(prev > ranking.gain[j]! || (prev === ranking.gain[j] && ranking.rows[j - 1]! < row)).toBe(
              true,
            );
          }
        });
      }),
      { seed: 505, numRuns: 200 },
    );
  });

  it('can ignore the current hubs', () => {
    fc.assert(
      fc.property(instance, (x) => {
        const { cells, gaps, index, places, candidates, rule, base } = setUp(x);
        const ranking = rankCandidates(index, base, candidates, x.hubs, rule, { countCoverage: false });
        ranking.rows.forEach((row, j) => {
          const w = refWeights(cells, gaps, places.lat[row]!, places.lon[row]!, x.rule);
          expect(ranking.gain[j]).toBeCloseTo(refGain(w, new Float64Array(cells.count), base), 2);
        });
      }),
      { seed: 506, numRuns: 50 },
    );
  });
});

describe('planStops', () => {
  it('CELF picks the same stops with the same gains as plain greedy (property)', () => {
    fc.assert(
      fc.property(instance, (x) => {
        const { index, candidates, rule, base } = setUp(x);
        const lists = catchmentLists(index, candidates.places, rule);
        const cov0 = coverageOf(index, x.hubs, rule);
        const plan = planWithLists(index, lists, candidates, base, cov0, x.k, { localSearch: false });
        expect(plan.stops.map((s) => ({ row: s.row, gain: s.gain }))).toEqual(
          plainGreedy(index, lists, candidates, base, cov0, x.k),
        );
        plan.stops.forEach((s, i) => {
          expect(plan.curve[i + 1]! - plan.curve[i]!).toBeCloseTo(s.gain, 6);
          expect(s.cumulative).toBe(plan.curve[i + 1]);
          expect(s.placeId).toBe(100 + s.row);
        });
      }),
      { seed: 507, numRuns: 300 },
    );
  });

  it('breaks ties by the lower candidate (identical places)', () => {
    const cells = table([{ lat: 0, lon: 100, pop: 10, island: 0, polygon: 0 }]);
    const index = createCellIndex(cells, []);
    const places = { id: [7, 8], lat: [0, 0], lon: [100, 100], pop: [1, 1], polygon: [0, 0] };
    const rule = { radiusKm: km(10), sameIslandOnly: true, seaCrossingKm: km(0), decayEdge: 1 };
    const plan = planStops(
      index,
      new Float64Array([10]),
      { places, rows: new Uint32Array([0, 1]) },
      [],
      rule,
      2,
    );
    expect(plan.stops.map((s) => s.placeId)).toEqual([7]); // the twin adds nothing, so planning stops early
  });

  it('reports progress, honours cancellation and validates k', () => {
    const x = fc.sample(instance, { seed: 3, numRuns: 1 })[0]!;
    const { index, candidates, rule, base } = setUp({ ...x, hubs: [] });
    const calls: [number, number][] = [];
    const plan = planStops(index, base, candidates, [], rule, 3, {
      onProgress: (d, t) => calls.push([d, t]),
    });
    expect(calls).toEqual(plan.stops.map((_, i) => [i + 1, 3]));
    expect(() => planStops(index, base, candidates, [], rule, 3, { signal: { aborted: true } })).toThrow(
      CancelledError,
    );
    expect(() => planStops(index, base, candidates, [], rule, 0)).toThrow(RangeError);
    expect(() => planStops(index, base, candidates, [], rule, 31)).toThrow(RangeError);
  });

  it('does not mutate its inputs', () => {
    const x = fc.sample(instance, { seed: 4, numRuns: 1 })[0]!;
    const { index, candidates, rule, base } = setUp(x);
    const cov = coverageOf(index, x.hubs, rule);
    const before = structuredClone({ base, cov, candidates, cells: index.cells });
    planWithLists(index, catchmentLists(index, candidates.places, rule), candidates, base, cov, 5);
    rankCandidates(index, base, candidates, x.hubs, rule);
    expect({ base, cov, candidates, cells: index.cells }).toEqual(before);
  });

  it('marks stops that survive the radius reruns', () => {
    const plan = (ids: number[]): Plan => ({
      stops: ids.map((placeId, row) => ({ row, placeId, gain: 1, cumulative: row + 1 })),
      curve: new Float64Array(ids.length + 1),
      total: 10,
      bound: 10,
      greedyReach: ids.length,
      swaps: 0,
      feasible: true,
      pool: ids.length,
    });
    expect(markRobust(plan([1, 2, 3]), [plan([3, 1]), plan([1, 4, 3])])).toEqual([true, false, true]);
  });
});

describe('candidates and catchment cache', () => {
  const places: PlaceColumns = {
    id: [1, 2, 3, 4],
    lat: [0, 0, 0, 0.005],
    lon: [100, 110, 120, 120],
    pop: [500, 5_000, 50_000, 20_000],
    polygon: [0, 1, 2, 2],
  };
  const isEast = [false, false, true];

  it('filters by region, population, polygon and existing hubs', () => {
    const all = (
      f: Partial<typeof DEFAULT_CANDIDATE_FILTER>,
      hubs = [] as { lat: number; lon: number }[],
    ) => [...selectCandidates(places, { ...DEFAULT_CANDIDATE_FILTER, ...f }, hubs, isEast)];
    expect(all({})).toEqual([0, 1, 2, 3]);
    expect(all({ region: 'east' })).toEqual([2, 3]);
    expect(all({ region: 'west' })).toEqual([0, 1]);
    expect(all({ minPop: 10_000 })).toEqual([2, 3]);
    expect(all({ polygons: [1, 2] })).toEqual([1, 2, 3]);
    // Place 3 is ≈ 0.56 km from a hub at place 2: both count as existing.
    expect(all({}, [{ lat: 0, lon: 120 }])).toEqual([0, 1]);
    expect(all({ excludeExisting: false }, [{ lat: 0, lon: 120 }])).toEqual([0, 1, 2, 3]);
  });

  it('reuses catchment lists per rule and evicts the least recently used', () => {
    const cells = table([{ lat: 0, lon: 100, pop: 1, island: 0, polygon: 0 }]);
    const index = createCellIndex(cells, []);
    const cache = createCatchmentCache(2);
    const rule = { radiusKm: km(50), sameIslandOnly: false, seaCrossingKm: km(10), decayEdge: 1 };
    const a = cache.get(index, places, rule);
    expect(cache.get(index, places, { ...rule })).toBe(a);
    const b = cache.get(index, places, { ...rule, radiusKm: km(60) });
    expect(b).not.toBe(a);
    cache.get(index, places, rule); // touch a
    cache.get(index, places, { ...rule, radiusKm: km(70) }); // evicts b
    expect(cache.size).toBe(2);
    expect(cache.get(index, places, rule)).toBe(a);
    expect(cache.get(index, places, { ...rule, radiusKm: km(60) })).not.toBe(b);
    expect(() =>
      rankCandidates(index, new Float64Array(1), { places, rows: new Uint32Array([0]) }, [], rule, {
        lists: b,
      }),
    ).toThrow(/another rule/);
  });
});
