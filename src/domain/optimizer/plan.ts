/**
 * Planning k stops: greedy weighted max-coverage with lazy evaluation (CELF), then an interchange local search
 * (local-search.ts) and a data-dependent upper bound of the best plan (bound.ts).
 *
 * The objective f(S) = Σ_c b[c] × max(cov0[c], max_{s∈S} w_s(c)) is monotone and submodular, so a stale gain is
 * an upper bound of the current one and CELF picks exactly what plain greedy picks. Ties go to the lower
 * candidate position (= lower place row). Floating point keeps the bound: each term max(0, w − cov) × b only
 * shrinks as cov grows and every row is summed in the same order, so recomputed gains never exceed stale ones.
 * Planning stops early when no candidate adds anything.
 */
import type { CatchmentLists, CatchmentRule, CellIndex, HubPoint } from '../catchment';
import { coverageOf } from '../catchment';
import { dataBound } from './bound';
import type { CancelSignal } from './cancel';
import { throwIfCancelled } from './cancel';
import type { PlanConstraints } from './constraints';
import { shrink } from './exact';
import { lagrangian } from './lagrangian';
import { interchange } from './local-search';
import type { PlanProblem } from './problem';
import { addCatchment, isFeasible, planProblem, reachOf } from './problem';
import type { CandidateSet } from './rank';
import { gainOfRow, gainsOf, listsFor } from './rank';

/** Most stops one plan may have. */
export const MAX_STOPS = 30;

export interface PlanStop {
  /** Place row of the stop. */
  readonly row: number;
  /** Place id (`PlaceColumns.id`). */
  readonly placeId: number;
  /** Demand this stop newly reaches given the hubs and the earlier stops. */
  readonly gain: number;
  /** Demand reached by the hubs and the stops so far, this one included. */
  readonly cumulative: number;
}

export interface Plan {
  readonly stops: readonly PlanStop[];
  /** Demand reached before any stop (current hubs), then after each stop: length stops.length + 1. */
  readonly curve: Float64Array;
  /** Σ base demand (to express the curve as a share). */
  readonly total: number;
  /**
   * Upper bound of what the best feasible plan of k stops reaches, hubs included (same unit as `curve`): no plan
   * under these settings reaches more. See bound.ts.
   */
  readonly bound: number;
  /** What the greedy plan (CELF) reached before the local search (NaN when not planned greedily). */
  readonly greedyReach: number;
  /** Swaps the local search made. */
  readonly swaps: number;
  /** The plan satisfies every constraint (false only when no plan of the pool can, e.g. too few set places). */
  readonly feasible: boolean;
  /** Number of places the plan could choose from. */
  readonly pool: number;
}

export interface PlanOptions {
  /** Precomputed catchments of all places for the rule. */
  readonly lists?: CatchmentLists;
  /** Count the current hubs' coverage (default true). */
  readonly countCoverage?: boolean;
  /** Called after each stop. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Checked before each stop; aborting throws a `CancelledError`. */
  readonly signal?: CancelSignal;
  /** Must-include, excluded, one per group, share from a set (default: none). */
  readonly constraints?: PlanConstraints;
  /** Improve the greedy plan by interchange (default true). */
  readonly localSearch?: boolean;
  /**
   * Also run the Lagrangian relaxation for a tighter bound and more starting points of the local search (default
   * true; ignored with decay). The robustness reruns turn it off.
   */
  readonly relaxation?: boolean;
}

/** Max-heap of candidate positions ordered by (bound desc, position asc), on typed arrays. */
function heapBefore(bound: Float64Array, a: number, b: number): boolean {
  const ba = bound[a] ?? 0;
  const bb = bound[b] ?? 0;
  return ba > bb || (ba === bb && a < b);
}

function siftDown(heap: Uint32Array, size: number, bound: Float64Array, start: number): void {
  let i = start;
  const item = heap[i] ?? 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= size) break;
    const r = l + 1;
    let child = l;
    if (r < size && heapBefore(bound, heap[r] ?? 0, heap[l] ?? 0)) child = r;
    const c = heap[child] ?? 0;
    if (!heapBefore(bound, c, item)) break;
    heap[i] = c;
    i = child;
  }
  heap[i] = item;
}

/**
 * Greedy plan with lazy evaluation (CELF) under the constraints: the must-include stops first (in the user's
 * order), then the candidate with the largest marginal gain among those that keep the plan feasible (its group
 * still free; enough slots left for the stops the share rule needs). A candidate that is infeasible once stays
 * infeasible, so it leaves the heap for good.
 *
 * @param problem The planning problem.
 * @param options Progress and cancellation.
 * @returns Pool indices in the order picked.
 * @example celf(planProblem(index, lists, candidates, base, covered, 10));
 */
