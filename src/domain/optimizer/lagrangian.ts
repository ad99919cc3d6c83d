/**
 * Lagrangian relaxation of the maximal-covering problem with subgradient optimisation (Galvão and ReVelle 1996):
 * an upper bound of the best plan close to the linear relaxation's, and good plans on the way, in milliseconds.
 *
 * On the shrunk problem (exact.ts: merged cells g with demand w_g, kept candidates j), relaxing y_g ≤ Σ_{j∋g} x_j
 * with multipliers λ_g ≥ 0 gives
 *
 *   L(λ) = baseline + Σ_g max(0, w_g − λ_g) + max_x Σ_j x_j Σ_{g∈j} λ_g,
 *
 * where the last max runs over plans with at most k stops, the must-include ones, at most one per group (the share
 * rule is dropped: a relaxation, so L(λ) still bounds every feasible plan). That max is the largest per-group
 * scores, best first. Each L(λ) is an upper bound; subgradient steps (Polyak's rule) lower it. Every iteration's
 * x, made feasible (share rule included), is a plan; the best one is kept.
 */
import type { CoverModel } from './exact';
import type { PlanProblem } from './problem';

export interface LagrangianResult {
  /** Smallest L(λ) found: an upper bound of the best plan's reach (hubs included). */
  readonly bound: number;
  /** Best plan seen (pool indices) and its reach. */
  readonly set: number[];
  readonly reach: number;
  /** The best few distinct plans seen (pool indices), best first: starting points for a local search. */
  readonly plans: number[][];
  readonly iterations: number;
}

/** Distinct plans kept as starting points. */
const KEEP = 3;

/**
 * The `count` best positions by score, best first (ties: lower position), by a bounded min-heap.
 *
 * @example topOrder(new Float64Array([1, 5, 3]), 2) // [1, 2]
 */
export function topOrder(score: Float64Array, count: number): Uint32Array {
  const n = score.length;
  const size = Math.min(count, n);
  const heap = new Uint32Array(size); // min-heap: the worst kept item on top
  const worse = (a: number, b: number) => {
    const sa = score[a] ?? 0;
    const sb = score[b] ?? 0;
    return sa < sb || (sa === sb && a > b);
  };
  const down = (len: number, start: number) => {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= len) break;
      const r = l + 1;
      let child = l;
      if (r < len && worse(heap[r] ?? 0, heap[l] ?? 0)) child = r;
      if (!worse(heap[child] ?? 0, heap[i] ?? 0)) break;
      const t = heap[i] ?? 0;
      heap[i] = heap[child] ?? 0;
      heap[child] = t;
      i = child;
    }
  };
  for (let x = 0; x < size; x++) heap[x] = x;
  for (let i = (size >> 1) - 1; i >= 0; i--) down(size, i);
  for (let x = size; x < n; x++) {
    if (size > 0 && worse(heap[0] ?? 0, x)) {
      heap[0] = x;
      down(size, 0);
    }
  }
  return heap.sort((a, b) => (score[b] ?? 0) - (score[a] ?? 0) || a - b);
}

export interface LagrangianOptions {
  /** Most subgradient iterations (default 120). */
  readonly iterations?: number;
  /** A known plan's reach (hubs included), e.g. the greedy plan's, for the step size. */
  readonly lowerBound?: number;
}

/**
 * Runs the subgradient optimisation.
 *
 * @param problem The planning problem.
 * @param model Its shrunk core (`shrink(problem)`).
 * @param options Iterations; a known reach.
 * @returns The bound and the best plan seen.
 * @example const { bound, set } = lagrangian(problem, shrink(problem), { lowerBound: reachOf(problem, greedy) });
 */
