/**
 * Plans with proof: the local search, the bounds, the exact solve and the constraints, against a brute force over
 * every plan of small random instances (objective from the reference in ./reference.ts, not from src/).
 */
import fc from 'fast-check';
import type { Highs } from 'highs';
import loadHighs from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';

import type { CatchmentRule } from '../../../src/domain/catchment';
import { catchmentLists, coverageOf, createCellIndex } from '../../../src/domain/catchment';
import { dataBound } from '../../../src/domain/optimizer/bound';
import type { PlanConstraints } from '../../../src/domain/optimizer/constraints';
import { ConstraintError, NO_CONSTRAINTS } from '../../../src/domain/optimizer/constraints';
import { lpBound, shrink, solveExact } from '../../../src/domain/optimizer/exact';
import { lagrangian } from '../../../src/domain/optimizer/lagrangian';
import { interchange } from '../../../src/domain/optimizer/local-search';
import { celf, planProblemStops, planWithLists } from '../../../src/domain/optimizer/plan';
import type { PlanProblem } from '../../../src/domain/optimizer/problem';
import { planProblem, reachOf } from '../../../src/domain/optimizer/problem';
import type { IslandGap } from '../../../src/domain/types';
import { km } from '../../../src/domain/types';
import { refCoverage, refWeights, table } from './reference';

const coord = {
  lat: fc.noBias(fc.double({ min: -0.4, max: 0.4, noNaN: true })),
  lon: fc.noBias(fc.double({ min: 100, max: 100.8, noNaN: true })),
};

/** Tiny instances: every plan can be enumerated. */
const instance = (decay: boolean) =>
  fc.record({
    cells: fc.array(fc.record({ ...coord, pop: fc.nat(5_000), island: fc.nat(2), polygon: fc.nat(2) }), {
      minLength: 1,
      maxLength: 30,
    }),
    gaps: fc.array(fc.tuple(fc.nat(2), fc.nat(2), fc.noBias(fc.double({ min: 0, max: 30, noNaN: true }))), {
      maxLength: 4,
    }),
    places: fc.array(fc.record({ ...coord, pop: fc.nat(100_000), polygon: fc.nat(2) }), {
      minLength: 1,
      maxLength: 8,
    }),
    hubs: fc.array(fc.record(coord), { maxLength: 1 }),
    rule: fc.record({
      radiusKm: fc.noBias(fc.double({ min: 5, max: 40, noNaN: true })),
      sameIslandOnly: fc.boolean(),
      seaCrossingKm: fc.noBias(fc.double({ min: 0, max: 30, noNaN: true })),
      decayEdge: decay
        ? fc.oneof(fc.constant(1), fc.noBias(fc.double({ min: 0, max: 1, noNaN: true })))
        : fc.constant(1),
    }),
    k: fc.integer({ min: 1, max: 4 }),
    // Constraints: place rows by a fraction of the place count (so they always name real rows).
    must: fc.array(fc.nat(7), { maxLength: 2 }),
    excluded: fc.array(fc.nat(7), { maxLength: 2 }),
    groups: fc.option(fc.array(fc.nat(2), { minLength: 8, maxLength: 8 })),
    share: fc.option(
      fc.record({
        inSet: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        share: fc.noBias(fc.double({ min: 0, max: 1, noNaN: true })),
      }),
    ),
  });
type Instance = ReturnType<typeof instance> extends fc.Arbitrary<infer T> ? T : never;

function constraintsOf(x: Instance, withRules: boolean): PlanConstraints {
  if (!withRules) return NO_CONSTRAINTS;
  const n = x.places.length;
  const must = [...new Set(x.must.filter((r) => r < n))];
  return {
    mustInclude: must,
    excluded: x.excluded.filter((r) => r < n && !must.includes(r)),
    maxOnePerGroup: x.groups,
    minShareInSet: x.share,
  };
}

interface Setup {
  readonly problem: PlanProblem;
  /** Reference reach of a plan given as place rows. */
  readonly refReach: (rows: readonly number[]) => number;
  /** Reference rule check of a plan given as place rows. */
  readonly allowed: (rows: readonly number[]) => boolean;
  /** Every place row a plan may use. */
  readonly pool: readonly number[];
  readonly constraints: PlanConstraints;
  readonly k: number;
}