export function celf(
  problem: PlanProblem,
  options: Pick<PlanOptions, 'onProgress' | 'signal'> = {},
): number[] {
  const { lists, base, c } = problem;
  const { rows, k } = c;
  const covered = problem.cov0.slice();
  const picked: number[] = [];
  const groupUsed = new Set<number>();
  let inSetCount = 0;
  const take = (i: number) => {
    picked.push(i);
    addCatchment(lists, rows[i] ?? 0, covered);
    const g = c.group[i] ?? -1;
    if (g >= 0) groupUsed.add(g);
    inSetCount += c.inSet[i] ?? 0;
    options.onProgress?.(picked.length, k);
  };
  for (const i of c.fixedOrder) take(i);

  const m = rows.length;
  const bound = gainsOf(lists, rows, base, covered);
  const freshAt = new Int32Array(m).fill(picked.length); // plan size at which bound[i] was last computed
  const heap = new Uint32Array(m);
  let size = 0;
  for (let i = 0; i < m; i++) if (!c.fixed[i]) heap[size++] = i;
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(heap, size, bound, i);
  const pop = () => {
    heap[0] = heap[size - 1] ?? 0;
    size--;
    siftDown(heap, size, bound, 0);
  };

  while (picked.length < k && size > 0) {
    throwIfCancelled(options.signal);
    const need = c.required - inSetCount;
    const slotsAfter = k - picked.length - 1;
    // Lazy evaluation: drop infeasible tops, refresh the top until it is fresh for this plan size.
    const top = heap[0] ?? 0;
    const g = c.group[top] ?? -1;
    if ((g >= 0 && groupUsed.has(g)) || (!c.inSet[top] && need > slotsAfter)) {
      pop();
      continue;
    }
    if (freshAt[top] !== picked.length) {
      bound[top] = gainOfRow(lists, rows[top] ?? 0, base, covered);
      freshAt[top] = picked.length;
      siftDown(heap, size, bound, 0);
      continue;
    }
    // Nothing adds anything: stop, unless the share rule still needs stops from the set.
    if (!((bound[top] ?? 0) > 0) && need <= 0) break;
    if (!((bound[top] ?? 0) > 0) && !c.inSet[top]) {
      pop();
      continue;
    }
    pop();
    take(top);
  }
  return picked;
}

/**
 * Orders a set of stops as a visit plan: the must-include stops first in the user's order, then each time the
 * stop that adds most given the hubs and the stops before it (ties: lower pool index). Gains are exact.
 *
 * @param problem The planning problem.
 * @param set Pool indices.
 * @returns The stops with their gains and the cumulative curve.
 * @example sequence(problem, [4, 1, 9]).stops[0].row;
 */
export function sequence(
  problem: PlanProblem,
  set: readonly number[],
): { stops: PlanStop[]; curve: number[] } {
  const { lists, base, c } = problem;
  const places = c.rows;
  const covered = problem.cov0.slice();
  const fixed = c.fixedOrder.filter((i) => set.includes(i));
  const rest = set.filter((i) => !fixed.includes(i)).sort((a, b) => a - b);
  let reached = problem.baseline;
  const stops: PlanStop[] = [];
  const curve = [reached];
  const push = (i: number, gain: number) => {
    const row = places[i] ?? 0;
    addCatchment(lists, row, covered);
    reached += gain;
    stops.push({ row, placeId: problem.places.id[row] ?? NaN, gain, cumulative: reached });
    curve.push(reached);
  };
  for (const i of fixed) push(i, gainOfRow(lists, places[i] ?? 0, base, covered));
  while (rest.length > 0) {
    let best = 0;
    let bestGain = -Infinity;
    for (const [j, i] of rest.entries()) {
      const gain = gainOfRow(lists, places[i] ?? 0, base, covered);
      if (gain > bestGain) {
        bestGain = gain;
        best = j;
      }
    }
    const [i] = rest.splice(best, 1);
    push(i ?? 0, bestGain);
  }
  return { stops, curve };
}

/**
 * Plans up to k stops from precomputed catchments and an initial coverage (not mutated): CELF, then the
 * interchange local search (unless turned off), then the data-dependent upper bound of the best plan.
 *
 * @param index The cell index the lists were built on.
 * @param lists Catchments (CSR) whose rows are place rows.
 * @param candidates Places and candidate rows.
 * @param base Base demand per cell.
 * @param initialCovered Coverage of the current hubs per cell (not mutated).
 * @param k Number of stops, 1..30.
 * @param options Constraints, local search, progress and cancellation.
 * @returns Stops in order with gains, the cumulative curve and the bound.
 * @throws ConstraintError when the constraints cannot be met.
 * @example
 * planWithLists(index, lists, { places, rows }, base, coverageOf(index, hubs, rule), 10).stops;
 */
