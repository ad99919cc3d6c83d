/**
 * Derived data of the planner: island names, place lookups, the inspected candidate's catchment and the
 * assumptions a plan export carries. Memoised on the inputs' identity.
 */
import type { Dataset } from '../data/dataset';
import { inspectCandidate, islandNames, type Inspection } from '../domain/planner/inspect';
import { PRESETS, editedFields, type PresetSettings } from '../domain/planner/presets';
import { memoLast } from './memo';
import { selectCoverage, toRule } from './selectors';
import { selectMsmeRates, selectRegionMask, selectShares, shareYearOf } from './simulate-selectors';
import type { Store } from './store';

/** A name per island id (its most populous place), null where none is named. */
export const selectIslandNames = memoLast((data: Dataset) => islandNames(data.index, data.places));

/** Place row by GeoNames id. */
export const selectPlaceRows = memoLast((data: Dataset) => {
  const rows = new Map<number, number>();
  data.places.id.forEach((id, row) => rows.set(id, row));
  return rows;
});

/** Place rows sorted by name (for the town search), with duplicates named by province. */
export const selectPlacesByName = memoLast((data: Dataset) =>
  data.places.name
    .map((name, row) => ({ name, row }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.row - b.row),
);

/** The settings a preset describes, as they stand in the store. */
export function currentPresetSettings(s: Store): PresetSettings {
  return {
    demand: {
      useOffline: s.demand.useOffline,
      offlineExponent: s.demand.offlineExponent,
      useCoverage: s.demand.useCoverage,
      useMsme: s.demand.useMsme,
      priorityFactor: s.demand.priorityFactor ?? 1,
    },
    region: s.filter.region,
    kinds: s.filter.kinds ?? null,
    minPop: s.filter.minPop,
    radiusKm: s.rule.radiusKm,
    sameIslandOnly: s.rule.sameIslandOnly,
    seaCrossingKm: s.rule.seaCrossingKm,
    crossTo: s.rule.crossTo,
  };
}

/** The settings that differ from the chosen preset. */
export function selectEdited(s: Store): string[] {
  return editedFields(PRESETS[s.preset], currentPresetSettings(s));
}

/** Inspections by place id, each kept while its inputs stay the same (the inspector and the comparison). */
const inspections = new Map<number, { readonly args: readonly unknown[]; readonly result: Inspection }>();

function inspectCached(
  data: Dataset,
  placeId: number,
  row: number,
  rule: Store['rule'],
  share: readonly (number | null)[],
  inRegion: readonly boolean[],
  covered: Float32Array,
  hubs: Store['hubs'],
): Inspection {
  const args = [data, rule, share, inRegion, covered, hubs];
  const hit = inspections.get(placeId);
  if (hit && hit.args.every((a, i) => Object.is(a, args[i]))) return hit.result;
  const result = inspectCandidate(
    data.index,
    { lat: data.places.lat[row] ?? NaN, lon: data.places.lon[row] ?? NaN },
    toRule(rule),
    { share, msmePerResident: selectMsmeRates(data).perResident, inRegion, covered, hubs },
  );
  if (inspections.size > 32) inspections.clear();
  inspections.set(placeId, { args, result });
  return result;
}

/**
 * The catchment of a place under the planner's rule, with what it holds; null without data or place.
 * @example selectInspection(store.getState(), 1642)?.people
 */
export function selectInspection(s: Store, placeId: number | null): Inspection | null {
  const data = s.dataset;
  if (!data || placeId === null) return null;
  const row = selectPlaceRows(data).get(placeId);
  if (row === undefined) return null;
  const coverage = selectCoverage(data, s.hubs, s.rule);
  if (!coverage) return null;
  return inspectCached(
    data,
    placeId,
    row,
    s.rule,
    selectShares(data, shareYearOf(s)),
    selectRegionMask(data, s.filter.region, s.grouping),
    coverage.covered,
    s.hubs,
  );
}
