import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  catchment,
  catchmentLists,
  coverageOf,
  createCellIndex,
  DEFAULT_CATCHMENT_RULE,
  haversineKm,
  islandGapKm,
  nearestCell,
  reachOf,
  validateRule,
} from '../../../src/domain/catchment';
import type { CatchmentRule } from '../../../src/domain/catchment';
import type { IslandGap } from '../../../src/domain/types';
import { km } from '../../../src/domain/types';
import { refCoverage, refHaversine, refHubIsland, refWeights, table } from './reference';

// Cells on the equator, 0.1° (≈ 11.1 km) apart. Islands: 0 = the main land, 1 and 2 offshore, 3 unlisted.
const cells = table([
  { lat: 0, lon: 100.0, pop: 100, island: 0, polygon: 0 }, // 0: hub's own cell
  { lat: 0, lon: 100.1, pop: 200, island: 0, polygon: 0 }, // 1: ≈ 11 km, same island
  { lat: 0, lon: 100.2, pop: 300, island: 1, polygon: 1 }, // 2: ≈ 22 km, gap(0, 1) = 5 km
  { lat: 0, lon: 100.3, pop: 400, island: 2, polygon: 1 }, // 3: ≈ 33 km, gap(0, 2) = 30 km, no gap(1, 2)
  { lat: 0, lon: 101.0, pop: 500, island: 0, polygon: 0 }, // 4: ≈ 111 km, beyond the radius
  { lat: 0.2, lon: 100.0, pop: 600, island: 3, polygon: 2 }, // 5: ≈ 22 km, island 3 has no listed gap
]);
const gaps: IslandGap[] = [
  [0, 1, 5],
  [0, 2, 30],
];
const index = createCellIndex(cells, gaps);
const rule: CatchmentRule = { radiusKm: km(50), sameIslandOnly: false, seaCrossingKm: km(10), decayEdge: 1 };
const hub = { lat: 0, lon: 100.01 };
const ids = (r: CatchmentRule, at = hub) => [...catchment(index, at, r).cells];

describe('catchment rule (hand-built)', () => {
  it('puts the hub on the island of its nearest cell', () => {
    expect(nearestCell(index, hub)).toBe(0);
    expect(catchment(index, { lat: 0, lon: 100.19 }, rule).hubIsland).toBe(1);
  });

  it('includes another island within the sea-crossing limit and excludes one beyond it', () => {
    expect(ids(rule)).toEqual([0, 1, 2]);
  });

  it('includes the farther island once the limit reaches its gap', () => {
    expect(ids({ ...rule, seaCrossingKm: km(30) })).toEqual([0, 1, 2, 3]);
  });

  it('excludes every other island when sameIslandOnly is on', () => {
    expect(ids({ ...rule, sameIslandOnly: true, seaCrossingKm: km(100) })).toEqual([0, 1]);
  });

  it('never reaches an island whose gap is not listed', () => {
    expect(ids({ ...rule, seaCrossingKm: km(Infinity) })).not.toContain(5);
  });

  it('uses only the direct gap (one hop): island 1 does not reach island 2 through island 0', () => {
    expect(ids({ ...rule, seaCrossingKm: km(30) }, { lat: 0, lon: 100.2 })).toEqual([0, 1, 2]);
  });

  it('cuts at the radius', () => {
    expect(ids({ ...rule, radiusKm: km(20) })).toEqual([0, 1]);
    expect(ids({ ...rule, radiusKm: km(200) })).toEqual([0, 1, 2, 4]);
  });

  it('decays linearly from 1 at the hub to decayEdge at the radius', () => {
    const { cells: c, weights } = catchment(index, { lat: 0, lon: 100 }, { ...rule, decayEdge: 0.5 });
    expect([...c]).toEqual([0, 1, 2]);
    expect(weights[0]).toBe(1);
    const d = haversineKm(0, 100, 0, Math.fround(100.1));
    expect(weights[1]).toBeCloseTo(1 - (0.5 * d) / 50, 6);
  });

  it('looks up gaps in both directions', () => {
    expect(islandGapKm(index, 1, 0)).toBe(5);
    expect(islandGapKm(index, 1, 2)).toBe(Infinity);
    expect(islandGapKm(index, 2, 2)).toBe(0);
  });

  it('sums people and weighted demand', () => {
    const demand = new Float64Array([1, 2, 3, 4, 5, 6]);
    expect(reachOf(index, hub, rule, demand)).toEqual({ people: 600, underserved: 6, cells: 3 });
  });

  it('takes the max weight over hubs as coverage', () => {
    const hubs = [
      { lat: 0, lon: 100 },
      { lat: 0, lon: Math.fround(100.1) },
    ];
    const cov = coverageOf(index, hubs, { ...rule, decayEdge: 0 });
    expect(cov[0]).toBe(1);
    expect(cov[1]).toBe(1);
    expect(cov[4]).toBe(0);
  });

  it('rejects unusable rules', () => {
    expect(() => validateRule({ ...rule, decayEdge: 1.5 })).toThrow(RangeError);
    expect(() => validateRule({ ...rule, radiusKm: km(-1) })).toThrow(RangeError);
    expect(() => validateRule({ ...rule, seaCrossingKm: km(NaN) })).toThrow(RangeError);
  });

  it('handles an empty table', () => {
    const empty = createCellIndex(table([]), []);
    expect(nearestCell(empty, hub)).toBe(-1);
    expect(catchment(empty, hub, rule)).toEqual({
      cells: new Uint32Array(0),
      weights: new Float32Array(0),
      hubIsland: -1,
    });
  });

  it('works across the antimeridian', () => {
    const wrap = table([
      { lat: 0, lon: 179.9, pop: 1, island: 0, polygon: 0 },
      { lat: 0, lon: -179.9, pop: 1, island: 0, polygon: 0 },
      { lat: 0, lon: 0, pop: 1, island: 0, polygon: 0 },
    ]);
    expect([...catchment(createCellIndex(wrap, []), { lat: 0, lon: 180 }, rule).cells]).toEqual([0, 1]);
  });

  it('does not mutate its inputs', () => {
    const copy = structuredClone({ cells, gaps });
    const idx = createCellIndex(cells, gaps);
    catchmentLists(idx, { lat: [0, 0.1], lon: [100, 100.2] }, { ...rule, decayEdge: 0.3 });
    coverageOf(idx, [hub], rule);
    expect({ cells, gaps }).toEqual(copy);
  });
});

