/**
 * The exact maximal-covering plan (Church and ReVelle 1974) with HiGHS, after shrinking the problem.
 *
 * Model, for catchments without decay (a cell is reached or not):
 *
 *   maximise  baseline + Σ_g b_g y_g
 *   subject to y_g ≤ Σ_{j covers g} x_j   for every merged cell g
 *              Σ_j x_j ≤ k;  x_j = 1 for must-include stops;  Σ_{j in group} x_j ≤ 1;  Σ_{j in set} x_j ≥ r
 *              x_j ∈ {0, 1},  0 ≤ y_g ≤ 1.
 *
 * Shrinking keeps the optimum: cells the hubs already reach, or no candidate reaches, or with no demand are
 * dropped; cells reached by exactly the same candidates are merged (their demand summed); a candidate whose
 * cells are all reached by another candidate is dropped when that one could always stand in for it (same group
 * under the one-per-group rule; under the share rule only candidates outside the set are dropped); never a
 * must-include stop. Then merging runs again on the smaller candidate set.
 *
 * HiGHS is passed in (loaded by the worker in the browser, from node_modules in node), so this module stays plain
 * TypeScript. Catchments with decay (partial reach) need a larger model and are not solved exactly here.
 */
import type { Highs, HighsCallbackMap, ModelData } from 'highs';
import type { PlanProblem } from './problem';
import { reachOf } from './problem';

/** The catchments have decay: the exact solve handles all-or-nothing catchments only. */
export class ExactUnsupportedError extends Error {
  override readonly name = 'ExactUnsupportedError';
}

export interface ShrinkStats {
  /** Cells with demand the hubs do not reach yet. */
  readonly cells: number;
  /** Of those, cells at least one candidate reaches, after merging identical ones. */
  readonly mergedCells: number;
  /** Places the plan may use. */
  readonly candidates: number;
  /** Of those, left after dropping dominated ones. */
  readonly keptCandidates: number;
}

/** The shrunk maximal-covering problem. */
export interface CoverModel {
  /** Pool index of each kept candidate (column x_j). */
  readonly cand: Uint32Array;
  /** Merged cells (CSR): the kept candidates reaching each, by position in `cand`. */
  readonly cellStart: Uint32Array;
  readonly cellCand: Uint32Array;
  /** Demand of each merged cell. */
  readonly weight: Float64Array;
  /** For each pool index: the pool index that stands in for it (itself when kept). */
  readonly standIn: Int32Array;
  readonly stats: ShrinkStats;
}

