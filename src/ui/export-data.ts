/**
 * Data exports: province statistics (every metric and year per polygon, with source ids and the
 * estimate/aggregated flags) as CSV and GeoJSON, the source list as CSV, and a roadshow plan as CSV/GeoJSON.
 * Pure functions from data to text; the menu downloads them. Missing values stay empty (CSV) or null (GeoJSON).
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Dataset } from '../data/dataset';
import {
  METRICS,
  metricDef,
  metricValues,
  metricYears,
  type ChoroplethMetric,
  type MetricValue,
} from '../domain/metrics';

import { csvCell } from './csv';
import { planToCsv, planToGeoJson } from './simulate/plan-export';

export type StatsInput = Pick<Dataset, 'provinces' | 'stats' | 'metrics' | 'boundaries'>;

/** RFC 4180 field that never starts a formula (shared with the planner's export); undefined is empty too. */
export const csvField = (x: string | number | boolean | null | undefined): string => csvCell(x);

/** CSV text with a header row and CRLF line ends (what spreadsheets expect). */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Percentages to 4 decimals, counts as whole numbers; null stays null. */
function rounded(metric: ChoroplethMetric, value: number | null): number | null {
  if (value === null) return null;
  return metricDef(metric).unit === 'percent' ? Math.round(value * 1e4) / 1e4 : Math.round(value);
}

export interface StatRow {
  readonly polygonId: number;
  readonly metric: ChoroplethMetric;
  readonly year: number | null;
  readonly value: MetricValue;
}

/**
 * Every metric × year × polygon, in metric order, then year, then polygon id. Training coverage (which depends on
 * the hubs on the map) is included only when `coverage` is given.
 *
 * @example statRows(data).length // 33 polygons × (metric, year) pairs
 */
export function statRows(data: StatsInput, coverage?: readonly number[]): StatRow[] {
  const rows: StatRow[] = [];
  for (const def of METRICS) {
    const years: (number | null)[] = def.yearsFrom === null ? [null] : metricYears(data.metrics, def.id);
    if (def.id === 'training_coverage' && !coverage) continue;
    for (const year of years) {
      const result = metricValues(data.metrics, def.id, year, coverage);
      for (const value of result.values)
        rows.push({ polygonId: value.polygonId, metric: def.id, year, value });
    }
  }
  return rows;
}

const STATS_HEADER = [
  'polygon_id',
  'polygon',
  'iso',
  'provinces',
  'metric',
  'unit',
  'year',
  'value',
  'estimate',
  'aggregated',
  'basis',
  'source_ids',
  'notes',
  'missing_provinces_bps',
] as const;

/** Province names (Indonesian) of a polygon, joined by "; ". */
function memberNames(data: StatsInput, polygonId: number): string {
  const polygon = data.provinces.polygons[polygonId];
  if (!polygon) return '';
  return polygon.provinces
    .map((b) => data.provinces.provinces.find((p) => p.bps === b)?.nameId ?? String(b))
    .join('; ');
}

/**
 * Province statistics as long-format CSV: one row per polygon, metric and year.
 *
 * @example provinceStatsCsv(data).split('\r\n')[0] // "polygon_id,polygon,iso,provinces,metric,unit,year,value,…"
 */
export function provinceStatsCsv(data: StatsInput, coverage?: readonly number[]): string {
  const rows = statRows(data, coverage).map((r) => {
    const polygon = data.provinces.polygons[r.polygonId];
    return [
      r.polygonId,
      polygon?.label ?? '',
      polygon?.iso ?? '',
      memberNames(data, r.polygonId),
      r.metric,
      metricDef(r.metric).unit,
      r.year,
      rounded(r.metric, r.value.value),
      r.value.estimate,
      r.value.aggregated,
      r.value.basis,
      r.value.sourceIds.join(' '),
      r.value.notes.join('; '),
      r.value.missing.join(' '),
    ];
  });
  return toCsv(STATS_HEADER, rows);
}

/** Property key of a metric and year: `internet_use_bps_2023`, or the metric alone when it has no years. */
export const statKey = (metric: ChoroplethMetric, year: number | null) =>
  year === null ? metric : `${metric}_${year}`;

/**
 * Province statistics as GeoJSON: the 33 boundary polygons with flat properties a GIS can map directly:
 * `<metric>_<year>` (value or null), `<metric>_<year>_flags` ("estimate aggregated") and `<metric>_<year>_sources`.
 *
 * @example JSON.parse(provinceStatsGeoJson(data)).features[0].properties.internet_use_bps_2023
 */
