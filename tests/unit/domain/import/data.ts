/** tests: the embedded data read from disk, and a tiny synthetic context for fast property tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../../../src/data/dataset';
import type { ImportContext } from '../../../../src/domain/import/pipeline';
import { embeddedDataset } from '../../state/embedded-dataset';

export const root = join(import.meta.dirname, '../../../..');

/** A test fixture of this issue (tests/fixtures/import). */
export const fixture = (name: string) => readFileSync(join(root, 'tests/fixtures/import', name), 'utf8');

/** The embedded dataset as `loadDataset` prepares it (loaded once per test file). */
export const dataset = (): Dataset => embeddedDataset();

/** What the import pipeline needs, from the embedded dataset. */
export function context(data: Dataset = dataset()): ImportContext {
  return { provinces: data.provinces.provinces, places: data.places, cells: data.cells };
}

/** The 38 provinces with a handful of places and cells: fast enough for thousands of fuzzed inputs. */
export function smallContext(): ImportContext {
  const data = dataset();
  const pick = (n: number, step: number) => Array.from({ length: n }, (_, i) => i * step);
  const places = pick(40, Math.floor(data.places.id.length / 40));
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
