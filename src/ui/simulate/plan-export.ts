/**
 * Export of a roadshow plan as CSV and GeoJSON. Pure functions from a plain plan shape to text, so the
 * simulate panel's download links and the "Export data" menu can share them.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point } from 'geojson';
import { csvCell } from '../csv';

/** One stop, in visit order. */
export interface PlanExportStop {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  /** Underserved demand this stop newly reaches after the hubs and the earlier stops (an estimate). */
  readonly gain: number;
  /** Demand the plan's stops newly reach up to and including this one. */
  readonly cumulative: number;
  /** Also planned at radius −25% and +25%; null when robustness was not checked. */
  readonly robust: boolean | null;
}

export interface PlanExport {
  readonly stops: readonly PlanExportStop[];
}

export interface PlanStopProperties {
  readonly stop: number;
  readonly name: string;
  readonly gain: number;
  readonly cumulative: number;
  readonly robust: boolean | null;
}

export const PLAN_CSV_HEADER = [
  'stop',
  'name',
  'lat',
  'lon',
  'newly_reached',
  'cumulative',
  'robust',
] as const;

/** Coordinates to 5 decimals (about 1 m). */
const coord = (x: number) => Math.round(x * 1e5) / 1e5;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; quotes doubled.
 *
 * @example csvField('Bau-Bau, Buton') // '"Bau-Bau, Buton"'
 */
export function csvField(x: string | number | boolean | null): string {
  // Quoting, and text that would start a spreadsheet formula, are handled by the app's one CSV cell writer.
  return csvCell(x);
}

/**
 * The plan as CSV: a header and one row per stop, CRLF line ends, people rounded to whole numbers; `robust` is
 * empty when robustness was not checked.
 *
 * @example
 * planToCsv({ stops: [{ name: 'Ambon', lat: -3.6954, lon: 128.1814, gain: 1200.4, cumulative: 1200.4, robust: true }] })
 * // "stop,name,lat,lon,newly_reached,cumulative,robust\r\n1,Ambon,-3.6954,128.1814,1200,1200,true\r\n"
 */
export function planToCsv(plan: PlanExport): string {
  const rows = plan.stops.map((s, i) => [
    i + 1,
    s.name,
    coord(s.lat),
    coord(s.lon),
    Math.round(s.gain),
    Math.round(s.cumulative),
    s.robust,
  ]);
  return [[...PLAN_CSV_HEADER], ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * The plan as a GeoJSON FeatureCollection of points ([lon, lat]) in visit order.
 *
 * @example planToGeoJson(plan).features[0].properties.stop // 1
 */
export function planToGeoJson(plan: PlanExport): FeatureCollection<Point, PlanStopProperties> {
  const features = plan.stops.map((s, i): Feature<Point, PlanStopProperties> => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [coord(s.lon), coord(s.lat)] },
    properties: {
      stop: i + 1,
      name: s.name,
      gain: Math.round(s.gain),
      cumulative: Math.round(s.cumulative),
      robust: s.robust,
    },
  }));
  return { type: 'FeatureCollection', features };
}

/**
 * A `data:` URL for a download link.
 *
 * @example <a href={dataUrl(planToCsv(plan), 'text/csv')} download="plan.csv">
 */
export function dataUrl(text: string, type: string): string {
  return `data:${type};charset=utf-8,${encodeURIComponent(text)}`;
}

/**
 * File name of an export, e.g. `jangkau-plan-5-stops.csv`.
 *
 * @example planFileName(plan, 'geojson') // "jangkau-plan-5-stops.geojson"
 */
