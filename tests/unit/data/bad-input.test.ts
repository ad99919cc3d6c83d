import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../../data/build';

const dataDir = join(import.meta.dirname, '../../../data');

/**
 * Copy data/ to a temp dir, apply an edit to one file and run the build's reading and checking stage (every check
 * on the inputs runs there, before the geometry work) and return its error message.
 */
function buildWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'jangkau-data-'));
  cpSync(dataDir, dir, { recursive: true });
  const text = readFileSync(join(dir, file), 'utf8');
  const edited = edit(text);
  if (edited === text) throw new Error(`the edit of ${file} changed nothing`);
  writeFileSync(join(dir, file), edited);
  try {
    readInputs(dir);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

// Each case reads all inputs (about a second: two boundary files, the island registry) but never runs the
// geometry work; the first read, which also loads and compiles the modules, runs once in beforeAll.
describe('npm run data on bad input', { timeout: 60_000 }, () => {
  beforeAll(() => {
    readInputs(dataDir);
  }, 120_000);

  it('reads the committed inputs without error', () => {
    expect(() => readInputs(dataDir)).not.toThrow();
  });

  it('names file, row and column for an out-of-range percentage', () => {
    const msg = buildWith('internet_use.csv', (t) =>
      t.replace('11,11,Aceh,2017,22.86', '11,11,Aceh,2017,122.86'),
    );
    expect(msg).toMatch(
      /data\/internet_use\.csv, row 2, column "pct_population_accessing_internet": value out of range/,
    );
  });

  it('names file, row and column for an unknown province code', () => {
    const msg = buildWith('household_internet_access.csv', (t) =>
      t.replace('\n12,12,Sumatera Utara', '\n99,12,Sumatera Utara'),
    );
    expect(msg).toMatch(
      /data\/household_internet_access\.csv, row 3, column "bps_code": unknown BPS code 99/,
    );
  });

  it('names file, row and column for a value that is not a number', () => {
    const msg = buildWith('population.csv', (t) =>
      t.replace('11,11,Aceh,2020,5274871', '11,11,Aceh,2020,5.2 juta'),
    );
    expect(msg).toMatch(
      /data\/population\.csv, row 2, column "population": expected a number \(got "5\.2 juta"\)/,
    );
  });

  it('names the row of a malformed CSV line', () => {
    const msg = buildWith('msme.csv', (t) => t.replace('\n13,13,Sumatera Barat', '\n13,13,"Sumatera Barat'));
    expect(msg).toMatch(/data\/msme\.csv, row \d+/);
  });

  it('rejects an invalid ISO code in the province registry', () => {
    const msg = buildWith('provinces.csv', (t) => t.replace('ID-AC', 'IDAC'));
    expect(msg).toMatch(/data\/provinces\.csv, row 2, column "iso_code"/);
  });

  it('names the row of a regency code that is not in the registry', () => {
    const msg = buildWith('admin/regency_population_sp2020.csv', (t) =>
      t.replace('\n11.02,11,', '\n11.99,11,'),
    );
    expect(msg).toMatch(
      /data\/admin\/regency_population_sp2020\.csv, row 3, column "kemendagri_code": regency 11\.99 is not in the registry/,
    );
  });

  it('names the row of a province total that its regencies do not add up to', () => {
    const msg = buildWith('admin/regency_population_dukcapil_2024.csv', (t) =>
      t.replace('\n11,province,Aceh,5623479,', '\n11,province,Aceh,5623478,'),
    );
    expect(msg).toMatch(
      /data\/admin\/regency_population_dukcapil_2024\.csv, row 3, column "population_total": Aceh: 5623478 but its regencies add up to 5623479/,
    );
  });

  it('names the feature and field of a polygon that does not parse', () => {
    const msg = buildWith('admin/regencies-514.geojson', (t) =>
      t.replace('"coordinates":[[[[97.593792,2.807968]', '"coordinates":[[[["97.593792",2.807968]'),
    );
    expect(msg).toMatch(
      /data\/admin\/regencies-514\.geojson, feature 1, field "geometry": 11\.01: position \["97\.593792",2\.807968\] is not a \[lon, lat\] pair/,
    );
  });

  it('names the feature of a regency polygon whose code is not in the registry', () => {
    const msg = buildWith('admin/regencies-514.geojson', (t) =>
      t.replace('"kode":"11.01"', '"kode":"11.00"'),
    );
    expect(msg).toMatch(
      /data\/admin\/regencies-514\.geojson, feature 1, field "kode": regency 11\.00 is not in the registry/,
    );
  });

  it('names file, row and column of a malformed regency code in the areas table', () => {
    const msg = buildWith('admin/regency_area_big_2024.csv', (t) =>
      t.replace('\n11.10,regency,', '\n11.1,regency,'),
    );
    expect(msg).toMatch(/data\/admin\/regency_area_big_2024\.csv, row 12, column "kemendagri_code"/);
  });
});
