/**
 * One planning problem in the form every planner here works on: the catchments, the demand and the current
 * coverage by index position, the pool of places a plan may use and the constraints over that pool.
 *
 * Objective (weighted maximal covering): reach(S) = Σ_p b[p] × max(cov0[p], max_{s∈S} w_s(p)), where cov0 is the
 * coverage of the current hubs. reach(∅) is the baseline; a plan's worth is reach(S) − baseline.
 */
import type { CatchmentLists, CellIndex } from '../catchment';
import { byPosition } from '../catchment';
import type { PlanConstraints, ResolvedConstraints } from './constraints';
import { NO_CONSTRAINTS, resolveConstraints } from './constraints';
import type { PlaceColumns } from './candidates';
import type { CandidateSet } from './rank';

export interface PlanProblem {
  readonly places: PlaceColumns;
  readonly lists: CatchmentLists;
  /** Base demand by index position. */
  readonly base: Float64Array;
  /** Coverage of the current hubs (0..1) by index position. */
  readonly cov0: Float64Array;
  /** Pool, fixed stops, groups, set flags, k. */
  readonly c: ResolvedConstraints;
  /** Σ base. */
  readonly total: number;
  /** reach(∅) = Σ base × cov0. */
  readonly baseline: number;
}

/**
 * Builds a planning problem.
 *
 * @param index The cell index the lists were built on.
 * @param lists Catchments (CSR) whose rows are place rows.
 * @param candidates Places and filtered candidate rows.
 * @param base Base demand per cell.
 * @param initialCovered Coverage of the current hubs per cell.
 * @param k Number of stops.
 * @param constraints The planner's rules (default: none).
 * @returns The problem.
 * @throws ConstraintError when the rules cannot be met.
 * @example
 * const problem = planProblem(index, lists, { places, rows }, base, coverageOf(index, hubs, rule), 10);
 */
export function planProblem(
  index: CellIndex,
  lists: CatchmentLists,
  candidates: CandidateSet,
  base: Float64Array,
  initialCovered: Float32Array,
  k: number,
  constraints: PlanConstraints = NO_CONSTRAINTS,
): PlanProblem {
  const basePos = byPosition(index, base);
  const cov0 = byPosition(index, initialCovered);
  let total = 0;
  let baseline = 0;
  for (let p = 0; p < basePos.length; p++) {
    const b = basePos[p] ?? 0;
    total += b;
    baseline += b * (cov0[p] ?? 0);
  }
  return {
    places: candidates.places,
    lists,
    base: basePos,
    cov0,
    c: resolveConstraints(candidates, constraints, k),
    total,
    baseline,
  };
}

/**
 * Raises `covered` to a place's catchment weights (in place).
 *
 * @example addCatchment(lists, row, covered);
 */
export function addCatchment(lists: CatchmentLists, row: number, covered: Float64Array): void {
  const end = lists.offsets[row + 1] ?? 0;
  for (let e = lists.offsets[row] ?? 0; e < end; e++) {
    const p = lists.positions[e] ?? 0;
    const w = lists.weights ? (lists.weights[e] ?? 0) : 1;
    if (w > (covered[p] ?? 0)) covered[p] = w;
  }
}

/**
 * Coverage after the hubs and the given stops.
 *
 * @param problem The problem.
 * @param stops Pool indices.
 * @returns Coverage by index position (fresh).
 * @example coverageWith(problem, [0, 4]);
 */
export function coverageWith(problem: PlanProblem, stops: readonly number[]): Float64Array {
  const covered = problem.cov0.slice();
  for (const i of stops) addCatchment(problem.lists, problem.c.rows[i] ?? 0, covered);
  return covered;
}

/**
 * reach(S): demand reached by the hubs and the given stops together.
 *
 * @param problem The problem.
 * @param stops Pool indices.
 * @returns Σ base × coverage.
 * @example reachOf(problem, []) === problem.baseline;
 */
export function reachOf(problem: PlanProblem, stops: readonly number[]): number {
  const covered = coverageWith(problem, stops);
  let sum = 0;
  for (let p = 0; p < covered.length; p++) sum += (problem.base[p] ?? 0) * (covered[p] ?? 0);
  return sum;
}

/**
 * Whether a set of pool indices satisfies the constraints (size, fixed stops, one per group, set share).
 *
 * @example isFeasible(problem, [0, 3, 7]);
 */
export function isFeasible(problem: PlanProblem, stops: readonly number[]): boolean {
  const { c } = problem;
  const set = new Set(stops);
  if (set.size !== stops.length || stops.length > c.k) return false;
  for (const i of c.fixedOrder) if (!set.has(i)) return false;
  const groups = new Set<number>();
  let inSet = 0;
  for (const i of stops) {
    const g = c.group[i] ?? -1;
    if (g >= 0) {
      if (groups.has(g)) return false;
      groups.add(g);
    }
    inSet += c.inSet[i] ?? 0;
  }
  return inSet >= c.required;
}
