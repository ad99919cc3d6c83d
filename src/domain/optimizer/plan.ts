/**
 * Planning k stops: greedy weighted max-coverage with lazy evaluation (CELF) (issue #5).
 *
 * The objective f(S) = Σ_c b[c] × max(cov0[c], max_{s∈S} w_s(c)) is monotone and submodular, so a stale gain is
 * an upper bound of the current one and CELF picks exactly what plain greedy picks. Ties go to the lower
 * candidate position (= lower place row). Floating point keeps the bound: each term max(0, w − cov) × b only
 * shrinks as cov grows and every row is summed in the same order, so recomputed gains never exceed stale ones.
 * Planning stops early when no candidate adds anything.
 */
import type { CatchmentLists, CatchmentRule, CellIndex, HubPoint } from '../catchment';
import { byPosition, coverageOf } from '../catchment';
import type { CancelSignal } from './cancel';
import { throwIfCancelled } from './cancel';
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
 * Plans up to k stops with CELF from precomputed catchments and an initial coverage (not mutated).
 *
 * @param index The cell index the lists were built on.
 * @param lists Catchments (CSR) whose rows are place rows.
 * @param candidates Places and candidate rows.
 * @param base Base demand per cell.
 * @param initialCovered Coverage of the current hubs per cell (not mutated).
 * @param k Number of stops, 1..30.
 * @param options Progress and cancellation.
 * @returns Stops in order with gains and the cumulative curve.
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
  options: Pick<PlanOptions, 'onProgress' | 'signal'> = {},
): Plan {
  if (!Number.isInteger(k) || k < 1 || k > MAX_STOPS)
    throw new RangeError(`k must be an integer in 1..${MAX_STOPS}`);
  const { rows, places } = candidates;
  // Work by index position (sequential reads); both arrays are fresh copies.
  const basePos = byPosition(index, base);
  const covered = byPosition(index, initialCovered);
  let reached = 0;
  let total = 0;
  for (let p = 0; p < covered.length; p++) {
    const b = basePos[p] ?? 0;
    total += b;
    reached += b * (covered[p] ?? 0);
  }

  const m = rows.length;
  const bound = gainsOf(lists, rows, basePos, covered);
  const freshAt = new Int32Array(m); // stop number at which bound[i] was last computed
  const heap = new Uint32Array(m);
  for (let i = 0; i < m; i++) heap[i] = i;
  let size = m;
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(heap, size, bound, i);

  const stops: PlanStop[] = [];
  const curve = [reached];
  for (let s = 0; s < k && size > 0; s++) {
    throwIfCancelled(options.signal);
    // Lazy evaluation: refresh the top until the top is fresh for this stop.
    for (;;) {
      const top = heap[0] ?? 0;
      if (freshAt[top] === s) break;
      bound[top] = gainOfRow(lists, rows[top] ?? 0, basePos, covered);
      freshAt[top] = s;
      siftDown(heap, size, bound, 0);
    }
    const best = heap[0] ?? 0;
    const gain = bound[best] ?? 0;
    if (!(gain > 0)) break;
    heap[0] = heap[size - 1] ?? 0;
    size--;
    siftDown(heap, size, bound, 0);

    const row = rows[best] ?? 0;
    const end = lists.offsets[row + 1] ?? 0;
    for (let e = lists.offsets[row] ?? 0; e < end; e++) {
      const p = lists.positions[e] ?? 0;
      const w = lists.weights ? (lists.weights[e] ?? 0) : 1;
      if (w > (covered[p] ?? 0)) covered[p] = w;
    }
    reached += gain;
    stops.push({ row, placeId: places.id[row] ?? NaN, gain, cumulative: reached });
    curve.push(reached);
    options.onProgress?.(s + 1, k);
  }
  return { stops, curve: Float64Array.from(curve), total };
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
