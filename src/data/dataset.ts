/**
 * Loading the embedded data from `/data/` (same origin; nothing else is fetched) and preparing what the
 * domain functions need. Each file is checked for its basic shape; a failure names the file.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { createCellIndex, type CellIndex } from '../domain/catchment';
import { decodeCells } from '../domain/cells';
import { createMetricContext, type MetricContext } from '../domain/metrics';
import type {
  CellTable,
  CellsMeta,
  PlacesFile,
  ProvincesFile,
  RegenciesFile,
  StatsFile,
} from '../domain/types';
import type { GapGrouping as Grouping } from '../domain/gap';

export type ProvinceFeatures = FeatureCollection<
  Polygon | MultiPolygon,
  { id: number; iso: string; label: string }
>;

export interface Dataset {
  readonly provinces: ProvincesFile;
  /** The 514 kabupaten/kota: figures, flags and seats (their outlines load with the regency layer). */
  readonly regencies: RegenciesFile;
  readonly stats: StatsFile;
  readonly places: PlacesFile;
  readonly cells: CellTable;
  readonly cellsMeta: CellsMeta;
  readonly boundaries: ProvinceFeatures;
  readonly metrics: MetricContext;
  readonly index: CellIndex;
  /** Per polygon: is it in eastern Indonesia under each grouping? */
  readonly isEast: Readonly<Record<Grouping, readonly boolean[]>>;
}

/**
 * Why a data file failed, as a code the UI words in the reader's language, with the parameters its
 * words take: `unreachable` (the request failed; detail = the browser's message), `http` (detail = the status),
 * `badJson`, `badShape` (not the expected structure), `badCells` (cells.bin does not decode; detail = the
 * decoder's message), `internal` (anything else while preparing the data; detail = its message).
 */
export const DATA_LOAD_REASONS = {
  unreachable: ['file', 'detail'],
  http: ['file', 'detail'],
  badJson: ['file'],
  badShape: ['file'],
  badCells: ['file', 'detail'],
  internal: ['detail'],
} as const satisfies Readonly<Record<string, readonly ('file' | 'detail')[]>>;

export type DataLoadReason = keyof typeof DATA_LOAD_REASONS;

/** A failed load as data (kept in the store): the file when one is to blame, the reason and a raw detail. */
export interface DataLoadFailure {
  readonly file?: string;
  readonly reason: DataLoadReason;
  /** Technical, not translated: an HTTP status or the browser's or decoder's own message. */
  readonly detail?: string;
}

export class DataLoadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: Exclude<DataLoadReason, 'internal'>,
    readonly detail?: string,
  ) {
    // The message is for the console and logs; the UI words `reason` instead.
    super(`${file}: ${reason}${detail === undefined ? '' : ` (${detail})`}`);
    this.name = 'DataLoadError';
  }
}

/**
 * Any error from `loadDataset` as a failure the UI can word: a `DataLoadError` names its file; anything else is
 * `internal`, with its message as the detail.
 * @example dataLoadFailure(new DataLoadError('cells.json', 'http', '404')) // { file: 'cells.json', reason: 'http', detail: '404' }
 */
export function dataLoadFailure(e: unknown): DataLoadFailure {
  if (e instanceof DataLoadError)
    return e.detail === undefined
      ? { file: e.file, reason: e.reason }
      : { file: e.file, reason: e.reason, detail: e.detail };
  return { reason: 'internal', detail: e instanceof Error ? e.message : String(e) };
}

async function fetchOk(base: string, name: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`${base}${name}`);
  } catch (e) {
    throw new DataLoadError(name, 'unreachable', e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) throw new DataLoadError(name, 'http', String(res.status));
  return res;
}

async function json<T>(base: string, name: string, check: (x: unknown) => boolean): Promise<T> {
  const res = await fetchOk(base, name);
  let value: unknown;
  try {
    value = await res.json();
  } catch {
    throw new DataLoadError(name, 'badJson');
  }
  if (!check(value)) throw new DataLoadError(name, 'badShape');
  return value as T;
}

