/**
 * Loading the embedded data from `/data/` (same origin; nothing else is fetched) and preparing what the
 * domain functions need. Each file is checked for its basic shape; a failure names the file.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { createCellIndex, type CellIndex } from '../domain/catchment';
import { decodeCells } from '../domain/cells';
import { createMetricContext, type MetricContext } from '../domain/metrics';
import type { CellTable, CellsMeta, PlacesFile, ProvincesFile, StatsFile } from '../domain/types';
import type { Grouping } from '../state/slices/view';

export type ProvinceFeatures = FeatureCollection<
  Polygon | MultiPolygon,
  { id: number; iso: string; label: string }
>;

export interface Dataset {
  readonly provinces: ProvincesFile;
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

export class DataLoadError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'DataLoadError';
  }
}

async function fetchOk(base: string, name: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`${base}${name}`);
  } catch (e) {
    throw new DataLoadError(name, `could not be loaded (${(e as Error).message})`);
  }
  if (!res.ok) throw new DataLoadError(name, `could not be loaded (HTTP ${res.status})`);
  return res;
}

async function json<T>(base: string, name: string, check: (x: unknown) => boolean): Promise<T> {
  const res = await fetchOk(base, name);
  let value: unknown;
  try {
    value = await res.json();
  } catch {
    throw new DataLoadError(name, 'is not valid JSON');
  }
  if (!check(value)) throw new DataLoadError(name, 'does not have the expected structure');
  return value as T;
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
  const [provinces, stats, places, cellsMeta, boundaries, bin] = await Promise.all([
    json<ProvincesFile>(base, 'provinces.json', hasArrays('provinces', 'polygons')),
    json<StatsFile>(base, 'stats.json', hasArrays('sources', 'observations', 'national', 'stops', 'facts')),
    json<PlacesFile>(base, 'places.json', hasArrays('id', 'name', 'lat', 'lon', 'pop', 'polygon')),
    json<CellsMeta>(base, 'cells.json', (x) => isObj(x) && x['version'] === 1 && Array.isArray(x['columns'])),
    json<ProvinceFeatures>(base, 'provinces.geojson', hasArrays('features')),
    fetchOk(base, 'cells.bin').then((r) => r.arrayBuffer()),
  ]);
  boundaryUrls.set(boundaries, new URL(`${base}provinces.geojson`, globalThis.location?.href).href);
  return prepareDataset({ provinces, stats, places, cellsMeta, boundaries, bin });
}

/** The loaded files, before decoding and indexing. */
export interface DatasetFiles {
  readonly provinces: ProvincesFile;
  readonly stats: StatsFile;
  readonly places: PlacesFile;
  readonly cellsMeta: CellsMeta;
  readonly boundaries: ProvinceFeatures;
  readonly bin: ArrayBuffer;
}

/**
 * Decodes the cells and builds what the domain needs (metric context, cell index, east flags) from the files.
 * @example prepareDataset({ provinces, stats, places, cellsMeta, boundaries, bin })
 */
export function prepareDataset(files: DatasetFiles): Dataset {
  const { provinces, stats, places, cellsMeta, boundaries, bin } = files;
  let cells: CellTable;
  try {
    cells = decodeCells(bin, cellsMeta);
  } catch (e) {
    throw new DataLoadError('cells.bin', (e as Error).message);
  }
  return {
    provinces,
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
