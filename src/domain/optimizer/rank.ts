/**
 * Ranking of candidate stops by the underserved demand each would newly reach.
 *
 * Objective (weighted max-coverage). With base demand b[c] (demand.ts with the coverage factor OFF) and the
 * current coverage cov[c] = max over current hubs of their reach weight at c (0 or 1 without decay):
 *
 *   newlyReached(candidate) = Σ_c max(0, w_candidate(c) − cov[c]) × b[c]
 *
 * i.e. the increase of Σ_c b[c] × cov[c] if the candidate became a hub. Coverage is handled here and never
 * also inside the demand, so nothing is discounted twice.
 *
 * Units: b is the priority score (demand.ts `values`). The same sum over the headcount (demand.ts `counts`, e.g.
 * offline residents) is reported beside it as `count`, so a table never shows a score as people.
 */
import type { CatchmentLists, CatchmentRule, CellIndex, HubPoint } from '../catchment';
import { byPosition, catchmentLists, coverageOf } from '../catchment';
import { ruleKey } from './cache';
import type { PlaceColumns } from './candidates';
import { nearestHubKm } from './candidates';

/** The places the optimiser may pick from (`rows` index into `places`, ascending). */
export interface CandidateSet {
  readonly places: PlaceColumns;
  readonly rows: Uint32Array;
}

export interface Ranking {
  /** Candidate place rows, best first; equal gains keep the lower row first. */
  readonly rows: Uint32Array;
  /** Newly reached demand (priority score) of each ranked row (aligned with `rows`). */
  readonly gain: Float64Array;
  /** The same for the headcount (offline residents or MSMEs), aligned with `rows`; equals `gain` without counts. */
  readonly count: Float64Array;
  /**
   * Share of the candidate's polygon's still-underserved demand (Σ b × (1 − cov) over the polygon's cells) that
   * it would newly reach inside that polygon; 0 when the polygon has none left.
   */
  readonly polygonShare: Float64Array;
  /** Great-circle distance to the nearest current hub in km (Infinity without hubs). */
  readonly nearestHubKm: Float64Array;
  /** Σ b × cov: demand already reached by the current hubs. */
  readonly reached: number;
  /** Σ b: all demand. */
  readonly total: number;
}

export interface RankOptions {
  /** Precomputed catchments of all places for this rule (see `createCatchmentCache`). */
  readonly lists?: CatchmentLists;
  /** Count the current hubs' coverage (default true); false ranks as if no one were covered yet. */
  readonly countCoverage?: boolean;
}

/**
 * Newly reached demand of each listed row given a coverage state. Hot loop: flat arrays only. The per-cell
 * arrays are in index-position order (`byPosition`), like the catchment entries, so reads are sequential.
 *
 * @param lists Catchments (CSR) whose rows are place rows.
 * @param rows Which rows to evaluate.
 * @param base Base demand by index position.
 * @param covered Current coverage (0..1) by index position.
 * @returns A new Float64Array aligned with `rows`.
 * @example
 * const g = gainsOf(lists, rows, byPosition(index, base), byPosition(index, coverageOf(index, hubs, rule)));
 */
export function gainsOf(
  lists: CatchmentLists,
  rows: Uint32Array,
  base: Float64Array,
  covered: Float64Array,
): Float64Array {
  const { offsets, positions, weights } = lists;
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] ?? 0;
    const end = offsets[r + 1] ?? 0;
    let sum = 0;
    for (let k = offsets[r] ?? 0; k < end; k++) {
      const p = positions[k] ?? 0;
      const g = (weights === null ? 1 : (weights[k] ?? 0)) - (covered[p] ?? 0);
      if (g > 0) sum += g * (base[p] ?? 0);
    }
    out[i] = sum;
  }
  return out;
}

/**
 * Marginal gain of one row (same arithmetic, same summation order as {@link gainsOf}).
 *
 * @param lists Catchments (CSR).
 * @param row The row.
 * @param base Base demand by index position.
 * @param covered Current coverage by index position.
 * @returns Newly reached demand.
 * @example
 * gainOfRow(lists, 12, basePos, coveredPos);
 */
export function gainOfRow(
  lists: CatchmentLists,
  row: number,
  base: Float64Array,
  covered: Float64Array,
): number {
  const { offsets, positions, weights } = lists;
  const end = offsets[row + 1] ?? 0;
  let sum = 0;
  for (let k = offsets[row] ?? 0; k < end; k++) {
    const p = positions[k] ?? 0;
    const g = (weights === null ? 1 : (weights[k] ?? 0)) - (covered[p] ?? 0);
    if (g > 0) sum += g * (base[p] ?? 0);
  }
  return sum;
}

/**
 * Positions 0..n-1 ordered by value descending, ties by position ascending.
 *
 * @param values Scores.
 * @returns A new Uint32Array of positions.
 * @example
 * orderByDescending(new Float64Array([1, 3, 3])); // [1, 2, 0]
 */
export function orderByDescending(values: Float64Array): Uint32Array {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0) || a - b);
}