export function planFileName(plan: PlanExport, ext: 'csv' | 'geojson'): string {
  return `jangkau-plan-${plan.stops.length}-stop${plan.stops.length === 1 ? '' : 's'}.${ext}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The planner's own downloads: every stop with its province, regency and units, and every assumption of the run,
// under the same field names in CSV (columns) and GeoJSON (properties, and `assumptions` on the collection).

/** What a plan was computed with, as written into its exports. */
export interface PlanAssumptions {
  /** Preset id, with " (edited)" when its settings were changed. */
  readonly preset: string;
  /** The preset's formula in words (the reader's language). */
  readonly formula: string;
  readonly region: string;
  readonly grouping: string;
  readonly radius_km: number;
  readonly sea_rule: string;
  /** Year of the BPS internet-use shares; null when none. */
  readonly share_year: number | null;
  /** ISO timestamp of the run. */
  readonly run_date: string;
  readonly data_version: string;
  /** Unit of the headcount columns, e.g. "offline residents within 100 km". */
  readonly count_unit: string;
  /** Participation rate (0..1) of the participants estimate; null when not asked for. */
  readonly participation_rate: number | null;
}

export const ASSUMPTION_FIELDS = [
  'preset',
  'formula',
  'region',
  'grouping',
  'radius_km',
  'sea_rule',
  'share_year',
  'run_date',
  'data_version',
  'count_unit',
  'participation_rate',
] as const satisfies readonly (keyof PlanAssumptions)[];

/** One stop of the planner's download. */
export interface PlanStopRecord {
  readonly name: string;
  readonly province: string;
  /** null without regency data. */
  readonly regency: string | null;
  readonly lat: number;
  readonly lon: number;
  /** Headcount the stop newly reaches (in `count_unit`), an estimate. */
  readonly new_count: number;
  /** Priority score it newly reaches (equals new_count without weights). */
  readonly priority_score: number;
  readonly cumulative_count: number;
  /** Estimated MSMEs within the catchment; null without MSME figures. */
  readonly msmes_within: number | null;
  /** rate × msmes_within; null without a rate. */
  readonly expected_participants: number | null;
  readonly robust: boolean | null;
}

export const STOP_FIELDS = [
  'stop',
  'name',
  'province',
  'regency',
  'lat',
  'lon',
  'new_count',
  'priority_score',
  'cumulative_count',
  'msmes_within',
  'expected_participants',
  'robust',
] as const;

/** The header of the planner's CSV: stop fields, then the assumptions (repeated on every row). */
export const PLAN_FULL_HEADER = [...STOP_FIELDS, ...ASSUMPTION_FIELDS] as const;

type Value = string | number | boolean | null;

/** One stop's fields in header order, numbers rounded (people to whole numbers, coordinates to 5 decimals). */
function stopValues(s: PlanStopRecord, i: number): Record<(typeof STOP_FIELDS)[number], Value> {
  const round = (x: number | null) => (x === null ? null : Math.round(x));
  return {
    stop: i + 1,
    name: s.name,
    province: s.province,
    regency: s.regency,
    lat: coord(s.lat),
    lon: coord(s.lon),
    new_count: round(s.new_count),
    priority_score: round(s.priority_score),
    cumulative_count: round(s.cumulative_count),
    msmes_within: round(s.msmes_within),
    expected_participants: round(s.expected_participants),
    robust: s.robust,
  };
}

/**
 * The plan as CSV with every assumption on every row (so any row read alone says how it was made).
 * @example planToFullCsv(stops, assumptions).split('\r\n')[0] // "stop,name,province,…,participation_rate"
 */
export function planToFullCsv(stops: readonly PlanStopRecord[], assumptions: PlanAssumptions): string {
  const rows = stops.map((s, i) => {
    const v: Record<string, Value> = { ...stopValues(s, i), ...assumptions };
    return PLAN_FULL_HEADER.map((k) => v[k] ?? null);
  });
  return [[...PLAN_FULL_HEADER], ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A catchment drawn as its cells (a MultiPolygon of H3 cells). */
export interface CatchmentShape {
  readonly name: string;
  /** 'stop' (with its number) or an existing hub (with its status). */
  readonly kind: 'stop' | 'hub';
  readonly stop: number | null;
  readonly status: string | null;
  readonly geometry: MultiPolygon;
}

export interface FullPlanGeoJson extends FeatureCollection {
  readonly assumptions: PlanAssumptions;
}

/**
 * The plan as GeoJSON: each stop as a point with the CSV's fields, each stop's and each hub's catchment as a
 * MultiPolygon of its cells, and the assumptions on the collection (and on every stop, like the CSV).
 * @example planToFullGeoJson(stops, assumptions, catchments).features.filter((f) => f.properties.feature === 'stop')
 */
export function planToFullGeoJson(
  stops: readonly PlanStopRecord[],
  assumptions: PlanAssumptions,
  catchments: readonly CatchmentShape[],
): FullPlanGeoJson {
  const points = stops.map((s, i): Feature<Point> => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [coord(s.lon), coord(s.lat)] },
    properties: { feature: 'stop', ...stopValues(s, i), ...assumptions },
  }));
  const areas = catchments.map((c): Feature<MultiPolygon> => ({
    type: 'Feature',
    geometry: c.geometry,
    properties: {
      feature: c.kind === 'stop' ? 'stop_catchment' : 'hub_catchment',
      name: c.name,
      stop: c.stop,
      status: c.status,
      radius_km: assumptions.radius_km,
      sea_rule: assumptions.sea_rule,
    },
  }));
  return { type: 'FeatureCollection', assumptions, features: [...points, ...areas] };
}

/**
 * Downloads text as a file (a Blob URL on a temporary link), for exports too large for a `data:` link.
 * @example downloadText('a,b\r\n', 'text/csv', 'plan.csv')
 */
export function downloadText(text: string, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