export function provinceStatsGeoJson(data: StatsInput, coverage?: readonly number[]): string {
  const props = new Map<number, Record<string, string | number | boolean | null | string[]>>();
  for (const p of data.provinces.polygons)
    props.set(p.id, {
      id: p.id,
      label: p.label,
      iso: p.iso,
      provinces: p.provinces.map(
        (b) => data.provinces.provinces.find((x) => x.bps === b)?.nameId ?? String(b),
      ),
    });
  for (const r of statRows(data, coverage)) {
    const target = props.get(r.polygonId);
    if (!target) continue;
    const key = statKey(r.metric, r.year);
    target[key] = rounded(r.metric, r.value.value);
    target[`${key}_flags`] = [r.value.estimate ? 'estimate' : '', r.value.aggregated ? 'aggregated' : '']
      .filter(Boolean)
      .join(' ');
    target[`${key}_sources`] = r.value.sourceIds.join(' ');
  }
  const collection: FeatureCollection<Polygon | MultiPolygon> = {
    type: 'FeatureCollection',
    features: data.boundaries.features.map((f) => ({
      type: 'Feature',
      id: f.properties.id,
      geometry: f.geometry,
      properties: props.get(f.properties.id) ?? { id: f.properties.id },
    })),
  };
  return JSON.stringify(collection);
}

/**
 * The cited sources the statistics' `source_ids` refer to, publisher (`org`) and publication (`title`) first; where
 * the figure was read when that is not the publication; `only_source` says "blog" or "aggregator" when that is all.
 */
export function sourcesCsv(data: Pick<Dataset, 'stats'>): string {
  return toCsv(
    ['id', 'title', 'org', 'url', 'year', 'note', 'date', 'read_at', 'read_at_url', 'only_source'],
    data.stats.sources.map((s) => [
      s.id,
      s.title,
      s.org,
      s.url,
      s.year,
      s.note,
      s.date ?? '',
      s.readAt?.label ?? '',
      s.readAt?.url ?? '',
      s.weak ?? '',
    ]),
  );
}

/** A roadshow plan as the planning panel hands it over (stop order = visit order). */
export interface PlanExport {
  readonly stops: readonly {
    readonly name: string;
    readonly lat: number;
    readonly lon: number;
    /** Demand this stop newly reaches. */
    readonly gain: number;
    /** Demand of this and all earlier stops. */
    readonly cumulative: number;
    /** Also planned at radius −25% and +25%; absent or null when not checked. */
    readonly robust?: boolean | null;
  }[];
}

/** The plan normalised for the planner's own export functions (one plan, one file format). */
const normalised = (plan: PlanExport) => ({
  stops: plan.stops.map((s) => ({ ...s, robust: s.robust ?? null })),
});

/**
 * The plan as CSV, in the planning panel's own format (src/ui/simulate/plan-export.ts).
 *
 * @example exportPlanCsv({ stops: [{ name: 'Ambon', lat: -3.7, lon: 128.2, gain: 1200, cumulative: 1200 }] })
 * // "stop,name,lat,lon,newly_reached,cumulative,robust\r\n1,Ambon,-3.7,128.2,1200,1200,\r\n"
 */
export function exportPlanCsv(plan: PlanExport): string {
  return planToCsv(normalised(plan));
}

/** The plan's stops as GeoJSON points ([lon, lat]) with stop number, name, gain, cumulative gain and robustness. */
export function exportPlanGeoJson(plan: PlanExport): string {
  return JSON.stringify(planToGeoJson(normalised(plan)));
}

/**
 * Reads a plan from the store without depending on its shape yet (the planning panel, owns it): a
 * `plan` with a `stops` list of named points with gains, else null.
 */
export function planOf(state: object): PlanExport | null {
  const plan = (state as { plan?: unknown }).plan;
  if (typeof plan !== 'object' || plan === null) return null;
  const stops = (plan as { stops?: unknown }).stops;
  if (!Array.isArray(stops) || stops.length === 0) return null;
  const valid = stops.every((s: unknown) => {
    if (typeof s !== 'object' || s === null) return false;
    const o = s as Record<string, unknown>;
    return (
      typeof o['name'] === 'string' &&
      ['lat', 'lon', 'gain', 'cumulative'].every((k) => typeof o[k] === 'number' && Number.isFinite(o[k]))
    );
  });
  return valid ? (plan as PlanExport) : null;
}
