/**
 * Derived data (memoised, never stored): metric values, class breaks, colours, coverage and hub reach.
 */
import * as chromatic from 'd3-scale-chromatic';
import { catchment, coverageOf, type CatchmentRule } from '../domain/catchment';
import { classify, classifyZeroApart, classOf, type Classes } from '../domain/classify';
import { buildDemand, DEFAULT_DEMAND_SETTINGS } from '../domain/demand';
import { metricDef, metricValues, metricYears, type MetricResult } from '../domain/metrics';
import { km } from '../domain/types';
import type { Dataset } from '../data/dataset';
import { memoLast } from './memo';
import { featureCollection, zoneFeatures } from '../domain/zones';
import type { Hub, RuleState } from './slices/scenario';
import type { PaletteId } from './slices/view';
import type { Store } from './store';

export const NO_DATA_COLOUR = '#d9d9d9';

const INTERPOLATORS: Record<PaletteId, (t: number) => string> = {
  blues: chromatic.interpolateBlues,
  purples: chromatic.interpolatePurples,
  greens: chromatic.interpolateGreens,
  viridis: (t) => chromatic.interpolateViridis(1 - t),
};

/**
 * Colours for k classes (light = low, dark = high), colour-blind safe sequential schemes from d3-scale-chromatic.
 * The lightest quarter of each ramp is skipped so the lowest class stays distinct from the sea and from "no data".
 */
export function paletteColours(palette: PaletteId, k: number): readonly string[] {
  const f = INTERPOLATORS[palette];
  const lo = palette === 'viridis' ? 0 : 0.25;
  if (k <= 1) return [f(0.6)];
  return Array.from({ length: k }, (_, i) => f(lo + ((1 - lo) * i) / (k - 1)));
}

export const toRule = (r: RuleState): CatchmentRule => ({
  radiusKm: km(r.radiusKm),
  sameIslandOnly: r.sameIslandOnly,
  seaCrossingKm: km(r.seaCrossingKm),
  decayEdge: r.decayEdge,
  crossTo: r.crossTo,
});

/** Coverage of all hubs: per-cell weight and per-polygon population share (training coverage, an estimate). */
export const selectCoverage = memoLast((data: Dataset | null, hubs: readonly Hub[], rule: RuleState) => {
  if (!data) return null;
  const covered = coverageOf(data.index, hubs, toRule(rule));
  const inside = new Float64Array(data.provinces.polygons.length);
  const total = new Float64Array(data.provinces.polygons.length);
  const { pop, polygon } = data.cells;
  for (let c = 0; c < data.cells.count; c++) {
    const p = polygon[c]!;
    total[p]! += pop[c]!;
    inside[p]! += pop[c]! * covered[c]!;
  }
  return { covered, byPolygon: Array.from(inside, (x, i) => (total[i]! > 0 ? x / total[i]! : 0)) };
});

export function effectiveYear(data: Dataset | null, s: Pick<Store, 'metric' | 'year'>): number | null {
  if (!data || metricDef(s.metric).yearsFrom === null) return null;
  const years = metricYears(data.metrics, s.metric);
  if (s.year !== null && years.includes(s.year)) return s.year;
  return years[years.length - 1] ?? null;
}

export const selectMetric = memoLast(
  (
    data: Dataset | null,
    metric: Store['metric'],
    year: number | null,
    coverage: readonly number[] | undefined,
  ): MetricResult | null => (data ? metricValues(data.metrics, metric, year, coverage) : null),
);

export interface Choropleth {
  readonly result: MetricResult;
  readonly classes: Classes | null;
  readonly colours: readonly string[];
  /** Fill colour per polygon id. */
  readonly fill: readonly string[];
}

/** Classes and colours of a metric result (not memoised; see selectChoropleth). */
export function buildChoropleth(
  result: MetricResult | null,
  scheme: Store['scheme'],
  k: number,
  palette: PaletteId,
): Choropleth | null {
  if (!result) return null;
  // The share of people inside a catchment is zero across most provinces: zero gets a class of its own.
  const classes = (result.metric === 'training_coverage' ? classifyZeroApart : classify)(
    result.values.map((v) => v.value),
    scheme,
    k,
  );
  const colours = paletteColours(palette, classes?.count ?? k);
  const fill = result.values.map((v) =>
    v.value === null || !classes ? NO_DATA_COLOUR : (colours[classOf(classes, v.value)] ?? NO_DATA_COLOUR),
  );
  return { result, classes, colours, fill };
}

