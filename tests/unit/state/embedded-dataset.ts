/** The embedded data (public/data) as `loadDataset` prepares it, read from disk for node tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareDataset, type Dataset } from '../../../src/data/dataset';

const dir = join(import.meta.dirname, '../../../public/data');
const json = <T>(name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;

let cached: Dataset | null = null;

/** Loads once per test file. */
export function embeddedDataset(): Dataset {
  if (cached) return cached;
  const bin = readFileSync(join(dir, 'cells.bin'));
  cached = prepareDataset({
    provinces: json('provinces.json'),
    regencies: json('regencies.json'),
    stats: json('stats.json'),
    places: json('places.json'),
    cellsMeta: json('cells.json'),
    boundaries: json('provinces.geojson'),
    bin: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
  });
  return cached;
}
