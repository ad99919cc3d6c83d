/**
 * Export of a roadshow plan (issue #5) as CSV and GeoJSON. Pure functions from a plain plan shape to text, so the
 * simulate panel's download links and the "Export data" menu can share them.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
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
