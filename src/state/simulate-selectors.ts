/**
 * Derived data of the roadshow simulation, memoised: the internet-use year and shares the optimiser
 * uses, MSME rates, a live preview of the demand's missing data, and how many places pass the candidate filter.
 */
import type { Dataset } from '../data/dataset';
import { buildDemand, type DemandSettings } from '../domain/demand';
import { metricValues, metricYears } from '../domain/metrics';
import { selectCandidates, type CandidateFilter, type Region } from '../domain/optimizer/candidates';
import { candidateKind, cellPriorityWeights, hasPlaceKinds, type PlaceKind } from '../domain/planner/fields';
import type { Grouping } from './slices/view';
import { memoLast } from './memo';
import { demandYear, effectiveYear } from './selectors';
import type { Hub } from './slices/scenario';
import type { Store } from './store';

/** The year of the internet-use shares: the map's year when it shows BPS internet use, else the latest one. */
export function shareYearOf(s: Pick<Store, 'dataset' | 'metric' | 'year'>): number | null {
  if (!s.dataset) return null;
  return s.metric === 'internet_use_bps' ? effectiveYear(s.dataset, s) : demandYear(s.dataset);
}

/** Internet-use fraction (0..1) per polygon for a year; null where BPS has no figure. */
export const selectShares = memoLast((data: Dataset, year: number | null) =>
  selectSharesUncached(data, year),
);

function selectSharesUncached(data: Dataset, year: number | null): (number | null)[] {
  return year === null
    ? data.provinces.polygons.map(() => null)
    : metricValues(data.metrics, 'internet_use_bps', year).values.map((v) =>
        v.value === null ? null : v.value / 100,
      );
}

export interface MsmeRates {
  /** Year of the MSME figures (Sensus Ekonomi), null when there are none. */
  readonly year: number | null;
  /** MSMEs per resident (polygon MSME total ÷ SP2020 population); null where either is missing. */
  readonly perResident: readonly (number | null)[];
  /** Polygons without a rate. */
  readonly missing: readonly number[];
}

/** MSMEs per resident for the MSME demand base, only for polygons with both figures. */
export const selectMsmeRates = memoLast((data: Dataset): MsmeRates => {
  const years = metricYears(data.metrics, 'msme_total');
  const year = years[years.length - 1] ?? null;
  const values = year === null ? [] : metricValues(data.metrics, 'msme_total', year).values;
  const perResident = data.provinces.polygons.map((_, i) => {
    const msme = values[i]?.value ?? null;
    const pop = data.metrics.censusByPolygon[i] ?? 0;
    return msme === null || !(pop > 0) ? null : msme / pop;
  });
  const missing = perResident.flatMap((r, i) => (r === null ? [i] : []));
  return { year, perResident, missing };
});

/** The missing-data counts of the demand (the worker computes the same; this shows them before any run). */
export const selectDemandPreview = memoLast((data: Dataset, demand: DemandSettings, year: number | null) => {
  const d = buildDemand(
    data.cells,
    { ...demand, useCoverage: false },
    {
      share: selectShares(data, year),
      msmePerResident: demand.useMsme ? selectMsmeRates(data).perResident : null,
    },
  );
  return {
    missingSharePolygons: d.missingSharePolygons,
    missingShareCells: d.missingShareCells,
    missingMsmePolygons: d.missingMsmePolygons,
    missingMsmeCells: d.missingMsmeCells,
  };
});

/** How many places pass the candidate filter with the current hubs. */
export const selectCandidateCount = memoLast(
  (
    data: Dataset,
    filter: CandidateFilter,
    hubs: readonly Hub[],
    isEast: readonly boolean[],
    allowed: Uint8Array | null = null,
  ): number => selectCandidates(data.places, filter, hubs, isEast, allowed).length,
);

/** BPS internet-use years in which every polygon with population cells has a share. */
export const selectCompleteShareYears = memoLast((data: Dataset): number[] => {
  const populated = new Set(data.cells.polygon);
  return metricYears(data.metrics, 'internet_use_bps').filter((year) =>
    selectSharesUncached(data, year).every((share, p) => share !== null || !populated.has(p)),
  );
});

/** SP2020 census population of some polygons. */
export function censusOf(data: Dataset, polygons: readonly number[]): number {
  return polygons.reduce((sum, p) => sum + (data.metrics.censusByPolygon[p] ?? 0), 0);
}

/** Per polygon: do its people count under the planned region (east, west or all, by the grouping)? */
export const selectRegionMask = memoLast((data: Dataset, region: Region, grouping: Grouping): boolean[] =>
  data.provinces.polygons.map((_, p) =>
    region === 'all' ? true : data.isEast[grouping][p] === (region === 'east'),
  ),
);

/** Per-cell priority weights of the score (null: all 1, or no 3T flags in the data). */
export const selectPriorityWeights = memoLast((data: Dataset, factor: number) =>
  cellPriorityWeights(data.cells, factor),
);

/**
 * Per place: may it be a candidate? Its kind must be one of `kinds` (when the gazetteer has kinds) and it must not
 * be excluded. Null when every place may.
 */
export const selectAllowedPlaces = memoLast(
  (data: Dataset, kinds: readonly PlaceKind[] | null, excluded: readonly number[]): Uint8Array | null => {
    const byKind = kinds !== null && hasPlaceKinds(data.places);
    if (!byKind && excluded.length === 0) return null;
    const out = new Uint8Array(data.places.id.length);
    const skip = new Set(excluded);
    for (let i = 0; i < out.length; i++) {
      const kind = candidateKind(data.places, i);
      const kindOk = !byKind || (kind !== null && (kinds ?? []).includes(kind));
      out[i] = kindOk && !skip.has(data.places.id[i] ?? -1) ? 1 : 0;
    }
    return out;
  },
);
