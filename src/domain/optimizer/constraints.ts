/**
 * The planner's constraints on a multi-stop plan, honoured alike by the greedy plan (CELF), the interchange local
 * search, the bound and the exact solve.
 *
 * Everything is given by place row (the row of `PlaceColumns`), so one constraints object applies to any
 * candidate filter. Must-include stops join the candidates even when a filter dropped them (the user asked for
 * them by name); excluded places never enter a plan.
 */
import type { CandidateSet } from './rank';

export interface PlanConstraints {
  /** Place rows every plan keeps, in the order the user gave them (they open the plan). */
  readonly mustInclude: readonly number[];
  /** Place rows no plan may use. */
  readonly excluded: readonly number[];
  /**
   * Group of each place row (e.g. its province's polygon id; a negative value = in no group): at most one stop
   * per group. null = no such rule.
   */
  readonly maxOnePerGroup: ArrayLike<number> | null;
  /**
   * At least ⌈share × k⌉ of the k stops must be place rows flagged in `inSet` (e.g. eastern towns). null = no
   * such rule.
   */
  readonly minShareInSet: { readonly inSet: ArrayLike<boolean>; readonly share: number } | null;
}

export const NO_CONSTRAINTS: PlanConstraints = Object.freeze({
  mustInclude: [],
  excluded: [],
  maxOnePerGroup: null,
  minShareInSet: null,
});

export type ConstraintProblem =
  | 'too-many-must-include'
  | 'must-include-excluded'
  | 'must-include-same-group'
  | 'share-unreachable'
  | 'bad-row';

/** The constraints cannot all hold (the message names which); the UI words it from `problem`. */
export class ConstraintError extends Error {
  override readonly name = 'ConstraintError';
  constructor(
    readonly problem: ConstraintProblem,
    message: string,
  ) {
    super(message);
  }
}

/** The constraints turned into flat arrays over the pool of places a plan may use. */
export interface ResolvedConstraints {
  /** Place rows a plan may use, ascending: the filtered candidates plus the must-include ones, minus excluded. */
  readonly rows: Uint32Array;
  /** Per pool index: 1 = must be in the plan. */
  readonly fixed: Uint8Array;
  /** Must-include pool indices in the user's order. */
  readonly fixedOrder: readonly number[];
  /** Per pool index: its group, or -1 (always -1 without the one-per-group rule). */
  readonly group: Int32Array;
  /** Per pool index: 1 = in the set the share rule counts. */
  readonly inSet: Uint8Array;
  /** Fewest stops from the set (0 without the share rule). */
  readonly required: number;
  /** Number of stops asked for. */
  readonly k: number;
  readonly groupsOn: boolean;
}

/**
 * The fewest stops from the set for a share of k stops (a share of 0.3 of 10 stops is 3, of 5 stops 2).
 *
 * @example requiredInSet(0.3, 5) // 2
 */
export function requiredInSet(share: number, k: number): number {
  if (!(share > 0)) return 0;
  return Math.min(k, Math.ceil(Math.min(1, share) * k - 1e-9));
}

/**
 * Resolves constraints against a candidate set and checks that a plan of k stops can satisfy them.
 *
 * @param candidates Places and the filtered candidate rows.
 * @param constraints The planner's rules.
 * @param k Number of stops.
 * @returns The pool and per-pool flags.
 * @throws ConstraintError when the rules contradict each other or cannot be met.
 * @example
 * resolveConstraints({ places, rows }, { ...NO_CONSTRAINTS, mustInclude: [12] }, 10).rows;
 */
export function resolveConstraints(
  candidates: CandidateSet,
  constraints: PlanConstraints,
  k: number,
): ResolvedConstraints {
  const n = candidates.places.lat.length;
  const check = (row: number) => {
    if (!Number.isInteger(row) || row < 0 || row >= n)
      throw new ConstraintError('bad-row', `place row ${row} does not exist`);
  };
  constraints.mustInclude.forEach(check);
  constraints.excluded.forEach(check);
  const must = [...new Set(constraints.mustInclude)];
  const excluded = new Set(constraints.excluded);
  if (must.length > k)
    throw new ConstraintError(
      'too-many-must-include',
      `${must.length} must-include stops do not fit in a plan of ${k}`,
    );
  const clash = must.find((r) => excluded.has(r));
  if (clash !== undefined)
    throw new ConstraintError('must-include-excluded', `place row ${clash} is both required and excluded`);

  const pool = new Set<number>();
  for (const r of candidates.rows) if (!excluded.has(r)) pool.add(r);
  for (const r of must) pool.add(r);
  const rows = Uint32Array.from([...pool].sort((a, b) => a - b));
  const at = new Map<number, number>();
  rows.forEach((r, i) => at.set(r, i));

  const m = rows.length;
  const fixed = new Uint8Array(m);
  const fixedOrder = must.map((r) => at.get(r) ?? -1);
  for (const i of fixedOrder) fixed[i] = 1;
  const group = new Int32Array(m).fill(-1);
  const groups = constraints.maxOnePerGroup;
  if (groups) {
    for (let i = 0; i < m; i++) {
      const g = groups[rows[i] ?? 0] ?? -1;
      group[i] = Number.isInteger(g) && g >= 0 ? g : -1;
    }
    const seen = new Set<number>();
    for (const i of fixedOrder) {
      const g = group[i] ?? -1;
      if (g < 0) continue;
      if (seen.has(g))
        throw new ConstraintError(
          'must-include-same-group',
          `two must-include stops share group ${g} but only one per group is allowed`,
        );
      seen.add(g);
    }
  }
  const inSet = new Uint8Array(m);
  const share = constraints.minShareInSet;
  const required = share ? requiredInSet(share.share, k) : 0;
  if (share) {
    for (let i = 0; i < m; i++) inSet[i] = share.inSet[rows[i] ?? 0] ? 1 : 0;
    // Most set stops a plan can hold: the fixed ones plus one per free group (or each ungrouped one).
    let reachable = 0;
    const usedGroups = new Set<number>();
    for (const i of fixedOrder) {
      if (inSet[i]) reachable++;
      if ((group[i] ?? -1) >= 0) usedGroups.add(group[i] ?? -1);
    }
    let extra = 0;
    for (let i = 0; i < m; i++) {
      if (fixed[i] || !inSet[i]) continue;
      const g = group[i] ?? -1;
      if (g >= 0) {
        if (usedGroups.has(g)) continue;
        usedGroups.add(g);
      }
      extra++;
    }
    reachable += Math.min(extra, k - must.length);
    if (reachable < required)
      throw new ConstraintError(
        'share-unreachable',
        `at most ${reachable} stops can come from the set but ${required} are required`,
      );
  }
  return { rows, fixed, fixedOrder, group, inSet, required, k, groupsOn: groups !== null };
}