/** The map's choropleth, memoised for the current settings (stable identity for React selectors). */
export const selectChoropleth = memoLast(buildChoropleth);

/** Everything the map's choropleth needs, from the store state. */
export function choroplethOf(s: Store): Choropleth | null {
  const cov =
    s.metric === 'training_coverage' ? selectCoverage(s.dataset, s.hubs, s.rule)?.byPolygon : undefined;
  return selectChoropleth(
    selectMetric(s.dataset, s.metric, effectiveYear(s.dataset, s), cov),
    s.scheme,
    s.classes,
    s.palette,
  );
}

/** The year of BPS internet use whose offline share counts "underserved" people. */
export const demandYear = memoLast((data: Dataset) => {
  // The latest year with the widest coverage: an import of a few provinces' newer figures must not
  // leave every other province without a share (and so counted as wholly offline).
  let best: number | null = null;
  let covered = -1;
  for (const year of metricYears(data.metrics, 'internet_use_bps')) {
    const n = metricValues(data.metrics, 'internet_use_bps', year).values.filter(
      (v) => v.value !== null,
    ).length;
    if (n >= covered) {
      best = year;
      covered = n;
    }
  }
  return best;
});

/** Offline people per cell (population × (1 − internet-use share of its polygon)), without coverage. */
export const selectOffline = memoLast((data: Dataset | null) => {
  if (!data) return null;
  const year = demandYear(data);
  const share =
    year === null
      ? []
      : metricValues(data.metrics, 'internet_use_bps', year).values.map((v) =>
          v.value === null ? null : v.value / 100,
        );
  return {
    year,
    demand: buildDemand(data.cells, { ...DEFAULT_DEMAND_SETTINGS, useCoverage: false }, { share }),
  };
});

export interface HubReach {
  readonly hub: Hub;
  readonly cells: Uint32Array;
  readonly people: number;
  readonly underserved: number;
}

/** One hub's catchment cells and reach (people; offline people). */
export function hubReach(data: Dataset, hub: Hub, rule: RuleState): HubReach {
  const c = catchment(data.index, hub, toRule(rule));
  const offline = selectOffline(data)!.demand.values;
  let people = 0;
  let underserved = 0;
  for (let k = 0; k < c.cells.length; k++) {
    const cell = c.cells[k]!;
    const w = c.weights[k]!;
    people += data.cells.pop[cell]!;
    underserved += offline[cell]! * w;
  }
  return { hub, cells: c.cells, people, underserved };
}

interface ZoneCacheEntry {
  readonly key: string;
  readonly reach: HubReach;
  readonly features: ReturnType<typeof zoneFeatures>;
}
const zoneCache = new Map<string, ZoneCacheEntry>();
/** The dataset the cache was filled from: an import changes shares and polygons, so reach too. */
let zoneCacheData: Dataset | null = null;

/**
 * Zones (exactly the counted cells) and reach for every hub. Only hubs that moved are recomputed (or all, when the
 * rule changes); each recomputation is wrapped in `jangkau:reach` performance marks so drags can be measured.
 */
export const selectZones = memoLast((data: Dataset | null, hubs: readonly Hub[], rule: RuleState) => {
  if (!data) return { zones: featureCollection([]), reach: [] as HubReach[] };
  if (data !== zoneCacheData) {
    zoneCache.clear();
    zoneCacheData = data;
  }
  const ruleKey = `${rule.radiusKm}|${rule.sameIslandOnly}|${rule.seaCrossingKm}|${rule.decayEdge}|${rule.crossTo}`;
  const seen = new Set<string>();
  const entries = hubs.map((hub) => {
    seen.add(hub.id);
    const key = `${hub.lat},${hub.lon},${hub.status},${ruleKey}`;
    let entry = zoneCache.get(hub.id);
    if (!entry || entry.key !== key) {
      performance.mark('jangkau:reach-start');
      const reach = hubReach(data, hub, rule);
      performance.measure('jangkau:reach', 'jangkau:reach-start');
      entry = { key, reach, features: zoneFeatures(data.cells, reach.cells, hub.id, hub.status) };
      zoneCache.set(hub.id, entry);
    } else if (entry.reach.hub !== hub) {
      entry = { ...entry, reach: { ...entry.reach, hub } };
      zoneCache.set(hub.id, entry);
    }
    return entry;
  });
  for (const id of [...zoneCache.keys()]) if (!seen.has(id)) zoneCache.delete(id);
  return { zones: featureCollection(entries.flatMap((e) => e.features)), reach: entries.map((e) => e.reach) };
});
