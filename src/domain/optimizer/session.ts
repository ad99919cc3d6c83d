/**
 * An optimiser session: the cell index, the places and the catchment cache, built once from the data and then
 * asked to rank or plan scenarios. The worker (src/workers/optimizer.worker.ts) and the client's
 * main-thread fallback both run one of these, so both give the same answers.
 */
import type { CatchmentLists, CatchmentRule, CellIndex, HubPoint } from '../catchment';
import { byPosition, coverageOf, createCellIndex, validateRule } from '../catchment';
import type { DemandSettings } from '../demand';
import { buildDemand, describeDemand } from '../demand';
import type { CellTable, IslandGap } from '../types';
import { km } from '../types';
import { createCatchmentCache } from './cache';
import type { CancelSignal } from './cancel';
import { throwIfCancelled } from './cancel';
import type { CandidateFilter, PlaceColumns } from './candidates';
import { selectCandidates } from './candidates';
import type { PlanConstraints } from './constraints';
import type { Plan } from './plan';
import { markRobust, planWithLists, ROBUSTNESS_FACTORS } from './plan';
import type { PlanProblem } from './problem';
import { planProblem } from './problem';
import type { CandidateSet, Ranking } from './rank';
import { rankWithLists } from './rank';

export interface OptimizerData {
  readonly cells: CellTable;
  readonly islandGaps: readonly IslandGap[];
  readonly places: PlaceColumns;
}

/** Everything the user can change that the ranking depends on (user intent only; plain data). */
export interface Scenario {
  readonly rule: CatchmentRule;
  readonly hubs: readonly HubPoint[];
  readonly demand: DemandSettings;
  /** Internet-use fraction per polygon id for the chosen year (null = missing). */
  readonly share: readonly (number | null)[];
  /** MSMEs per resident per polygon id (null = missing); needed when `demand.useMsme`. */
  readonly msmePerResident: readonly (number | null)[] | null;
  readonly filter: CandidateFilter;
  /** Per polygon id: eastern Indonesia or not (for the region filter). */
  readonly isEast: readonly boolean[];
  /** Per polygon id: do its people count (the planned region applies to demand too)? Absent = all count. */
  readonly inRegion?: readonly boolean[];
  /** Per-cell priority weight of the score (3T cells weighted up); null/absent = 1 everywhere. */
  readonly priority?: Float32Array | null;
  /** Per place row: 1 = may be a candidate (host kinds, exclusions); null/absent = every place. */
  readonly allowed?: Uint8Array | null;
  /** The planner's rules for multi-stop plans, by place row (default: none); must-include stops come first. */
  readonly constraints?: PlanConstraints;
}

/** What the UI needs to say about the demand used. */
export interface DemandSummary {
  readonly formula: string;
  readonly missingShareCells: number;
  readonly missingSharePolygons: readonly number[];
  readonly missingMsmeCells: number;
  readonly missingMsmePolygons: readonly number[];
}

export interface RankResult {
  readonly ranking: Ranking;
  readonly demand: DemandSummary;
}

export interface PlanResult {
  readonly plan: Plan;
  /** Headcount (demand `counts`) each stop newly reaches, aligned with `plan.stops`. */
  readonly counts: Float64Array;
  /** Per stop: also planned at radius × 0.75 and × 1.25 (null when robustness was not asked for). */
  readonly robust: readonly boolean[] | null;
  readonly reruns: readonly Plan[];
  readonly demand: DemandSummary;
}

export interface PlanRunOptions {
  /** Also plan at the other radii and mark the stops that stay (default true). */
  readonly robustness?: boolean;
  /** Called after each stop of each run; `total` counts the reruns too. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: CancelSignal;
  /** Awaited between runs so that a worker can read a cancel message; default: no pause. */
  readonly yieldControl?: () => Promise<void>;
}

export interface OptimizerSession {
  readonly index: CellIndex;
  readonly places: PlaceColumns;
  /** Ranks the scenario's candidates. */
  rank(scenario: Scenario): RankResult;
  /** Plans k stops (1..30), optionally with the robustness reruns. */
  plan(scenario: Scenario, k: number, options?: PlanRunOptions): Promise<PlanResult>;
  /** The planning problem of a scenario (for the exact solve and the bound), with its demand summary. */
  problem(scenario: Scenario, k: number): { problem: PlanProblem; demand: DemandSummary };
  /** The headcount each stop of a plan made under `scenario` newly reaches (e.g. an exact plan's). */
  headcounts(scenario: Scenario, plan: Plan): Float64Array;
}

/**
 * Builds the index and caches for a data set.
 *
 * @param data Cells, island gaps and places.
 * @returns A session.
 * @example
 * const session = createOptimizerSession({ cells, islandGaps: meta.islandGaps, places });
 * session.rank(scenario).ranking.rows[0];
 * await session.plan(scenario, 10, { onProgress: (d, t) => console.log(d, t) });
 */