/** Two 32-bit hashes of a list: together a 53-bit key that tells lists apart with near certainty. */
function listKey(items: Uint32Array, a: number, b: number): number {
  let h1 = 0x811c9dc5 ^ (b - a);
  let h2 = 0x9e3779b9;
  for (let e = a; e < b; e++) {
    const v = items[e] ?? 0;
    h1 = Math.imul(h1 ^ v, 0x01000193);
    h2 = Math.imul(h2 ^ v, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0) * 0x200000 + (h2 & 0x1fffff);
}

/**
 * Groups lists (CSR) by identical content: the group of each list (-1 for an empty one) and the number of groups.
 * Lists are keyed by a hash and compared item by item within a key, so a hash collision never merges two lists.
 */
function mergeIdentical(
  start: Uint32Array,
  items: Uint32Array,
  count: number,
): { of: Int32Array; groups: number } {
  const of = new Int32Array(count).fill(-1);
  const seen = new Map<number, number[]>(); // key → representatives (list indices)
  let groups = 0;
  const same = (i: number, j: number) => {
    const a = start[i] ?? 0;
    const len = (start[i + 1] ?? 0) - a;
    const b = start[j] ?? 0;
    if ((start[j + 1] ?? 0) - b !== len) return false;
    for (let e = 0; e < len; e++) if (items[a + e] !== items[b + e]) return false;
    return true;
  };
  for (let i = 0; i < count; i++) {
    const a = start[i] ?? 0;
    const b = start[i + 1] ?? 0;
    if (b === a) continue;
    const key = listKey(items, a, b);
    const reps = seen.get(key);
    const rep = reps?.find((r) => same(r, i));
    if (rep !== undefined) {
      of[i] = of[rep] ?? -1;
      continue;
    }
    of[i] = groups++;
    if (reps) reps.push(i);
    else seen.set(key, [i]);
  }
  return { of, groups };
}

/** Transposes a CSR (rows → cols) into cols → rows, rows ascending within each col. */
function transpose(
  start: Uint32Array,
  items: Uint32Array,
  rows: number,
  cols: number,
): { start: Uint32Array; items: Uint32Array } {
  const count = new Uint32Array(cols + 1);
  for (let e = 0; e < items.length; e++) count[(items[e] ?? 0) + 1]!++;
  for (let c = 0; c < cols; c++) count[c + 1]! += count[c] ?? 0;
  const fill = count.slice(0, cols);
  const out = new Uint32Array(items.length);
  for (let r = 0; r < rows; r++) {
    for (let e = start[r] ?? 0; e < (start[r + 1] ?? 0); e++) {
      const c = items[e] ?? 0;
      out[fill[c]!++] = r;
    }
  }
  return { start: count, items: out };
}

/**
 * Shrinks a planning problem to its maximal-covering core.
 *
 * @param problem The planning problem (catchments without decay).
 * @param dominance Also drop dominated candidates (default true; the heuristic skips it for speed).
 * @returns The merged cells, the kept candidates and the sizes before and after.
 * @throws ExactUnsupportedError for catchments with decay.
 * @example shrink(problem).stats; // { cells: 31000, mergedCells: 9000, candidates: 1944, keptCandidates: 1500 }
 */
export function shrink(problem: PlanProblem, dominance = true): CoverModel {
  const { lists, base, cov0, c } = problem;
  if (lists.weights !== null)
    throw new ExactUnsupportedError('the exact solve needs catchments without decay');
  const n = base.length;
  const m = c.rows.length;
  let cells = 0;
  const alive = new Uint8Array(n);
  for (let p = 0; p < n; p++) {
    if ((base[p] ?? 0) > 0 && (cov0[p] ?? 0) < 1) {
      alive[p] = 1;
      cells++;
    }
  }
  // Candidate → alive positions (CSR), in pool order.
  const cStart = new Uint32Array(m + 1);
  for (let j = 0; j < m; j++) {
    const row = c.rows[j] ?? 0;
    let count = 0;
    for (let e = lists.offsets[row] ?? 0; e < (lists.offsets[row + 1] ?? 0); e++)
      count += alive[lists.positions[e] ?? 0] ?? 0;
    cStart[j + 1] = (cStart[j] ?? 0) + count;
  }
  const cItems = new Uint32Array(cStart[m] ?? 0);
  for (let j = 0, at = 0; j < m; j++) {
    const row = c.rows[j] ?? 0;
    for (let e = lists.offsets[row] ?? 0; e < (lists.offsets[row + 1] ?? 0); e++) {
      const p = lists.positions[e] ?? 0;
      if (alive[p]) cItems[at++] = p;
    }
  }
  // Position → candidates, then merge positions with the same candidates.
  const byCell = transpose(cStart, cItems, m, n);
  const merged = mergeIdentical(byCell.start, byCell.items, n);
  const groupWeight = new Float64Array(merged.groups);
  for (let p = 0; p < n; p++) {
    const g = merged.of[p] ?? -1;
    if (g >= 0) groupWeight[g] = (groupWeight[g] ?? 0) + (base[p] ?? 0);
  }
  // Candidate → merged cells (deduplicated, ascending).
  const gStart = new Uint32Array(m + 1);
  const gItems: number[] = [];
  const stamp = new Int32Array(merged.groups).fill(-1);
  for (let j = 0; j < m; j++) {
    const own: number[] = [];
    for (let e = cStart[j] ?? 0; e < (cStart[j + 1] ?? 0); e++) {
      const g = merged.of[cItems[e] ?? 0] ?? -1;
      if (g >= 0 && stamp[g] !== j) {
        stamp[g] = j;
        own.push(g);
      }
    }
    own.sort((a, b) => a - b);
    gItems.push(...own);
    gStart[j + 1] = gItems.length;
  }
  const gByCand = Uint32Array.from(gItems);
  const candByG = transpose(gStart, gByCand, m, merged.groups);

  // Dominance: j goes when some kept i reaches all of j's merged cells and can always stand in for it.
  const shareOn = c.required > 0;
  const canStandIn = (i: number, j: number) =>
    (!c.groupsOn || (c.group[i] ?? -1) === (c.group[j] ?? -1)) && (!shareOn || !c.inSet[j]);
  const standIn = new Int32Array(m);
  for (let j = 0; j < m; j++) standIn[j] = j;
  const mark = new Int32Array(merged.groups).fill(-1);
  for (let j = 0; j < m && dominance; j++) {
    if (c.fixed[j]) continue;
    const a = gStart[j] ?? 0;
    const b = gStart[j + 1] ?? 0;
    if (a === b) {
      if (!(shareOn && c.inSet[j])) standIn[j] = -1; // reaches nothing left: never worth a slot
      continue;
    }
    // The merged cell of j reached by the fewest candidates: any dominating i is among its candidates.
    let pivot = gByCand[a] ?? 0;
    for (let e = a; e < b; e++) {
      const g = gByCand[e] ?? 0;
      const size = (candByG.start[g + 1] ?? 0) - (candByG.start[g] ?? 0);
      if (size < (candByG.start[pivot + 1] ?? 0) - (candByG.start[pivot] ?? 0)) pivot = g;
    }
    for (let e = candByG.start[pivot] ?? 0; e < (candByG.start[pivot + 1] ?? 0); e++) {
      const i = candByG.items[e] ?? 0;
      if (i === j || standIn[i] !== i || !canStandIn(i, j)) continue;
      const size = (gStart[i + 1] ?? 0) - (gStart[i] ?? 0);
      if (size < b - a) continue;
      for (let f = gStart[i] ?? 0; f < (gStart[i + 1] ?? 0); f++) mark[gByCand[f] ?? 0] = i;
      let subset = true;
      for (let f = a; f < b && subset; f++) subset = mark[gByCand[f] ?? 0] === i;
      if (!subset) continue;
      // Identical cells and each could stand in for the other: keep the lower pool index.
      if (size === b - a && canStandIn(j, i) && i > j) continue;
      standIn[j] = i;
      break;
    }
  }
  const kept: number[] = [];
  for (let j = 0; j < m; j++) if (standIn[j] === j) kept.push(j);
  const at = new Int32Array(m).fill(-1);
  kept.forEach((j, x) => (at[j] = x));
  // Follow chains so every dropped candidate points at a kept one (or -1 when it reaches nothing).
  for (let j = 0; j < m; j++) {
    let s = standIn[j] ?? -1;
    while (s >= 0 && standIn[s] !== s) s = standIn[s] ?? -1;
    standIn[j] = s;
  }

  // Merge again: merged cells now reached by the same kept candidates.
  const rStart = new Uint32Array(merged.groups + 1);
  const rItems: number[] = [];
  for (let g = 0; g < merged.groups; g++) {
    for (let e = candByG.start[g] ?? 0; e < (candByG.start[g + 1] ?? 0); e++) {
      const x = at[candByG.items[e] ?? 0] ?? -1;
      if (x >= 0) rItems.push(x);
    }
    rStart[g + 1] = rItems.length;
  }
  const rItemsArr = Uint32Array.from(rItems);
  const again = mergeIdentical(rStart, rItemsArr, merged.groups);
  const weight = new Float64Array(again.groups);
  const first = new Int32Array(again.groups).fill(-1);
  for (let g = 0; g < merged.groups; g++) {
    const h = again.of[g] ?? -1;
    if (h < 0) continue;
    weight[h] = (weight[h] ?? 0) + (groupWeight[g] ?? 0);
    if (first[h] === -1) first[h] = g;
  }
  const cellStart = new Uint32Array(again.groups + 1);
  const cellItems: number[] = [];
  for (let h = 0; h < again.groups; h++) {
    const g = first[h] ?? 0;
    for (let e = rStart[g] ?? 0; e < (rStart[g + 1] ?? 0); e++) cellItems.push(rItemsArr[e] ?? 0);
    cellStart[h + 1] = cellItems.length;
  }
  return {
    cand: Uint32Array.from(kept),
    cellStart,
    cellCand: Uint32Array.from(cellItems),
    weight,
    standIn,
    stats: { cells, mergedCells: again.groups, candidates: m, keptCandidates: kept.length },
  };
}

/**
 * The HiGHS model of a shrunk problem.
 *
 * @param highs The loaded HiGHS runtime (for its constants).
 * @param problem The planning problem.
 * @param model Its shrunk core.
 * @param integer false for the linear relaxation.
 * @returns Model data for `highs.createModel`.
 * @example highs.createModel(coverModelData(highs, problem, shrink(problem), true));
 */
export function coverModelData(
  highs: Highs,
  problem: PlanProblem,
  model: CoverModel,
  integer: boolean,
): ModelData {
  const { c } = problem;
  const nx = model.cand.length;
  const ny = model.weight.length;
  const numCols = nx + ny;
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const row = (cols: readonly number[], coef: readonly number[], lo: number, hi: number) => {
    indices.push(...cols);
    values.push(...coef);
    starts.push(indices.length);
    rowLower.push(lo);
    rowUpper.push(hi);
  };
  for (let g = 0; g < ny; g++) {
    const a = model.cellStart[g] ?? 0;
    const b = model.cellStart[g + 1] ?? 0;
    const cols = [...model.cellCand.subarray(a, b)];
    row([...cols, nx + g], [...cols.map(() => -1), 1], -highs.infinity, 0);
  }
  const all = [...Array(nx).keys()];
  row(
    all,
    all.map(() => 1),
    -highs.infinity,
    c.k,
  );
  if (c.groupsOn) {
    const members = new Map<number, number[]>();
    for (let x = 0; x < nx; x++) {
      const g = c.group[model.cand[x] ?? 0] ?? -1;
      if (g < 0) continue;
      const list = members.get(g) ?? [];
      list.push(x);
      members.set(g, list);
    }
    for (const list of members.values()) {
      if (list.length > 1)
        row(
          list,
          list.map(() => 1),
          -highs.infinity,
          1,
        );
    }
  }
  if (c.required > 0) {
    const set = all.filter((x) => c.inSet[model.cand[x] ?? 0]);
    row(
      set,
      set.map(() => 1),
      c.required,
      highs.infinity,
    );
  }
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(1);
  for (let x = 0; x < nx; x++) if (c.fixed[model.cand[x] ?? 0]) colLower[x] = 1;
  const colCost = new Float64Array(numCols);
  colCost.set(model.weight, nx);
  const integrality = new Int32Array(numCols);
  if (integer) integrality.fill(highs.constants.variableType.integer, 0, nx);
  return {
    numCols,
    numRows: rowLower.length,
    sense: highs.constants.objectiveSense.maximize,
    offset: problem.baseline,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: {
      format: 'csr',
      numRows: rowLower.length,
      numCols,
      starts,
      indices,
      values,
    },
    ...(integer ? { integrality } : {}),
  };
}

export type ExactStatus = 'optimal' | 'time-limit' | 'interrupted' | 'infeasible' | 'failed';

export interface ExactProgress {
  readonly seconds: number;
  /** Reach of the best plan found so far (hubs included), or NaN. */
  readonly reach: number;
  /** Proven upper bound of the best plan's reach so far, or Infinity. */
  readonly bound: number;
  /** Pool indices of a newly found best plan (only when one was found). */
  readonly set?: readonly number[];
}

export interface ExactOutcome {
  readonly status: ExactStatus;
  /** Pool indices of the best plan found (null when none). */
  readonly set: number[] | null;
  /** Reach of `set`, recomputed on the original problem (hubs included). */
  readonly reach: number;
  /** Proven upper bound of the best plan's reach (Infinity when the solve proved nothing). */
  readonly bound: number;
  readonly seconds: number;
  readonly stats: ShrinkStats;
  /** HiGHS's model status code (-1 when HiGHS did not run). */
  readonly modelStatus: number;
}

export interface ExactOptions {
  /** Wall-clock limit of the solve in seconds. */
  readonly timeLimitSec: number;
  /** A plan to start from (pool indices), e.g. the heuristic one. */
  readonly incumbent?: readonly number[];
  /** Called when the solver finds a better plan or raises its bound. */
  readonly onProgress?: (progress: ExactProgress) => void;
  /** Asked at the solver's checkpoints; true stops the solve (status 'interrupted'). */
  readonly shouldStop?: () => boolean;
  /** Relative optimality gap at which the solve stops (default 1e-9: proven optimal up to rounding). */
  readonly relGap?: number;
}

function decode(model: CoverModel, colValue: ArrayLike<number>): number[] {
  const set: number[] = [];
  for (let x = 0; x < model.cand.length; x++) if ((colValue[x] ?? 0) > 0.5) set.push(model.cand[x] ?? 0);
  return set;
}

/** Start vector for HiGHS from a plan in pool indices (dropped candidates replaced by their stand-ins). */
function startVector(problem: PlanProblem, model: CoverModel, plan: readonly number[]): Float64Array {
  const nx = model.cand.length;
  const at = new Map<number, number>();
  model.cand.forEach((j, x) => at.set(j, x));
  const col = new Float64Array(nx + model.weight.length);
  for (const j of plan) {
    const x = at.get(model.standIn[j] ?? -1);
    if (x !== undefined) col[x] = 1;
  }
  for (let g = 0; g < model.weight.length; g++) {
    for (let e = model.cellStart[g] ?? 0; e < (model.cellStart[g + 1] ?? 0); e++) {
      if (col[model.cellCand[e] ?? 0] === 1) {
        col[nx + g] = 1;
        break;
      }
    }
  }
  void problem;
  return col;
}

/**
 * Solves the maximal-covering problem exactly (or as far as the time limit allows).
 *
 * @param highs The loaded HiGHS runtime.
 * @param problem The planning problem (catchments without decay).
 * @param options Time limit, starting plan, progress, stop.
 * @returns The best plan found, its reach, the proven bound and the status.
 * @throws ExactUnsupportedError for catchments with decay.
 * @example
 * const out = solveExact(await loadHighs(), problem, { timeLimitSec: 30, incumbent: heuristicSet });
 * out.status === 'optimal' && out.reach; // the best possible reach
 */
export function solveExact(highs: Highs, problem: PlanProblem, options: ExactOptions): ExactOutcome {
  const t0 = performance.now();
  const model = shrink(problem);
  const stats = model.stats;
  const seconds = () => (performance.now() - t0) / 1000;
  if (model.cand.length === 0) {
    // No candidate reaches anyone not yet reached: every plan reaches the baseline.
    const set = [...problem.c.fixedOrder];
    const reach = reachOf(problem, set);
    return {
      status: 'optimal',
      set,
      reach,
      bound: reach,
      seconds: seconds(),
      stats,
      modelStatus: -1,
    };
  }
  const h = highs.createModel(coverModelData(highs, problem, model, true));
  let best: number[] | null = null;
  let bestReach = -Infinity;
  let bound = Infinity;
  try {
    h.options.set({
      output_flag: false,
      time_limit: Math.max(0.1, options.timeLimitSec - seconds()),
      mip_rel_gap: options.relGap ?? 1e-9,
      mip_abs_gap: 1e-6,
    });
    if (options.incumbent && options.incumbent.length > 0) {
      const start = startVector(problem, model, options.incumbent);
      try {
        h.setSolution({ colValue: start });
      } catch {
        // HiGHS rejected the start (e.g. it breaks a rule): solve without it.
      }
    }
    const report = (data: { mip_dual_bound?: number; mip_primal_bound?: number }, set?: number[]) => {
      const dual = data.mip_dual_bound;
      if (dual !== undefined && Number.isFinite(dual)) bound = Math.min(bound, dual);
      options.onProgress?.({
        seconds: seconds(),
        reach: bestReach,
        bound,
        ...(set ? { set } : {}),
      });
    };
    const callbacks: HighsCallbackMap = {
      [highs.constants.callbackType.mipImprovingSolution](event) {
        const sol = event.data.mip_solution;
        if (!sol) return;
        const set = decode(model, sol);
        const reach = reachOf(problem, set);
        if (reach > bestReach) {
          bestReach = reach;
          best = set;
        }
        report(event.data, set);
      },
      [highs.constants.callbackType.mipInterrupt](event) {
        if (options.shouldStop?.() || seconds() > options.timeLimitSec) event.interrupt();
      },
      [highs.constants.callbackType.mipLogging](event) {
        report(event.data);
      },
    };
    h.run(callbacks);
    const status = h.getModelStatus();
    const codes = highs.constants.modelStatus;
    const dual = Number(h.info.get('mip_dual_bound'));
    if (Number.isFinite(dual)) bound = Math.min(bound, dual);
    const primalStatus = Number(h.info.get('primal_solution_status'));
    if (primalStatus === highs.constants.solutionStatus.feasible) {
      const set = decode(model, h.getSolution().colValue);
      const reach = reachOf(problem, set);
      if (reach > bestReach) {
        bestReach = reach;
        best = set;
      }
    }
    const kind: ExactStatus =
      status === codes.optimal
        ? 'optimal'
        : status === codes.timeLimit
          ? 'time-limit'
          : status === codes.interrupted
            ? seconds() > options.timeLimitSec
              ? 'time-limit'
              : 'interrupted'
            : status === codes.infeasible
              ? 'infeasible'
              : 'failed';
    return {
      status: kind,
      set: best,
      reach: best ? bestReach : NaN,
      bound: Math.max(bound, best ? bestReach : -Infinity),
      seconds: seconds(),
      stats,
      modelStatus: status,
    };
  } finally {
    h.dispose();
  }
}

/**
 * The linear-programming relaxation's optimum: an upper bound of the best plan's reach (y and x may be
 * fractional, so no integer plan does better). Often much tighter than the data-dependent bound.
 *
 * @param highs The loaded HiGHS runtime.
 * @param problem The planning problem (catchments without decay).
 * @param timeLimitSec Limit of the LP solve.
 * @returns The bound, or Infinity when the LP did not finish.
 * @example lpBound(highs, problem) >= solveExact(highs, problem, { timeLimitSec: 60 }).reach;
 */
export function lpBound(highs: Highs, problem: PlanProblem, timeLimitSec = 30): number {
  const model = shrink(problem);
  const h = highs.createModel(coverModelData(highs, problem, model, false));
  try {
    h.options.set({ output_flag: false, time_limit: timeLimitSec });
    h.run();
    if (h.getModelStatus() !== highs.constants.modelStatus.optimal) return Infinity;
    // The LP optimum is exact only up to the solver's tolerances: pad it by them.
    const value = h.getObjectiveValue();
    return value + 1e-6 * Math.max(1, Math.abs(value));
  } finally {
    h.dispose();
  }
}
