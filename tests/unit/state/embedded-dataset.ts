/** The embedded data (public/data) as `loadDataset` prepares it, read from disk for node tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eastFlags, type Dataset, type ProvinceFeatures } from '../../../src/data/dataset';
import { createCellIndex } from '../../../src/domain/catchment';
import { decodeCells } from '../../../src/domain/cells';
import { createMetricContext } from '../../../src/domain/metrics';
import type { CellsMeta, PlacesFile, ProvincesFile, StatsFile } from '../../../src/domain/types';

const dir = join(import.meta.dirname, '../../../public/data');
const json = <T>(name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;

let cached: Dataset | null = null;

/** Loads once per test file. */
export function embeddedDataset(): Dataset {
  if (cached) return cached;
  const provinces = json<ProvincesFile>('provinces.json');
  const stats = json<StatsFile>('stats.json');
  const cellsMeta = json<CellsMeta>('cells.json');
  const bin = readFileSync(join(dir, 'cells.bin'));
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