/**
 * Ranks candidates with precomputed catchments and a given coverage state.
 *
 * @param index The cell index (for cell polygons).
 * @param lists Catchments of all places for the rule.
 * @param candidates Places and the candidate rows.
 * @param base Base demand per cell.
 * @param covered Coverage of the current hubs per cell.
 * @param hubs Current hubs (for the distance column).
 * @param counts Headcount per cell (demand.ts `counts`); default: the same as `base`.
 * @returns The ranking.
 * @example
 * rankWithLists(index, lists, { places, rows }, base, covered, hubs).rows[0]; // best place row
 */
export function rankWithLists(
  index: CellIndex,
  lists: CatchmentLists,
  candidates: CandidateSet,
  base: Float64Array,
  covered: Float32Array,
  hubs: readonly HubPoint[],
  counts?: Float64Array,
): Ranking {
  const { places, rows } = candidates;
  if (lists.count !== places.lat.length) {
    throw new RangeError(`lists have ${lists.count} rows but there are ${places.lat.length} places`);
  }
  const polygonAt = index.polygonAt;
  const basePos = byPosition(index, base);
  const coveredPos = byPosition(index, covered);
  const countPos = counts ? byPosition(index, counts) : basePos;
  const n = basePos.length;

  const residual = new Float64Array(256);
  let total = 0;
  let reached = 0;
  for (let p = 0; p < n; p++) {
    const b = basePos[p] ?? 0;
    const cov = coveredPos[p] ?? 0;
    total += b;
    reached += b * cov;
    const polygon = polygonAt[p] ?? 0;
    residual[polygon] = (residual[polygon] ?? 0) + b * (1 - cov);
  }

  const { offsets, positions, weights } = lists;
  const gains = new Float64Array(rows.length);
  const heads = new Float64Array(rows.length);
  const inPolygon = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] ?? 0;
    const polygon = places.polygon[r] ?? -1;
    const end = offsets[r + 1] ?? 0;
    let sum = 0;
    let own = 0;
    let head = 0;
    for (let k = offsets[r] ?? 0; k < end; k++) {
      const p = positions[k] ?? 0;
      const g = (weights === null ? 1 : (weights[k] ?? 0)) - (coveredPos[p] ?? 0);
      if (g > 0) {
        const v = g * (basePos[p] ?? 0);
        sum += v;
        head += g * (countPos[p] ?? 0);
        if (polygonAt[p] === polygon) own += v;
      }
    }
    gains[i] = sum;
    heads[i] = head;
    inPolygon[i] = own;
  }

  const order = orderByDescending(gains);
  const sortedRows = new Uint32Array(rows.length);
  const gain = new Float64Array(rows.length);
  const count = new Float64Array(rows.length);
  const polygonShare = new Float64Array(rows.length);
  const distance = new Float64Array(rows.length);
  for (let j = 0; j < order.length; j++) {
    const i = order[j] ?? 0;
    const r = rows[i] ?? 0;
    sortedRows[j] = r;
    gain[j] = gains[i] ?? 0;
    count[j] = heads[i] ?? 0;
    const left = residual[places.polygon[r] ?? -1] ?? 0;
    polygonShare[j] = left > 0 ? Math.min(1, (inPolygon[i] ?? 0) / left) : 0;
    distance[j] = nearestHubKm(places.lat[r] ?? NaN, places.lon[r] ?? NaN, hubs);
  }
  return { rows: sortedRows, gain, count, polygonShare, nearestHubKm: distance, reached, total };
}

/**
 * The given catchments after checking they were built for this rule, or freshly built ones.
 *
 * @param index The cell index.
 * @param candidates Places and candidate rows.
 * @param rule The rule in use.
 * @param lists Optional precomputed catchments.
 * @returns Catchments of all places under `rule`.
 * @example
 * listsFor(index, { places, rows }, rule, cache.get(index, places, rule));
 */
export function listsFor(
  index: CellIndex,
  candidates: CandidateSet,
  rule: CatchmentRule,
  lists: CatchmentLists | undefined,
): CatchmentLists {
  if (!lists) return catchmentLists(index, candidates.places, rule);
  if (ruleKey(lists.rule) !== ruleKey(rule))
    throw new RangeError('catchment lists were built for another rule');
  return lists;
}

/**
 * Ranks every candidate by the underserved demand it would newly reach given the current hubs.
 *
 * @param index From `createCellIndex`.
 * @param base Base demand per cell (`buildDemand` with `useCoverage: false`).
 * @param candidates Places and candidate rows (`selectCandidates`).
 * @param hubs Current hubs.
 * @param rule Catchment rule for hubs and candidates alike.
 * @param options Precomputed catchments; whether to count the hubs' coverage.
 * @returns The ranking, best first.
 * @example
 * const ranking = rankCandidates(index, base, { places, rows }, hubs, DEFAULT_CATCHMENT_RULE);
 * ranking.rows[0]; ranking.gain[0];
 */
export function rankCandidates(
  index: CellIndex,
  base: Float64Array,
  candidates: CandidateSet,
  hubs: readonly HubPoint[],
  rule: CatchmentRule,
  options: RankOptions = {},
): Ranking {
  const lists = listsFor(index, candidates, rule, options.lists);
  const covered =
    (options.countCoverage ?? true) ? coverageOf(index, hubs, rule) : new Float32Array(index.cells.count);
  return rankWithLists(index, lists, candidates, base, covered, hubs);
}
