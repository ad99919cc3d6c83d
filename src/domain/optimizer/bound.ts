/**
 * The data-dependent upper bound of the best plan (Nemhauser, Wolsey and Fisher 1978; Leskovec et al. 2007).
 *
 * reach is monotone and submodular, so for any set S and the best feasible plan O:
 *
 *   reach(O) ≤ reach(S ∪ O) ≤ reach(S) + Σ_{j ∈ O∖S} Δ_j(S),
 *
 * where Δ_j(S) is what j adds to S. O∖S holds at most k − |fixed ∩ S| places (O keeps every fixed stop), at most
 * one per group under the one-per-group rule, and none from the group of a fixed stop other than that stop. So
 * the sum of the largest such gains (per group only its largest) bounds every feasible plan. Constraints only
 * shrink the feasible set, so the bound stays valid with them; the share rule is left out (a relaxation).
 */
import type { PlanProblem } from './problem';
import { coverageWith, reachOf } from './problem';
import { gainsOf } from './rank';

/**
 * Upper bound of reach(O) over feasible plans O, from the gains at S.
 *
 * @param problem The planning problem.
 * @param set Pool indices of S (any set; the plan itself gives the tightest bound in practice).
 * @returns An upper bound in the unit of reach (hubs included).
 * @example dataBound(problem, plan) >= reachOf(problem, plan); // always
 */
export function dataBound(problem: PlanProblem, set: readonly number[]): number {
  const { c } = problem;
  const inS = new Uint8Array(c.rows.length);
  for (const i of set) inS[i] = 1;
  const gains = gainsOf(problem.lists, c.rows, problem.base, coverageWith(problem, set));
  const fixedGroups = new Set<number>();
  let fixedInS = 0;
  for (const i of c.fixedOrder) {
    if ((c.group[i] ?? -1) >= 0) fixedGroups.add(c.group[i] ?? -1);
    if (inS[i]) fixedInS++;
  }
  const slots = c.k - fixedInS;
  // Largest gain per group (ungrouped places each stand alone).
  const perGroup = new Map<number, number>();
  const loose: number[] = [];
  for (let i = 0; i < gains.length; i++) {
    if (inS[i]) continue;
    const gain = gains[i] ?? 0;
    if (!(gain > 0)) continue;
    const g = c.group[i] ?? -1;
    if (g < 0) {
      loose.push(gain);
      continue;
    }
    if (fixedGroups.has(g) && !c.fixed[i]) continue;
    perGroup.set(g, Math.max(perGroup.get(g) ?? 0, gain));
  }
  const top = [...loose, ...perGroup.values()].sort((a, b) => b - a).slice(0, Math.max(0, slots));
  let sum = reachOf(problem, set);
  for (const g of top) sum += g;
  return sum;
}
