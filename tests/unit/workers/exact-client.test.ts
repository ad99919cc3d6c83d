import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';

import { DEFAULT_CATCHMENT_RULE } from '../../../src/domain/catchment';
import { DEFAULT_DEMAND_SETTINGS } from '../../../src/domain/demand';
import { DEFAULT_CANDIDATE_FILTER } from '../../../src/domain/optimizer/candidates';
import type { Scenario } from '../../../src/domain/optimizer/session';
import { createOptimizerSession } from '../../../src/domain/optimizer/session';
import { syntheticInstance } from '../../../src/domain/optimizer/synthetic';
import { CancelledError, WorkerCrashedError } from '../../../src/workers/client';
import type { ExactWorkerLike } from '../../../src/workers/exact-client';
import { createExactClient, ExactError } from '../../../src/workers/exact-client';
import type { ExactRequest, ExactResponse } from '../../../src/workers/exact-protocol';
import { createExactHandler } from '../../../src/workers/exact-protocol';

const inst = syntheticInstance({ seed: 4, cells: 1_500, places: 40, islands: 6 });
const data = { cells: inst.cells, islandGaps: inst.islandGaps, places: inst.places };
const scenario: Scenario = {
  rule: DEFAULT_CATCHMENT_RULE,
  hubs: [],
  demand: DEFAULT_DEMAND_SETTINGS,
  share: new Array<number>(33).fill(0.6),
  msmePerResident: null,
  filter: DEFAULT_CANDIDATE_FILTER,
  isEast: inst.isEast,
};
const source = { key: data, data: () => data };

/** The protocol handler run in-process (HiGHS from node_modules), behind the worker interface. */
function inProcess(): { create: () => ExactWorkerLike; spawned: () => number; crash: () => void } {
  let count = 0;
  let current: ExactWorkerLike | null = null;
  return {
    spawned: () => count,
    crash: () => current?.onerror?.({ message: 'out of memory' }),
    create: () => {
      count++;
      let alive = true;
      const w: ExactWorkerLike = {
        onmessage: null,
        onerror: null,
        postMessage: (message: ExactRequest) => {
          setTimeout(() => void (alive ? handle(message) : undefined), 0);
        },
        terminate: () => {
          alive = false;
        },
      };
      const handle = createExactHandler(
        (m: ExactResponse) => {
          if (alive) w.onmessage?.({ data: m });
        },
        () => loadHighs(),
      );
      current = w;
      return w;
    },
  };
}

describe('exact solver client and protocol', () => {
  it('gives the app plan with its bound, then the proven best plan', async () => {
    const env = inProcess();
    const client = createExactClient({ createWorker: env.create });
    const k = 4;
    const bound = await client.bound(source, scenario, k);
    const app = await createOptimizerSession(data).plan(scenario, k, { robustness: false });
    // Same code as the plan the app shows.
    expect(bound.stops).toEqual(app.plan.stops.map((s) => s.row));
    expect(bound.reach).toBe(app.plan.curve[app.plan.curve.length - 1]);
    expect(bound.bound).toBeGreaterThanOrEqual(bound.reach);

    const answer = await client.solve(source, scenario, k, { timeLimitSec: 20, incumbent: bound.stops });
    expect(answer.status).toBe('optimal');
    expect(answer.reach).toBeGreaterThanOrEqual(bound.reach - 1e-6 * bound.reach);
    expect(answer.reach).toBeLessThanOrEqual(bound.bound * (1 + 1e-9));
    expect(answer.result?.plan.stops.length).toBeLessThanOrEqual(k);
    expect(answer.stats.keptCandidates).toBeLessThanOrEqual(answer.stats.candidates);
    expect(env.spawned()).toBe(1);
    client.dispose();
  }, 60_000);

  it('says why it cannot solve catchments with decay, and keeps working', async () => {
    const client = createExactClient({ createWorker: inProcess().create });
    const decay = { ...scenario, rule: { ...DEFAULT_CATCHMENT_RULE, decayEdge: 0.5 } };
    const error = await client
      .solve(source, decay, 3, { timeLimitSec: 5, incumbent: [] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExactError);
    expect((error as ExactError).code).toBe('unsupported');
    expect((await client.bound(source, decay, 3)).stops.length).toBeGreaterThan(0);
    client.dispose();
  }, 60_000);

  it('cancel and a crash reject the pending call; the next call starts a fresh worker', async () => {
    const env = inProcess();
    const client = createExactClient({ createWorker: env.create });
    const first = client.bound(source, scenario, 3);
    client.cancel();
    await expect(first).rejects.toBeInstanceOf(CancelledError);
    const second = client.bound(source, scenario, 3);
    env.crash();
    await expect(second).rejects.toBeInstanceOf(WorkerCrashedError);
    expect((await client.bound(source, scenario, 3)).stops.length).toBeGreaterThan(0);
    expect(env.spawned()).toBe(3);
    client.dispose();
  }, 60_000);
});
