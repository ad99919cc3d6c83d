/**
 * The constraints a planning team sets on a multi-stop plan, as the planner shows and links them. The
 * optimiser takes them as `PlanConstraints` (by place row), built by `toPlanConstraints`.
 */
import type { PlanConstraints } from '../optimizer/constraints';

export interface PlannerConstraints {
  /** Place ids that must be stops, in this order. */
  readonly mustInclude: readonly number[];
  /** Place ids that may not be stops. */
  readonly excluded: readonly number[];
  /** At most one stop per province (boundary polygon). */
  readonly maxOnePerGroup: boolean;
  /** Smallest share (0..1) of stops in eastern Indonesia (under the scenario's grouping); 0 = none. */
  readonly minShareInSet: number;
}

export const NO_PLANNER_CONSTRAINTS: PlannerConstraints = Object.freeze({
  mustInclude: [],
  excluded: [],
  maxOnePerGroup: false,
  minShareInSet: 0,
});

/** The columns of the places that the planner's constraints are read against. */
export interface ConstraintPlaces {
  readonly id: ArrayLike<number>;
  readonly polygon: ArrayLike<number>;
}

/**
 * The planner's constraints by place row, as the optimiser takes them: place ids that are not in the places are
 * dropped; "one stop per province" groups places by their province polygon; the eastern share counts places whose
 * polygon is eastern under the scenario's grouping.
 *
 * @param c the planner's constraints (by place id)
 * @param places the places' ids and province polygons
 * @param isEast per polygon id: eastern Indonesia or not
 * @example toPlanConstraints({ ...NO_PLANNER_CONSTRAINTS, maxOnePerGroup: true }, places, isEast).maxOnePerGroup
 */
export function toPlanConstraints(
  c: PlannerConstraints,
  places: ConstraintPlaces,
  isEast: readonly boolean[],
): PlanConstraints {
  const rowOf = new Map<number, number>();
  for (let row = 0; row < places.id.length; row++) rowOf.set(places.id[row]!, row);
  const rows = (ids: readonly number[]) =>
    ids.flatMap((id) => {
      const row = rowOf.get(id);
      return row === undefined ? [] : [row];
    });
  const polygons = Array.from(places.polygon);
  return {
    mustInclude: rows(c.mustInclude),
    excluded: rows(c.excluded),
    maxOnePerGroup: c.maxOnePerGroup ? polygons : null,
    minShareInSet:
      c.minShareInSet > 0
        ? { inSet: polygons.map((p) => isEast[p] === true), share: Math.min(1, c.minShareInSet) }
        : null,
  };
}