export function lagrangian(
  problem: PlanProblem,
  model: CoverModel,
  options: LagrangianOptions = {},
): LagrangianResult {
  const { c } = problem;
  const nx = model.cand.length;
  const ng = model.weight.length;
  const w = model.weight;
  // Candidate → merged cells.
  const candStart = new Uint32Array(nx + 1);
  for (let e = 0; e < model.cellCand.length; e++) candStart[(model.cellCand[e] ?? 0) + 1]!++;
  for (let x = 0; x < nx; x++) candStart[x + 1]! += candStart[x] ?? 0;
  const candCell = new Uint32Array(model.cellCand.length);
  const fill = candStart.slice(0, nx);
  for (let g = 0; g < ng; g++)
    for (let e = model.cellStart[g] ?? 0; e < (model.cellStart[g + 1] ?? 0); e++)
      candCell[fill[model.cellCand[e] ?? 0]!++] = g;

  const pool = (x: number) => model.cand[x] ?? 0;
  const fixed: number[] = [];
  const fixedGroups = new Set<number>();
  for (let x = 0; x < nx; x++) {
    if (!c.fixed[pool(x)]) continue;
    fixed.push(x);
    const g = c.group[pool(x)] ?? -1;
    if (g >= 0) fixedGroups.add(g);
  }
  const free = c.k - fixed.length;

  const covered = new Uint8Array(ng);
  const valueOf = (xs: readonly number[]) => {
    covered.fill(0);
    let sum = problem.baseline;
    for (const x of xs) {
      for (let e = candStart[x] ?? 0; e < (candStart[x + 1] ?? 0); e++) {
        const g = candCell[e] ?? 0;
        if (!covered[g]) {
          covered[g] = 1;
          sum += w[g] ?? 0;
        }
      }
    }
    return sum;
  };

  /** Feasible plan from scores: fixed stops, then best scores first as long as the rules still hold. */
  const feasiblePick = (score: Float64Array, order: Uint32Array) => {
    const picked = [...fixed];
    const groups = new Set(fixedGroups);
    let inSet = 0;
    for (const x of fixed) inSet += c.inSet[pool(x)] ?? 0;
    for (let i = 0; i < order.length && picked.length < c.k; i++) {
      const x = order[i] ?? 0;
      if (c.fixed[pool(x)]) continue;
      const g = c.group[pool(x)] ?? -1;
      if (g >= 0 && groups.has(g)) continue;
      const need = c.required - inSet;
      if (!c.inSet[pool(x)] && need > c.k - picked.length - 1) continue;
      if (!((score[x] ?? 0) > 0) && need <= 0) break;
      picked.push(x);
      if (g >= 0) groups.add(g);
      inSet += c.inSet[pool(x)] ?? 0;
    }
    return picked;
  };

  const kept: { key: string; plan: number[]; reach: number }[] = [];
  const remember = (plan: number[], reach: number) => {
    const key = [...plan].sort((a, b) => a - b).join(',');
    if (kept.some((p) => p.key === key)) return;
    if (kept.length >= KEEP && reach <= (kept[kept.length - 1]?.reach ?? -Infinity)) return;
    kept.push({ key, plan, reach });
    kept.sort((a, b) => b.reach - a.reach);
    if (kept.length > KEEP) kept.pop();
  };
  /** Fixed stops, then per free group its best candidate, best first; null when `order` ran out early. */
  const relaxedPick = (order: Uint32Array): number[] | null => {
    const chosen = [...fixed];
    const used = new Set(fixedGroups);
    for (let i = 0; i < order.length && chosen.length - fixed.length < free; i++) {
      const x = order[i] ?? 0;
      if (c.fixed[pool(x)]) continue;
      const g = c.group[pool(x)] ?? -1;
      if (g >= 0) {
        if (used.has(g)) continue;
        used.add(g);
      }
      chosen.push(x);
    }
    return chosen.length - fixed.length < free && order.length < nx ? null : chosen;
  };
  const lambda = Float64Array.from(w);
  const score = new Float64Array(nx);
  const grad = new Float64Array(ng);
  let bestBound = Infinity;
  let best: number[] = [...fixed];
  let bestReach = valueOf(best);
  let lower = Math.max(bestReach, options.lowerBound ?? -Infinity);
  let mu = 2;
  let sinceBetter = 0;
  const maxIter = options.iterations ?? 120;
  let it = 0;
  for (; it < maxIter; it++) {
    let l = problem.baseline;
    for (let g = 0; g < ng; g++) {
      const r = (w[g] ?? 0) - (lambda[g] ?? 0);
      if (r > 0) l += r;
    }
    for (let x = 0; x < nx; x++) {
      let sum = 0;
      for (let e = candStart[x] ?? 0; e < (candStart[x + 1] ?? 0); e++) sum += lambda[candCell[e] ?? 0] ?? 0;
      score[x] = sum;
    }
    // The relaxed max: fixed stops, then the best score of each free group (or ungrouped place), best first.
    // The best few scores usually suffice; the full order is made only when rules skip too many of them.
    let order = topOrder(score, Math.min(nx, 4 * c.k + 16));
    let chosen = relaxedPick(order);
    if (chosen === null) {
      order = topOrder(score, nx);
      chosen = relaxedPick(order) ?? [...fixed];
    }
    for (const x of chosen) l += score[x] ?? 0;
    if (l < bestBound - 1e-9 * Math.abs(l)) {
      bestBound = l;
      sinceBetter = 0;
    } else if (++sinceBetter >= 7) {
      mu /= 2;
      sinceBetter = 0;
    }
    // A plan from this iteration.
    let plan = feasiblePick(score, order);
    if (plan.length < c.k && order.length < nx) plan = feasiblePick(score, topOrder(score, nx));
    const reach = valueOf(plan);
    remember(plan, reach);
    if (reach > bestReach) {
      bestReach = reach;
      best = plan;
      lower = Math.max(lower, reach);
    }
    if (bestBound - lower <= 1e-9 * Math.max(1, lower) || mu < 1e-3) break;
    // Subgradient: (Σ chosen covering g) − y_g.
    grad.fill(0);
    for (const x of chosen)
      for (let e = candStart[x] ?? 0; e < (candStart[x + 1] ?? 0); e++) grad[candCell[e] ?? 0]! += 1;
    let norm = 0;
    for (let g = 0; g < ng; g++) {
      const y = (w[g] ?? 0) > (lambda[g] ?? 0) ? 1 : 0;
      const s = (grad[g] ?? 0) - y;
      grad[g] = s;
      norm += s * s;
    }
    if (norm === 0) break; // λ is optimal
    const step = (mu * (l - lower)) / norm;
    for (let g = 0; g < ng; g++) {
      const next = (lambda[g] ?? 0) - step * (grad[g] ?? 0);
      lambda[g] = next > 0 ? next : 0;
    }
  }
  return {
    bound: bestBound,
    set: best.map(pool),
    reach: bestReach,
    plans: kept.map((p) => p.plan.map(pool)),
    iterations: it,
  };
}
