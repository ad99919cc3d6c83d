/**
 * The import pipeline: file text + the user's choices → a preview of exactly what applying would
 * change, and every problem with its location. Pure and synchronous; the import worker runs it off the main
 * thread and the client falls back to running it in place. It never throws: an unexpected failure becomes a
 * blocking issue.
 */
import type { FeatureCollection } from 'geojson';
import type { BpsCode, PlacesFile, PolygonId, PolygonRecord, ProvinceRecord } from '../types';
import { assignPoints } from './assign';
import { guessBoundaryOptions, planBoundaries, type BoundaryOptions, type FeatureMatch } from './boundaries';
import { HEADERS, columnByHeader } from './columns';
import { parseCsv, type CsvTable } from './csv';
import { readBoundaryFile, type Area } from './geojson';
import { IssueLog, type ImportIssue, type Severity } from './issues';
import { createProvinceMatcher } from './provinces';
import {
  analyseStatistics,
  guessStatisticsOptions,
  type StatisticsOptions,
  type StatisticsResult,
} from './statistics';
import { analyseTraining, guessTrainingOptions, type TrainingOptions, type TrainingResult } from './training';

import type { ImportKind } from './kinds';

export { IMPORT_KINDS, type ImportKind } from './kinds';

/** The user's choices so far; anything absent is guessed. */
export interface ImportOptions {
  readonly kind?: ImportKind;
  readonly statistics?: Partial<StatisticsOptions>;
  readonly training?: Partial<TrainingOptions>;
  readonly boundaries?: Partial<BoundaryOptions>;
}

/** What the pipeline needs from the current dataset. */
export interface ImportContext {
  readonly provinces: readonly ProvinceRecord[];
  readonly places: Pick<PlacesFile, 'name' | 'lat' | 'lon' | 'pop' | 'polygon'>;
  /** Population cells (for re-assigning them to new boundaries). */
  readonly cells: {
    readonly lat: ArrayLike<number>;
    readonly lon: ArrayLike<number>;
    readonly pop: ArrayLike<number>;
  };
}

export type ProvinceFeatureCollection = FeatureCollection<Area, { id: number; iso: string; label: string }>;

export interface BoundaryResult {
  readonly kind: 'boundaries';
  readonly options: BoundaryOptions;
  readonly format: 'geojson' | 'topojson';
  readonly propertyKeys: readonly string[];
  readonly needsCodeSystem: boolean;
  readonly hasCodes: boolean;
  readonly features: readonly FeatureMatch[];
  readonly counts: {
    readonly features: number;
    readonly matched: number;
    readonly unmatched: number;
    readonly invalid: number;
  };
  /** Present when the file can be applied. */
  readonly apply: {
    readonly polygons: readonly PolygonRecord[];
    readonly collection: ProvinceFeatureCollection;
    readonly provincePolygon: readonly (readonly [BpsCode, PolygonId])[];
    /** New polygon of every population cell and every gazetteer place. */
    readonly cellPolygon: Uint8Array;
    readonly placePolygon: Uint8Array;
    readonly outsideCells: number;
    readonly outsidePeople: number;
    readonly maxOutsideKm: number;
  } | null;
}

export type ImportResult = StatisticsResult | TrainingResult | BoundaryResult;

export interface ImportPreview {
  readonly file: string;
  readonly kind: ImportKind;
  /** What the file looked like before the user chose. */
  readonly guessedKind: ImportKind;
  readonly issues: readonly ImportIssue[];
  /** All issues, including those beyond the list's cap. */
  readonly counts: Readonly<Record<Severity, number>>;
  /** True when applying would change something and nothing blocks it. */
  readonly ok: boolean;
  readonly result: ImportResult | null;
  /** Set when the pipeline itself failed (a bug, not the file): tests assert it never happens. */
  readonly internal?: true;
}

export type Phase = 'read' | 'parse' | 'match' | 'assign';
export type ProgressFn = (phase: Phase, fraction: number) => void;

/** Share of the population that must live inside the new polygons; less means wrong coordinates or region. */
export const MIN_INSIDE_SHARE = 0.5;
/**
 * Above this share of the population outside every polygon the preview warns (they go to the nearest polygon).
 * The embedded, simplified coastline leaves about 2 % outside.
 */
export const MAX_OUTSIDE_WARNING = 0.05;

/**
 * Guesses the kind of data from the file name and the first characters.
 * @example guessKind('kabupaten.geojson', '{"type":…') // 'boundaries'
 */