/** The problem, or null when the constraints contradict each other (checked against the brute force). */
function setUp(x: Instance, withRules: boolean): Setup | null {
  const cells = table(x.cells);
  const gaps = x.gaps as IslandGap[];
  const index = createCellIndex(cells, gaps);
  const n = x.places.length;
  const places = {
    id: x.places.map((_, i) => 100 + i),
    lat: x.places.map((p) => p.lat),
    lon: x.places.map((p) => p.lon),
    pop: x.places.map((p) => p.pop),
    polygon: x.places.map((p) => p.polygon),
  };
  const rule: CatchmentRule = {
    ...x.rule,
    radiusKm: km(x.rule.radiusKm),
    seaCrossingKm: km(x.rule.seaCrossingKm),
  };
  const base = Float64Array.from(cells.pop, (p, i) => p * (1 + (i % 3) / 2));
  const constraints = constraintsOf(x, withRules);
  // Candidates: every other place, so must-include places from outside the filter also occur.
  const rows = Uint32Array.from([...Array(n).keys()].filter((r) => r % 2 === 0 || n < 3));
  const pool = [...new Set([...rows, ...constraints.mustInclude])]
    .filter((r) => !constraints.excluded.includes(r))
    .sort((a, b) => a - b);
  const cov0 = refCoverage(cells, gaps, x.hubs, x.rule);
  const weights = x.places.map((p) => refWeights(cells, gaps, p.lat, p.lon, x.rule));
  const refReach = (plan: readonly number[]) => {
    let sum = 0;
    for (let c = 0; c < cells.count; c++) {
      let w = cov0[c]!;
      for (const r of plan) w = Math.max(w, weights[r]![c]!);
      sum += base[c]! * w;
    }
    return sum;
  };
  const allowed = (plan: readonly number[]) => {
    if (plan.length > x.k || new Set(plan).size !== plan.length) return false;
    if (!plan.every((r) => pool.includes(r))) return false;
    if (!constraints.mustInclude.every((r) => plan.includes(r))) return false;
    const groups = constraints.maxOnePerGroup;
    if (groups && new Set(plan.map((r) => groups[r])).size !== plan.length) return false;
    const share = constraints.minShareInSet;
    if (share && share.share > 0) {
      const needed = Math.ceil(share.share * x.k - 1e-9);
      if (plan.filter((r) => share.inSet[r]).length < needed) return false;
    }
    return true;
  };
  try {
    const problem = planProblem(
      index,
      catchmentLists(index, places, rule),
      { places, rows },
      base,
      coverageOf(index, x.hubs, rule),
      x.k,
      constraints,
    );
    return { problem, refReach, allowed, pool, constraints, k: x.k };
  } catch (error) {
    if (!(error instanceof ConstraintError)) throw error;
    // A refusal must be right: no plan satisfies the rules.
    expect(best({ refReach, allowed, pool, k: x.k }).rows).toBeNull();
    return null;
  }
}

/** Brute force: the best allowed plan of at most k stops (null when none is allowed). */
function best(s: Pick<Setup, 'refReach' | 'allowed' | 'pool' | 'k'>): {
  rows: number[] | null;
  reach: number;
} {
  let top: number[] | null = null;
  let reach = -Infinity;
  const pool = s.pool;
  for (let mask = 0; mask < 1 << pool.length; mask++) {
    const plan = pool.filter((_, i) => mask & (1 << i));
    if (plan.length > s.k || !s.allowed(plan)) continue;
    const r = s.refReach(plan);
    if (r > reach) {
      reach = r;
      top = plan;
    }
  }
  return { rows: top, reach };
}

const rowsOf = (problem: PlanProblem, set: readonly number[]) => set.map((i) => problem.c.rows[i]!);
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

describe('interchange local search', () => {
  it('never lowers the reach, keeps the rules and the must-include stops, and ends at a swap optimum', () => {
    fc.assert(
      fc.property(instance(true), fc.boolean(), fc.array(fc.nat(7), { maxLength: 4 }), (x, rules, start) => {
        const s = setUp(x, rules);
        if (!s) return;
        const { problem } = s;
        // From CELF's plan and from an arbitrary allowed plan.
        const arbitrary = [...new Set(start.map((i) => i % problem.c.rows.length))];
        for (const from of [celf(problem), arbitrary]) {
          if (!s.allowed(rowsOf(problem, from))) continue;
          const before = s.refReach(rowsOf(problem, from));
          const out = interchange(problem, from);
          const plan = rowsOf(problem, out.set);
          expect(s.refReach(plan)).toBeGreaterThanOrEqual(before - 1e-9 * Math.max(1, before));
          expect(s.allowed(plan)).toBe(true);
          for (const r of s.constraints.mustInclude) expect(plan).toContain(r);
          // No single allowed swap still improves by more than rounding.
          const now = s.refReach(plan);
          for (let t = 0; t < plan.length; t++) {
            for (const r of s.pool) {
              if (plan.includes(r)) continue;
              const swapped = plan.map((p, i) => (i === t ? r : p));
              if (s.allowed(swapped))
                expect(s.refReach(swapped)).toBeLessThanOrEqual(now * (1 + 1e-9) + 1e-9);
            }
          }
        }
      }),
      { seed: 1601, numRuns: 150 },
    );
  }, 60_000);
});

