/** Issue #8 tests: the embedded data read from disk, and a tiny synthetic context for fast property tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eastFlags, type Dataset, type ProvinceFeatures } from '../../../../src/data/dataset';
import { createCellIndex } from '../../../../src/domain/catchment';
import { decodeCells } from '../../../../src/domain/cells';
import type { ImportContext } from '../../../../src/domain/import/pipeline';
import { createMetricContext } from '../../../../src/domain/metrics';
import type { CellsMeta, PlacesFile, ProvincesFile, StatsFile } from '../../../../src/domain/types';

export const root = join(import.meta.dirname, '../../../..');
const json = <T>(name: string) => JSON.parse(readFileSync(join(root, 'public/data', name), 'utf8')) as T;

/** A test fixture of this issue (tests/fixtures/import). */
export const fixture = (name: string) => readFileSync(join(root, 'tests/fixtures/import', name), 'utf8');

let cached: Dataset | null = null;

/** The embedded dataset as `loadDataset` prepares it (loaded once per test file). */
export function dataset(): Dataset {
  if (cached) return cached;
  const provinces = json<ProvincesFile>('provinces.json');
  const stats = json<StatsFile>('stats.json');
  const cellsMeta = json<CellsMeta>('cells.json');
  const bin = readFileSync(join(root, 'public/data/cells.bin'));
  const cells = decodeCells(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength), cellsMeta);
  cached = {
    provinces,
    stats,
    places: json<PlacesFile>('places.json'),
    cells,
    cellsMeta,
    boundaries: json<ProvinceFeatures>('provinces.geojson'),
    metrics: createMetricContext(provinces, stats),
    index: createCellIndex(cells, cellsMeta.islandGaps),
    isEast: eastFlags(provinces),
  };
  return cached;
}

/** What the import pipeline needs, from the embedded dataset. */
export function context(data: Dataset = dataset()): ImportContext {
  return { provinces: data.provinces.provinces, places: data.places, cells: data.cells };
}

/** The 38 provinces with a handful of places and cells: fast enough for thousands of fuzzed inputs. */
export function smallContext(): ImportContext {
  const data = dataset();
  const pick = (n: number, step: number) => Array.from({ length: n }, (_, i) => i * step);
  const places = pick(40, 47);
  const cells = pick(300, 157);
  return {
    provinces: data.provinces.provinces,
    places: {
      name: places.map((i) => data.places.name[i]!),
      lat: places.map((i) => data.places.lat[i]!),
      lon: places.map((i) => data.places.lon[i]!),
      pop: places.map((i) => data.places.pop[i]!),
      polygon: places.map((i) => data.places.polygon[i]!),
    },
    cells: {
      lat: Float32Array.from(cells, (i) => data.cells.lat[i]!),
      lon: Float32Array.from(cells, (i) => data.cells.lon[i]!),
      pop: Uint32Array.from(cells, (i) => data.cells.pop[i]!),
    },
  };
}
