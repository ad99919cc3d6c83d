/**
 * Interchange local search (Teitz and Bart 1968) for the maximal-covering plan: try every place outside the plan
 * against every removable stop; make a swap as soon as one raises the reach; repeat until a full pass over the
 * pool finds no single swap that helps. Must-include stops are never removed, and a swap is made only when the
 * plan stays within the rules (one per group, share from the set).
 *
 * One pass costs one walk over each outside place's catchment: with, per cell, the best coverage, the stop
 * that gives it ("owner") and the coverage without that stop ("second"),
 *
 *   Δ(out t, in c) = Σ_{p∈c} b max(0, w_c − best) + Σ_{p∈c, owner t} b [max(0, w_c − second) − max(0, w_c − best)]
 *                    − loss(t),   loss(t) = Σ_{p: owner t} b (best − second).
 *
 * Every swap is checked against the exactly recomputed reach and undone unless it really grew, so the local
 * search never lowers the reach, also in floating point.
 */
import type { CancelSignal } from './cancel';
import { throwIfCancelled } from './cancel';
import type { PlanProblem } from './problem';

/** Most swaps (each one raises the reach, so the search ends anyway; this is a safety net). */
const MAX_SWAPS = 10_000;

interface State {
  readonly best: Float64Array;
  readonly second: Float64Array;
  readonly owner: Int32Array;
  readonly loss: Float64Array;
  reach: number;
}

function stateOf(problem: PlanProblem, set: readonly number[]): State {
  const { lists, base, cov0 } = problem;
  const best = cov0.slice();
  const second = cov0.slice();
  const owner = new Int32Array(best.length).fill(-1);
  const { offsets, positions, weights } = lists;
  for (const [t, i] of set.entries()) {
    const row = problem.c.rows[i] ?? 0;
    const end = offsets[row + 1] ?? 0;
    for (let e = offsets[row] ?? 0; e < end; e++) {
      const p = positions[e] ?? 0;
      const w = weights ? (weights[e] ?? 0) : 1;
      if (w > (best[p] ?? 0)) {
        second[p] = best[p] ?? 0;
        best[p] = w;
        owner[p] = t;
      } else if (w > (second[p] ?? 0)) {
        second[p] = w;
      }
    }
  }
  const loss = new Float64Array(set.length);
  let reach = 0;
  for (let p = 0; p < best.length; p++) {
    const b = base[p] ?? 0;
    reach += b * (best[p] ?? 0);
    const t = owner[p] ?? -1;
    if (t >= 0) loss[t] = (loss[t] ?? 0) + b * ((best[p] ?? 0) - (second[p] ?? 0));
  }
  return { best, second, owner, loss, reach };
}

/**
 * Improves a plan by single swaps until none helps.
 *
 * @param problem The planning problem.
 * @param start Pool indices of the starting plan (e.g. CELF's), not mutated.
 * @param signal Checked between candidates; aborting throws a `CancelledError`.
 * @returns The improved set (same size) and the number of swaps made.
 * @example interchange(problem, celf(problem)).set;
 */
export function interchange(
  problem: PlanProblem,
  start: readonly number[],
  signal?: CancelSignal,
): { set: number[]; swaps: number } {
  const { lists, base, c } = problem;
  const { offsets, positions, weights } = lists;
  const set = [...start];
  const m = c.rows.length;
  if (set.length === 0 || set.length >= m) return { set, swaps: 0 };
  const inPlan = new Uint8Array(m);
  for (const i of set) inPlan[i] = 1;
  const groupCount = new Map<number, number>();
  let inSetCount = 0;
  for (const i of set) {
    const g = c.group[i] ?? -1;
    if (g >= 0) groupCount.set(g, (groupCount.get(g) ?? 0) + 1);
    inSetCount += c.inSet[i] ?? 0;
  }
  let state = stateOf(problem, set);
  const extra = new Float64Array(set.length);
  // A swap must beat float noise relative to the reach, not just zero.
  const tolerance = () => 1e-12 * Math.max(1, state.reach);
  let swaps = 0;
  // Walk the pool round and round; stop after m places in a row gave no improving swap (a full pass).
  let sinceSwap = 0;
  for (let ci = 0; sinceSwap < m && swaps < MAX_SWAPS; ci = (ci + 1) % m, sinceSwap++) {
    if ((sinceSwap & 63) === 0) throwIfCancelled(signal);
    if (inPlan[ci]) continue;
    const gc = c.group[ci] ?? -1;
    const row = c.rows[ci] ?? 0;
    const end = offsets[row + 1] ?? 0;
    extra.fill(0);
    let gain = 0;
    for (let e = offsets[row] ?? 0; e < end; e++) {
      const p = positions[e] ?? 0;
      const w = weights ? (weights[e] ?? 0) : 1;
      const bestP = state.best[p] ?? 0;
      const b = base[p] ?? 0;
      const over = w - bestP;
      if (over > 0) gain += b * over;
      const t = state.owner[p] ?? -1;
      if (t >= 0) {
        const overSecond = w - (state.second[p] ?? 0);
        if (overSecond > 0) extra[t] = (extra[t] ?? 0) + b * (overSecond - (over > 0 ? over : 0));
      }
    }
    let bestT = -1;
    let bestDelta = tolerance();
    for (let t = 0; t < set.length; t++) {
      const out = set[t] ?? 0;
      if (c.fixed[out]) continue;
      const go = c.group[out] ?? -1;
      if (gc >= 0 && (groupCount.get(gc) ?? 0) - (go === gc ? 1 : 0) > 0) continue;
      const nextInSet = inSetCount - (c.inSet[out] ?? 0) + (c.inSet[ci] ?? 0);
      if (nextInSet < c.required && nextInSet < inSetCount) continue;
      const delta = gain + (extra[t] ?? 0) - (state.loss[t] ?? 0);
      if (delta > bestDelta) {
        bestDelta = delta;
        bestT = t;
      }
    }
    if (bestT < 0) continue;
    const out = set[bestT] ?? 0;
    set[bestT] = ci;
    const next = stateOf(problem, set);
    if (!(next.reach > state.reach)) {
      set[bestT] = out; // float noise: not a real improvement
      continue;
    }
    state = next;
    inPlan[out] = 0;
    inPlan[ci] = 1;
    const go = c.group[out] ?? -1;
    if (go >= 0) groupCount.set(go, (groupCount.get(go) ?? 0) - 1);
    if (gc >= 0) groupCount.set(gc, (groupCount.get(gc) ?? 0) + 1);
    inSetCount += (c.inSet[ci] ?? 0) - (c.inSet[out] ?? 0);
    swaps++;
    sinceSwap = -1;
  }
  return { set, swaps };
}
