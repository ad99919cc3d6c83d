/**
 * Constraints a planning team puts on a multi-stop plan. Plain data, carried in the optimiser's scenario.
 */
export interface PlanConstraints {
  /** Place ids that must be stops, in this order. */
  readonly mustInclude: readonly number[];
  /** Place ids that may not be stops. */
  readonly excluded: readonly number[];
  /** At most one stop per province (boundary polygon). */
  readonly maxOnePerGroup: boolean;
  /** Smallest share (0..1) of stops in eastern Indonesia (under the scenario's grouping); 0 = none. */
  readonly minShareInSet: number;
}

export const NO_CONSTRAINTS: PlanConstraints = Object.freeze({
  mustInclude: [],
  excluded: [],
  maxOnePerGroup: false,
  minShareInSet: 0,
});