export function planWithLists(
  index: CellIndex,
  lists: CatchmentLists,
  candidates: CandidateSet,
  base: Float64Array,
  initialCovered: Float32Array,
  k: number,
  options: Pick<PlanOptions, 'onProgress' | 'signal' | 'constraints' | 'localSearch' | 'relaxation'> = {},
): Plan {
  if (!Number.isInteger(k) || k < 1 || k > MAX_STOPS)
    throw new RangeError(`k must be an integer in 1..${MAX_STOPS}`);
  const problem = planProblem(index, lists, candidates, base, initialCovered, k, options.constraints);
  return planProblemStops(problem, options);
}

/**
 * {@link planWithLists} on a prepared problem (the exact solver's worker and the benchmark reuse the problem).
 *
 * @example planProblemStops(problem, { localSearch: true }).bound;
 */
export function planProblemStops(
  problem: PlanProblem,
  options: Pick<PlanOptions, 'onProgress' | 'signal' | 'localSearch' | 'relaxation'> = {},
): Plan {
  const greedy = celf(problem, options);
  const greedyReach = reachOf(problem, greedy);
  throwIfCancelled(options.signal);
  if (options.localSearch === false) return finishPlan(problem, greedy, { greedyReach, swaps: 0 });
  let { set, swaps } = interchange(problem, greedy, options.signal);
  let reach = reachOf(problem, set);
  let bound = Infinity;
  // Without decay: the Lagrangian relaxation gives a tight bound and plans from elsewhere in the search space;
  // the best of them, improved by the same local search, replaces the greedy one when it reaches more.
  if (problem.lists.weights === null && (options.relaxation ?? true)) {
    throwIfCancelled(options.signal);
    const relaxed = lagrangian(problem, shrink(problem, false), { lowerBound: reach });
    bound = relaxed.bound;
    throwIfCancelled(options.signal);
    for (const start of relaxed.plans) {
      const other = interchange(problem, start, options.signal);
      const otherReach = reachOf(problem, other.set);
      if (otherReach > reach && isFeasible(problem, other.set)) {
        set = other.set;
        swaps = other.swaps;
        reach = otherReach;
      }
    }
  }
  return finishPlan(problem, set, { greedyReach, swaps, bound });
}

/**
 * A plan from a chosen set of stops: ordered, with exact gains, feasibility and the data-dependent bound.
 *
 * @example finishPlan(problem, [3, 8], { greedyReach: NaN, swaps: 0 });
 */
export function finishPlan(
  problem: PlanProblem,
  set: readonly number[],
  extra: { readonly greedyReach: number; readonly swaps: number; readonly bound?: number },
): Plan {
  const { stops, curve } = sequence(problem, set);
  const reach = curve[curve.length - 1] ?? problem.baseline;
  return {
    stops,
    curve: Float64Array.from(curve),
    total: problem.total,
    bound: Math.max(
      reach,
      Math.min(extra.bound ?? Infinity, dataBound(problem, []), dataBound(problem, set)),
    ),
    greedyReach: extra.greedyReach,
    swaps: extra.swaps,
    feasible: isFeasible(problem, set),
    pool: problem.c.rows.length,
  };
}

/**
 * Plans up to k new stops that together newly reach the most underserved demand.
 *
 * @param index From `createCellIndex`.
 * @param base Base demand per cell (`buildDemand` with `useCoverage: false`).
 * @param candidates Places and candidate rows.
 * @param hubs Current hubs (their coverage is the starting point unless `countCoverage` is false).
 * @param rule Catchment rule.
 * @param k Number of stops, 1..30.
 * @param options Precomputed catchments, progress, cancellation.
 * @returns The plan.
 * @example
 * const plan = planStops(index, base, { places, rows }, hubs, DEFAULT_CATCHMENT_RULE, 10);
 * plan.stops[0].placeId; plan.curve; // reached demand after 0..10 stops
 */
export function planStops(
  index: CellIndex,
  base: Float64Array,
  candidates: CandidateSet,
  hubs: readonly HubPoint[],
  rule: CatchmentRule,
  k: number,
  options: PlanOptions = {},
): Plan {
  const lists = listsFor(index, candidates, rule, options.lists);
  const covered =
    (options.countCoverage ?? true) ? coverageOf(index, hubs, rule) : new Float32Array(index.cells.count);
  return planWithLists(index, lists, candidates, base, covered, k, options);
}

/** Radius factors of the robustness reruns. */
export const ROBUSTNESS_FACTORS = [0.75, 1.25] as const;

/**
 * Marks which stops of a plan also appear in plans made at other radii.
 *
 * @param plan The main plan.
 * @param reruns Plans at the other radii.
 * @returns One flag per stop: true when its place id is in every rerun.
 * @example
 * markRobust(plan, [smaller, larger]); // [true, true, false, ...]
 */
export function markRobust(plan: Plan, reruns: readonly Plan[]): boolean[] {
  const sets = reruns.map((r) => new Set(r.stops.map((s) => s.placeId)));
  return plan.stops.map((stop) => sets.every((set) => set.has(stop.placeId)));
}
