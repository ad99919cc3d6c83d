import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAll } from '../../../data/build';

const dataDir = join(import.meta.dirname, '../../../data');

/** Copy data/ to a temp dir, apply an edit to one CSV, run the build and return its error message. */
function buildWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'jangkau-data-'));
  cpSync(dataDir, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  try {
    buildAll(dir);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

describe('npm run data on bad input', () => {
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
});