async function binary(base: string, name: string): Promise<ArrayBuffer> {
  const res = await fetchOk(base, name);
  try {
    return await res.arrayBuffer();
  } catch (e) {
    // The body broke off after the headers (a dropped connection).
    throw new DataLoadError(name, 'unreachable', e instanceof Error ? e.message : String(e));
  }
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const hasArrays =
  (...keys: string[]) =>
  (x: unknown) =>
    isObj(x) && keys.every((k) => Array.isArray(x[k]));

/** Polygons are east when all their provinces are (the grouping flags agree within every polygon). */
export function eastFlags(provinces: ProvincesFile): Record<Grouping, boolean[]> {
  const flag = (key: 'ktiSe2016' | 'kti17') =>
    provinces.polygons.map((g) =>
      g.provinces.every((b) => provinces.provinces.find((p) => p.bps === b)?.[key] === true),
    );
  return { se2016: flag('ktiSe2016'), kti17: flag('kti17') };
}

/** Boundaries loaded from a URL, by the URL: the map hands MapLibre the URL (its worker parses the file). */
const boundaryUrls = new WeakMap<ProvinceFeatures, string>();

/**
 * The URL the boundaries were loaded from, or undefined for boundaries made in the app (an import).
 * @example boundariesUrl(data.boundaries) // "http://localhost:4173/data/provinces.geojson"
 */
export function boundariesUrl(boundaries: ProvinceFeatures): string | undefined {
  return boundaryUrls.get(boundaries);
}

/** @example const data = await loadDataset(`${import.meta.env.BASE_URL}data/`) */
export async function loadDataset(base: string): Promise<Dataset> {
  return prepareDataset(await loadDatasetFiles(base));
}

/**
 * Fetches and checks the data files, without decoding or indexing them (see {@link prepareDataset}): the app
 * prepares them once the map has started, so that work runs while MapLibre's worker loads the map.
 * @example const files = await loadDatasetFiles(`${import.meta.env.BASE_URL}data/`)
 */
export async function loadDatasetFiles(base: string): Promise<DatasetFiles> {
  const [provinces, regencies, stats, places, cellsMeta, boundaries, bin] = await Promise.all([
    json<ProvincesFile>(base, 'provinces.json', hasArrays('provinces', 'polygons')),
    json<RegenciesFile>(base, 'regencies.json', hasArrays('sources', 'regencies')),
    json<StatsFile>(base, 'stats.json', hasArrays('sources', 'observations', 'national', 'stops', 'facts')),
    json<PlacesFile>(
      base,
      'places.json',
      hasArrays('id', 'name', 'lat', 'lon', 'pop', 'polygon', 'regency', 'kind'),
    ),
    json<CellsMeta>(base, 'cells.json', (x) => isObj(x) && x['version'] === 1 && Array.isArray(x['columns'])),
    json<ProvinceFeatures>(base, 'provinces.geojson', hasArrays('features')),
    binary(base, 'cells.bin'),
  ]);
  boundaryUrls.set(boundaries, new URL(`${base}provinces.geojson`, globalThis.location?.href).href);
  return { provinces, regencies, stats, places, cellsMeta, boundaries, bin };
}

/** The loaded files, before decoding and indexing. */
export interface DatasetFiles {
  readonly provinces: ProvincesFile;
  readonly regencies: RegenciesFile;
  readonly stats: StatsFile;
  readonly places: PlacesFile;
  readonly cellsMeta: CellsMeta;
  readonly boundaries: ProvinceFeatures;
  readonly bin: ArrayBuffer;
}

/**
 * Decodes the cells and builds what the domain needs (metric context, cell index, east flags) from the files.
 * @example prepareDataset({ provinces, regencies, stats, places, cellsMeta, boundaries, bin })
 */
export function prepareDataset(files: DatasetFiles): Dataset {
  const { provinces, regencies, stats, places, cellsMeta, boundaries, bin } = files;
  let cells: CellTable;
  try {
    cells = decodeCells(bin, cellsMeta);
  } catch (e) {
    throw new DataLoadError('cells.bin', 'badCells', e instanceof Error ? e.message : String(e));
  }
  cells = withRegencyFlags(cells, regencies);
  return {
    provinces,
    regencies,
    stats,
    places,
    cells,
    cellsMeta,
    boundaries,
    metrics: createMetricContext(provinces, stats),
    index: createCellIndex(cells, cellsMeta.islandGaps),
    isEast: eastFlags(provinces),
  };
}

/**
 * The cells with the planner's per-cell flags read from their regency: daerah tertinggal, and a regency with
 * outermost small islands (the whole regency is flagged: the surface does not place people on single islands).
 */
function withRegencyFlags(cells: CellTable, regencies: RegenciesFile): CellTable {
  const { regency } = cells;
  if (!regency) return cells;
  const tertinggal = new Uint8Array(cells.count);
  const outermost = new Uint8Array(cells.count);
  for (let c = 0; c < cells.count; c++) {
    const r = regencies.regencies[regency[c]!];
    if (!r) continue;
    tertinggal[c] = r.tertinggal ? 1 : 0;
    outermost[c] = r.outermostIslands > 0 ? 1 : 0;
  }
  return { ...cells, tertinggal, outermost };
}