describe('catchment rule (property: equals a brute-force haversine reference)', () => {
  // Mostly unbiased values (so cells fall near the radius), sometimes fast-check's biased edge values (duplicates,
  // zero radius, one-ulp offsets), which exercise the float-noise band.
  const mixed = (min: number, max: number) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.noBias(fc.double({ min, max, noNaN: true })) },
      { weight: 1, arbitrary: fc.double({ min, max, noNaN: true }) },
    );
  const coord = { lat: mixed(-1, 1), lon: mixed(99, 101) };
  const instance = fc.record({
    cells: fc.array(fc.record({ ...coord, pop: fc.nat(10_000), island: fc.nat(3), polygon: fc.nat(2) }), {
      minLength: 1,
      maxLength: 40,
    }),
    gaps: fc.array(fc.tuple(fc.nat(3), fc.nat(3), fc.double({ min: 0, max: 60, noNaN: true })), {
      maxLength: 6,
    }),
    points: fc.array(fc.record(coord), { minLength: 1, maxLength: 6 }),
    rule: fc.record({
      radiusKm: mixed(0, 150),
      sameIslandOnly: fc.boolean(),
      seaCrossingKm: mixed(0, 60),
      decayEdge: fc.oneof(fc.constant(1), mixed(0, 1)),
    }),
    // Fine buckets make the cap's bounding box matter (coarse ones hide an off-by-a-bit box).
    bucketDeg: fc.constantFrom(undefined, 0.004, 0.02, 0.1),
  });

  it('selects the same cells with the same weights and hub islands', () => {
    fc.assert(
      fc.property(instance, ({ cells: rows, gaps: g, points, rule: r, bucketDeg }) => {
        const t = table(rows);
        const idx = createCellIndex(t, g, bucketDeg === undefined ? {} : { bucketDeg });
        const userRule = { ...r, radiusKm: km(r.radiusKm), seaCrossingKm: km(r.seaCrossingKm) };
        const lists = catchmentLists(
          idx,
          { lat: points.map((p) => p.lat), lon: points.map((p) => p.lon) },
          userRule,
        );
        points.forEach((p, i) => {
          expect(lists.hubIsland[i]).toBe(refHubIsland(t, p.lat, p.lon));
          const ref = refWeights(t, g, p.lat, p.lon, r);
          const got = new Float64Array(t.count).fill(-1);
          for (let k = lists.offsets[i]!; k < lists.offsets[i + 1]!; k++) {
            got[idx.order[lists.positions[k]!]!] = lists.weights ? lists.weights[k]! : 1;
          }
          // Membership (≥ 0) must agree exactly; weights to float32 precision.
          expect([...got].map((w) => w >= 0)).toEqual([...ref].map((w) => w >= 0));
          for (let c = 0; c < t.count; c++) expect(got[c]).toBeCloseTo(ref[c]!, 5);
        });
        const cov = coverageOf(idx, points, userRule);
        const refCov = refCoverage(t, g, points, r);
        for (let c = 0; c < t.count; c++) expect(cov[c]).toBeCloseTo(refCov[c]!, 5);
      }),
      { seed: 20_260_505, numRuns: 300 },
    );
  });

  it('keeps cells just inside the radius in every direction and drops those just outside', () => {
    const destination = (lat: number, lon: number, bearing: number, d: number) => {
      const a = d / 6371.0088;
      const p1 = (lat * Math.PI) / 180;
      const t = (bearing * Math.PI) / 180;
      const p2 = Math.asin(Math.sin(p1) * Math.cos(a) + Math.cos(p1) * Math.sin(a) * Math.cos(t));
      const l2 = Math.atan2(
        Math.sin(t) * Math.sin(a) * Math.cos(p1),
        Math.cos(a) - Math.sin(p1) * Math.sin(p2),
      );
      return {
        lat: (p2 * 180) / Math.PI,
        lon: ((((lon + (l2 * 180) / Math.PI + 540) % 360) + 360) % 360) - 180,
      };
    };
    fc.assert(
      fc.property(
        fc.noBias(fc.double({ min: -80, max: 80, noNaN: true })),
        fc.noBias(fc.double({ min: -180, max: 180, noNaN: true })),
        fc.noBias(fc.double({ min: 5, max: 2000, noNaN: true })),
        fc.constantFrom(0.02, 0.1, 1),
        fc.noBias(fc.double({ min: 0, max: 1, noNaN: true })),
        (lat, lon, radius, bucketFraction, shift) => {
          // Buckets relative to the radius, so that the box edges matter but the grid stays small; a far cell at a
          // random spot shifts the grid origin so bucket edges fall anywhere.
          const bucketDeg = (bucketFraction * radius) / 111;
          const bearings = Array.from({ length: 72 }, (_, i) => i * 5);
          // The points of widest longitude: latitude asin(sin φ0 / cos a), longitude ± asin(sin a / cos φ0).
          const widest = (f: number, side: number) => {
            const a = (radius * f) / 6371.0088;
            const p0 = (lat * Math.PI) / 180;
            const dLon = (Math.asin(Math.sin(a) / Math.cos(p0)) * 180) / Math.PI;
            const wLat = (Math.asin(Math.sin(p0) / Math.cos(a)) * 180) / Math.PI;
            return { lat: wLat, lon: ((((lon + side * dLon + 540) % 360) + 360) % 360) - 180 };
          };
          const rows = [
            ...bearings.flatMap((b) => [0.999, 1.001].map((f) => destination(lat, lon, b, radius * f))),
            ...[-1, 1].flatMap((side) => [0.999, 1.001].map((f) => widest(f, side))),
          ].map((p) => ({ ...p, pop: 1, island: 0, polygon: 0 }));
          const inside = rows.length;
          rows.push({ ...destination(lat, lon, 225, radius * (1.5 + shift)), pop: 1, island: 0, polygon: 0 });
          const idx = createCellIndex(table(rows), [], { bucketDeg });
          const got = new Set(catchment(idx, { lat, lon }, { ...rule, radiusKm: km(radius) }).cells);
          rows.forEach((_, i) => expect(got.has(i)).toBe(i < inside && i % 2 === 0));
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });

  it('agrees with the reference haversine', () => {
    fc.assert(
      fc.property(fc.record(coord), fc.record(coord), (a, b) => {
        expect(haversineKm(a.lat, a.lon, b.lat, b.lon)).toBeCloseTo(
          refHaversine(a.lat, a.lon, b.lat, b.lon),
          9,
        );
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('defaults to a 50 km rule without decay', () => {
    expect(DEFAULT_CATCHMENT_RULE).toEqual({
      radiusKm: 50,
      sameIslandOnly: false,
      seaCrossingKm: 10,
      decayEdge: 1,
    });
  });
});