export function guessKind(fileName: string, text: string): ImportKind {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'geojson' || ext === 'topojson' || ext === 'json') return 'boundaries';
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'boundaries';
  const firstLine = start.slice(0, 4096).split(/\r\n|\n|\r/)[0] ?? '';
  const fake: CsvTable = {
    header: firstLine.split(/[;,\t|]/).map((h) => h.replace(/"/g, '').trim()),
    rows: [],
    rowNumbers: [],
    delimiter: ',',
  };
  const said = (re: RegExp) => columnByHeader(fake, re) !== null;
  if (
    said(HEADERS.participants) ||
    (said(HEADERS.lat) && said(HEADERS.lon)) ||
    (said(HEADERS.city) && said(HEADERS.date))
  )
    return 'training';
  return 'statistics';
}

function fail(file: string, kind: ImportKind, guessedKind: ImportKind, log: IssueLog): ImportPreview {
  return { file, kind, guessedKind, issues: log.list, counts: { ...log.counts }, ok: false, result: null };
}

function boundaries(
  text: string,
  options: Partial<BoundaryOptions>,
  ctx: ImportContext,
  log: IssueLog,
  progress: ProgressFn,
): BoundaryResult | null {
  const file = readBoundaryFile(text, log);
  progress('parse', 1);
  if (!file) return null;
  const matcher = createProvinceMatcher(ctx.provinces);
  const opts = guessBoundaryOptions(file, matcher, options);
  const { matches, plan, needsCodeSystem, hasCodes } = planBoundaries(
    file,
    opts,
    matcher,
    ctx.provinces,
    log,
  );
  progress('match', 1);
  const matched = matches.filter((m) => m.bps !== null).length;
  const base = {
    kind: 'boundaries' as const,
    options: opts,
    format: file.format,
    propertyKeys: file.propertyKeys,
    needsCodeSystem,
    hasCodes,
    features: matches,
    counts: {
      features: file.total,
      matched,
      unmatched: matches.length - matched,
      invalid: file.total - file.features.length,
    },
    apply: null,
  };
  if (!plan || log.blocking) return base;
  const cells = assignPoints(plan.areas, ctx.cells.lat, ctx.cells.lon, (f) => progress('assign', 0.9 * f));
  const places = assignPoints(plan.areas, ctx.places.lat, ctx.places.lon, (f) =>
    progress('assign', 0.9 + 0.1 * f),
  );
  // Coverage is measured in people, not cells: polygons that keep the sparse east and lose Java (moved across
  // the date line, say) cover most cells and few people.
  let people = 0;
  for (let i = 0; i < ctx.cells.pop.length; i++) people += Number(ctx.cells.pop[i] ?? 0);
  let outsidePeople = 0;
  for (const i of cells.outsideIndex) outsidePeople += Number(ctx.cells.pop[i] ?? 0);
  const n = ctx.cells.lat.length;
  const outsideShare = people > 0 ? outsidePeople / people : n > 0 ? cells.outside / n : 0;
  const percentInside = Math.floor(100 * (1 - outsideShare));
  if (n > 0 && 1 - outsideShare < MIN_INSIDE_SHARE) {
    log.path('features', { code: 'fewPeopleInside', params: { percent: percentInside } }, { blocking: true });
    return base;
  }
  if (outsideShare > MAX_OUTSIDE_WARNING)
    log.path(
      'features',
      { code: 'peopleOutside', params: { percent: Math.ceil(100 * outsideShare), people: outsidePeople } },
      { severity: 'warning' },
    );
  const collection: ProvinceFeatureCollection = {
    type: 'FeatureCollection',
    features: plan.polygons.map((p, i) => ({
      type: 'Feature',
      properties: { id: p.id, iso: p.iso, label: p.label },
      geometry: plan.areas[i]!,
    })),
  };
  return {
    ...base,
    apply: {
      polygons: plan.polygons,
      collection,
      provincePolygon: plan.provincePolygon,
      cellPolygon: cells.polygon,
      placePolygon: places.polygon,
      outsideCells: cells.outside,
      outsidePeople,
      maxOutsideKm: Math.round(cells.maxOutsideKm * 10) / 10,
    },
  };
}

/**
 * Analyses a file: parses it, guesses what the user has not chosen, matches rows or features, and reports.
 * @param file the file name and its text
 * @param options the user's choices so far
 * @param ctx provinces, gazetteer and population cells of the current dataset
 * @param progress called with the phase and the fraction done
 * @example analyseImport({ name: 'a.csv', text: 'provinsi;nilai\nAceh;12,5' }, { statistics: { year: 2024 } }, ctx)
 */
export function analyseImport(
  file: { readonly name: string; readonly text: string },
  options: ImportOptions,
  ctx: ImportContext,
  progress: ProgressFn = () => undefined,
): ImportPreview {
  const guessedKind = guessKind(file.name, file.text);
  const kind = options.kind ?? guessedKind;
  const log = new IssueLog(file.name);
  try {
    if (file.text.includes('\u0000')) {
      log.row(1, undefined, { code: 'binaryFile' }, { blocking: true });
      return fail(file.name, kind, guessedKind, log);
    }
    if (file.text.trim() === '') {
      log.row(1, undefined, { code: 'emptyFile' }, { blocking: true });
      return fail(file.name, kind, guessedKind, log);
    }
    let result: ImportResult | null;
    if (kind === 'boundaries') result = boundaries(file.text, options.boundaries ?? {}, ctx, log, progress);
    else {
      const table = parseCsv(file.text, log, (f) => progress('parse', f));
      if (!table) return fail(file.name, kind, guessedKind, log);
      const matcher = createProvinceMatcher(ctx.provinces);
      if (kind === 'statistics') {
        const opts = guessStatisticsOptions(
          table,
          matcher,
          ctx.provinces,
          file.name,
          options.statistics ?? {},
        );
        result = analyseStatistics(table, opts, matcher, ctx.provinces, log);
      } else {
        const opts = guessTrainingOptions(table, matcher, options.training ?? {});
        result = analyseTraining(table, opts, ctx.places, ctx.provinces, matcher, log);
      }
      progress('match', 1);
    }
    const ok =
      !log.blocking &&
      result !== null &&
      (result.kind === 'statistics'
        ? result.observations.length > 0
        : result.kind === 'training'
          ? result.hubs.length > 0
          : result.apply !== null);
    return { file: file.name, kind, guessedKind, issues: log.list, counts: { ...log.counts }, ok, result };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    log.row(1, undefined, { code: 'unreadableFile', params: { detail } }, { blocking: true });
    return { ...fail(file.name, kind, guessedKind, log), internal: true };
  }
}
