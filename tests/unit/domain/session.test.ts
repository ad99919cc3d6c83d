import { describe, expect, it } from 'vitest';

import { coverageOf, DEFAULT_CATCHMENT_RULE } from '../../../src/domain/catchment';
import { buildDemand, DEFAULT_DEMAND_SETTINGS } from '../../../src/domain/demand';
import { CancelledError } from '../../../src/domain/optimizer/cancel';
import { DEFAULT_CANDIDATE_FILTER } from '../../../src/domain/optimizer/candidates';
import { planStops, rankCandidates } from '../../../src/domain/optimizer';
import type { Scenario } from '../../../src/domain/optimizer/session';
import { createOptimizerSession } from '../../../src/domain/optimizer/session';
import { syntheticInstance } from '../../../src/domain/optimizer/synthetic';
import { km } from '../../../src/domain/types';

const inst = syntheticInstance({ seed: 9, cells: 3_000, places: 120, islands: 12 });
const share = Array.from({ length: 33 }, (_, p) => (p === 5 ? null : 0.4 + p / 100));
const scenario: Scenario = {
  rule: { ...DEFAULT_CATCHMENT_RULE, radiusKm: km(40) },
  hubs: [{ lat: inst.places.lat[0]!, lon: inst.places.lon[0]! }],
  demand: DEFAULT_DEMAND_SETTINGS,
  share,
  msmePerResident: null,
  filter: { ...DEFAULT_CANDIDATE_FILTER, minPop: 1_000 },
  isEast: inst.isEast,
};

describe('optimizer session', () => {
  const session = createOptimizerSession(inst);
  const base = buildDemand(inst.cells, { ...DEFAULT_DEMAND_SETTINGS, useCoverage: false }, { share }).values;

  it('ranks like the domain functions, with the demand summary', () => {
    const { ranking, demand } = session.rank(scenario);
    const rows = Uint32Array.from(
      [...Array(inst.places.lat.length).keys()].filter(
        (i) =>
          inst.places.pop[i]! >= 1_000 &&
          !(
            Math.abs(inst.places.lat[i]! - scenario.hubs[0]!.lat) < 1e-9 &&
            inst.places.lon[i] === scenario.hubs[0]!.lon
          ),
      ),
    );
    const expected = rankCandidates(
      session.index,
      base,
      { places: inst.places, rows },
      scenario.hubs,
      scenario.rule,
    );
    expect([...ranking.rows]).toEqual([...expected.rows]);
    expect([...ranking.gain]).toEqual([...expected.gain]);
    expect(demand.formula).toBe("people × (share offline)^1 × (not yet inside any hub's catchment)");
    expect(demand.missingSharePolygons).toEqual([...new Set(inst.cells.polygon)].filter((p) => p === 5));
  });

  it('plans with robustness reruns at 0.75 and 1.25 times the radius', async () => {
    const progress: number[] = [];
    const result = await session.plan(scenario, 5, {
      onProgress: (done, total) => progress.push(done / total),
    });
    const rows = result.plan.stops.map((s) => s.row);
    const { ranking } = session.rank(scenario);
    const direct = planStops(
      session.index,
      base,
      { places: inst.places, rows: ranking.rows.slice().sort() },
      scenario.hubs,
      scenario.rule,
      5,
    );
    expect(rows).toEqual(direct.stops.map((s) => s.row));
    expect(result.reruns).toHaveLength(2);
    expect(result.robust).toHaveLength(result.plan.stops.length);
    const smaller = { ...scenario.rule, radiusKm: km(30) };
    const rerun = planStops(
      session.index,
      base,
      { places: inst.places, rows: ranking.rows.slice().sort() },
      scenario.hubs,
      smaller,
      5,
    );
    expect(result.reruns[0]!.stops.map((s) => s.row)).toEqual(rerun.stops.map((s) => s.row));
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(coverageOf(session.index, scenario.hubs, smaller).length).toBe(inst.cells.count);
  });

  it('stops when cancelled between runs', async () => {
    const signal = { aborted: false };
    const run = session.plan(scenario, 3, {
      signal,
      yieldControl: () => {
        signal.aborted = true;
        return Promise.resolve();
      },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
  });
});