export function createOptimizerSession(data: OptimizerData): OptimizerSession {
  const index = createCellIndex(data.cells, data.islandGaps);
  const places = data.places;
  const cache = createCatchmentCache(4);

  const prepare = (scenario: Scenario) => {
    validateRule(scenario.rule);
    // Coverage is counted by the optimiser (rank.ts), never inside the demand as well.
    const demand = buildDemand(
      data.cells,
      { ...scenario.demand, useCoverage: false },
      {
        share: scenario.share,
        msmePerResident: scenario.msmePerResident,
        inRegion: scenario.inRegion ?? null,
        priority: scenario.priority ?? null,
      },
    );
    const candidates: CandidateSet = {
      places,
      rows: selectCandidates(places, scenario.filter, scenario.hubs, scenario.isEast, scenario.allowed),
    };
    const summary: DemandSummary = {
      formula: describeDemand(scenario.demand),
      missingShareCells: demand.missingShareCells,
      missingSharePolygons: demand.missingSharePolygons,
      missingMsmeCells: demand.missingMsmeCells,
      missingMsmePolygons: demand.missingMsmePolygons,
    };
    return { base: demand.values, counts: demand.counts, candidates, summary };
  };

  const coverage = (scenario: Scenario, rule: CatchmentRule) =>
    scenario.demand.useCoverage ? coverageOf(index, scenario.hubs, rule) : new Float32Array(data.cells.count);

  return {
    index,
    places,
    rank(scenario) {
      const { base, counts, candidates, summary } = prepare(scenario);
      const lists = cache.get(index, places, scenario.rule);
      const ranking = rankWithLists(
        index,
        lists,
        candidates,
        base,
        coverage(scenario, scenario.rule),
        scenario.hubs,
        counts,
      );
      return { ranking, demand: summary };
    },
    async plan(scenario, k, options = {}) {
      const { base, counts, candidates, summary } = prepare(scenario);
      const robustness = options.robustness ?? true;
      const radii = robustness ? [1, ...ROBUSTNESS_FACTORS] : [1];
      const total = k * radii.length;
      const plans: Plan[] = [];
      for (const [run, factor] of radii.entries()) {
        if (run > 0) await options.yieldControl?.();
        throwIfCancelled(options.signal);
        const rule = { ...scenario.rule, radiusKm: km(scenario.rule.radiusKm * factor) };
        const lists = cache.get(index, places, rule);
        const progress = options.onProgress;
        plans.push(
          planWithLists(index, lists, candidates, base, coverage(scenario, rule), k, {
            ...(scenario.constraints ? { constraints: scenario.constraints } : {}),
            // The reruns only mark which stops stay: greedy and swaps suffice there.
            relaxation: run === 0,
            ...(progress ? { onProgress: (done: number) => progress(run * k + done, total) } : {}),
            ...(options.signal ? { signal: options.signal } : {}),
          }),
        );
      }
      const [plan, ...reruns] = plans;
      if (!plan) throw new Error('no plan was made');
      options.onProgress?.(total, total);
      const lists = cache.get(index, places, scenario.rule);
      const headcounts = stopCounts(index, lists, plan, counts, coverage(scenario, scenario.rule));
      return {
        plan,
        counts: headcounts,
        robust: robustness ? markRobust(plan, reruns) : null,
        reruns,
        demand: summary,
      };
    },
    headcounts(scenario, plan) {
      const { counts } = prepare(scenario);
      const lists = cache.get(index, places, scenario.rule);
      return stopCounts(index, lists, plan, counts, coverage(scenario, scenario.rule));
    },
    problem(scenario, k) {
      const { base, candidates, summary } = prepare(scenario);
      const lists = cache.get(index, places, scenario.rule);
      return {
        problem: planProblem(
          index,
          lists,
          candidates,
          base,
          coverage(scenario, scenario.rule),
          k,
          scenario.constraints,
        ),
        demand: summary,
      };
    },
  };
}

/**
 * The headcount each stop of a plan newly reaches, replaying the stops in order over the hubs' coverage (the
 * same arithmetic as the plan's own gains, on the headcount instead of the score).
 */
function stopCounts(
  index: CellIndex,
  lists: CatchmentLists,
  plan: Plan,
  counts: Float64Array,
  initialCovered: Float32Array,
): Float64Array {
  const countPos = byPosition(index, counts);
  const covered = byPosition(index, initialCovered);
  const out = new Float64Array(plan.stops.length);
  plan.stops.forEach((stop, i) => {
    const end = lists.offsets[stop.row + 1] ?? 0;
    let sum = 0;
    for (let e = lists.offsets[stop.row] ?? 0; e < end; e++) {
      const p = lists.positions[e] ?? 0;
      const w = lists.weights ? (lists.weights[e] ?? 0) : 1;
      const g = w - (covered[p] ?? 0);
      if (g > 0) {
        sum += g * (countPos[p] ?? 0);
        covered[p] = w;
      }
    }
    out[i] = sum;
  });
  return out;
}