describe('plans and bounds against brute force', () => {
  it('the plan keeps the rules, and no bound is below the best plan', () => {
    fc.assert(
      fc.property(instance(true), fc.boolean(), (x, rules) => {
        const s = setUp(x, rules);
        if (!s) return;
        const { problem } = s;
        const opt = best(s);
        const plan = planProblemStops(problem);
        const rows = plan.stops.map((stop) => stop.row);
        for (const r of s.constraints.mustInclude) expect(rows).toContain(r);
        expect(rows.slice(0, s.constraints.mustInclude.length)).toEqual([...s.constraints.mustInclude]);
        if (plan.feasible) expect(s.allowed(rows)).toBe(true);
        expect(close(plan.curve[plan.curve.length - 1]!, s.refReach(rows))).toBe(true);
        if (opt.rows === null) return;
        // Catchment weights are float32: the reference (doubles) may differ in the 7th digit.
        const slack = 1e-6 * Math.max(1, opt.reach);
        expect(plan.bound).toBeGreaterThanOrEqual(opt.reach - slack);
        for (const at of [[], celf(problem)])
          expect(dataBound(problem, at)).toBeGreaterThanOrEqual(opt.reach - slack);
        if (problem.lists.weights === null) {
          const model = shrink(problem);
          expect(lagrangian(problem, model).bound).toBeGreaterThanOrEqual(opt.reach - slack);
          expect(lpBound(highs, problem)).toBeGreaterThanOrEqual(opt.reach - slack);
        }
      }),
      { seed: 1602, numRuns: 200 },
    );
  }, 120_000);

  it('the exact solve equals the brute force, with and without rules', () => {
    fc.assert(
      fc.property(instance(false), fc.boolean(), (x, rules) => {
        const s = setUp(x, rules);
        if (!s) return;
        const { problem } = s;
        const opt = best(s);
        const out = solveExact(highs, problem, { timeLimitSec: 10, incumbent: celf(problem) });
        if (opt.rows === null) {
          expect(out.status).toBe('infeasible');
          return;
        }
        expect(out.status).toBe('optimal');
        const rows = rowsOf(problem, out.set ?? []);
        expect(s.allowed(rows)).toBe(true);
        expect(close(s.refReach(rows), opt.reach)).toBe(true);
        expect(close(out.reach, opt.reach)).toBe(true);
        expect(out.bound).toBeGreaterThanOrEqual(opt.reach - 1e-6 * Math.max(1, opt.reach));
        expect(out.stats.keptCandidates).toBeLessThanOrEqual(out.stats.candidates);
      }),
      { seed: 1603, numRuns: 150 },
    );
  }, 120_000);
});

describe('constraints', () => {
  it('must-include stops open the plan, excluded places never appear, one stop per group', () => {
    const x = fc.sample(instance(false), { seed: 9, numRuns: 1 })[0]!;
    const places = Array.from({ length: 6 }, (_, i) => ({ lat: 0, lon: 100 + i * 0.1, pop: 1, polygon: 0 }));
    const cells = Array.from({ length: 12 }, (_, i) => ({
      lat: 0,
      lon: 100 + i * 0.05,
      pop: 100 + i,
      island: 0,
      polygon: 0,
    }));
    const s = setUp(
      {
        ...x,
        cells,
        places,
        hubs: [],
        gaps: [],
        k: 3,
        rule: { radiusKm: 8, sameIslandOnly: true, seaCrossingKm: 0, decayEdge: 1 },
        must: [5],
        excluded: [4],
        groups: [0, 0, 1, 1, 2, 2, 0, 0],
        share: null,
      },
      true,
    )!;
    const rows = planProblemStops(s.problem).stops.map((stop) => stop.row);
    expect(rows[0]).toBe(5);
    expect(rows).not.toContain(4);
    expect(new Set(rows.map((r) => [0, 0, 1, 1, 2, 2][r])).size).toBe(rows.length);
  });

  it('refuses must-include stops that cannot all fit', () => {
    const cells = table([{ lat: 0, lon: 100, pop: 1, island: 0, polygon: 0 }]);
    const index = createCellIndex(cells, []);
    const places = { id: [1, 2], lat: [0, 0], lon: [100, 100.1], pop: [1, 1], polygon: [0, 0] };
    const rule = { radiusKm: km(10), sameIslandOnly: false, seaCrossingKm: km(0), decayEdge: 1 };
    const lists = catchmentLists(index, places, rule);
    const run = (constraints: PlanConstraints) =>
      planWithLists(
        index,
        lists,
        { places, rows: new Uint32Array([0, 1]) },
        new Float64Array([1]),
        new Float32Array(1),
        1,
        {
          constraints,
        },
      );
    expect(() => run({ ...NO_CONSTRAINTS, mustInclude: [0, 1] })).toThrow(ConstraintError);
    expect(() => run({ ...NO_CONSTRAINTS, mustInclude: [0], excluded: [0] })).toThrow(ConstraintError);
    expect(
      reachOf(
        planProblem(
          index,
          lists,
          { places, rows: new Uint32Array([0]) },
          new Float64Array([1]),
          new Float32Array(1),
          1,
        ),
        [0],
      ),
    ).toBe(1);
  });
});
