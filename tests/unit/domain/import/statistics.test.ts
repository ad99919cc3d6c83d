// Province statistics from CSV → observations, with every row not taken reported by row and column.
import { describe, expect, it } from 'vitest';
import { problemText } from '../../../../src/ui/import/issue-text';
import { english, tId } from '../../i18n/translate';
import { analyseImport, type ImportOptions } from '../../../../src/domain/import/pipeline';
import type { StatisticsResult } from '../../../../src/domain/import/statistics';
import { context, fixture } from './data';

const ctx = context();
const stats = (name: string, text: string, options: ImportOptions = {}) => {
  const p = analyseImport({ name, text }, options, ctx);
  return { p, r: p.result as StatisticsResult, issues: p.issues.map(english) };
};

describe('an Indonesian spreadsheet export (BOM, semicolons, decimal commas, thousands dots, quotes)', () => {
  const { p, r, issues } = stats('statistics-id.csv', fixture('statistics-id.csv'));

  it('is read as statistics with the columns guessed', () => {
    expect(p.kind).toBe('statistics');
    expect(r.options).toMatchObject({
      provinceColumn: 'Provinsi',
      yearColumn: 'Tahun',
      basis: '34',
      metrics: {
        'Persentase Penduduk yang Mengakses Internet (%)': 'internet_use_bps',
        'Jumlah Penduduk': 'population',
      },
    });
  });

  it('matches the variants and reads the numbers', () => {
    const values = Object.fromEntries(
      r.observations.filter((o) => o.metric === 'internet_use_bps').map((o) => [o.bps, o.value]),
    );
    expect(values).toEqual({
      11: 72.53,
      12: 71.2,
      32: 80.1,
      31: 88.4,
      52: 64.8,
      21: 86.9,
      19: 75.3,
      34: 87.2,
    });
    const pop = r.observations.find((o) => o.metric === 'population' && o.bps === 11);
    expect(pop).toEqual({
      metric: 'population',
      bps: 11,
      basis: '34',
      year: 2024,
      value: 5554800,
      sourceId: '',
    });
  });

  it('reports the unmatched province with a suggestion and the out-of-range value, by row and column', () => {
    expect(issues).toEqual([
      'statistics-id.csv, row 10, column "Provinsi": no province has this name (did you mean Jawa Barat?)',
      'statistics-id.csv, row 11, column "Persentase Penduduk yang Mengakses Internet (%)": out of range: a percentage must be between 0 and 100',
    ]);
    const column = 'Persentase Penduduk yang Mengakses Internet (%)';
    expect(p.issues.map((i) => [i.at, i.problem, i.value, i.suggestion])).toEqual([
      [
        { type: 'row', row: 10, column: 'Provinsi' },
        { code: 'unknownProvince' },
        'Jawa Barar',
        { code: 'name', params: { name: 'Jawa Barat' } },
      ],
      [{ type: 'row', row: 11, column }, { code: 'percentOutOfRange' }, '101,5', undefined],
    ]);
    expect(r.counts).toMatchObject({ rows: 10, matchedRows: 9, unmatchedRows: 1, outOfRange: 1 });
    expect(p.ok).toBe(true);
  });
});

describe('province codes', () => {
  const text = fixture('statistics-codes.csv');

  it('asks for the code system when 91–96 appear, without importing those rows', () => {
    const { p, r, issues } = stats('codes.csv', text);
    expect(r.needsCodeSystem).toBe(true);
    expect(issues).toContain(
      'codes.csv, row 4, column "kode": code 91 is Papua Barat in BPS codes but Papua in Kemendagri codes: choose the code system',
    );
    expect(r.observations.map((o) => o.bps)).toEqual([11, 31]);
    expect(p.ok).toBe(true);
  });

  it('reads them as Kemendagri codes when told, and guesses the 38-province list (94 is Papua Tengah)', () => {
    const { r, issues } = stats('codes.csv', text, { statistics: { codeSystem: 'kemendagri' } });
    expect(issues).toEqual([]);
    expect(r.options.basis).toBe('38');
    expect(r.observations.map((o) => o.bps)).toEqual([11, 31, 94, 91, 96]);
  });

  it('refuses a province created in 2022 on the 34-province list', () => {
    const { r, issues } = stats('codes.csv', text, { statistics: { codeSystem: 'kemendagri', basis: '34' } });
    expect(issues).toEqual([
      // Kemendagri 94 is Papua Tengah, which did not exist before 2022.
      'codes.csv, row 6, column "kode": Papua Tengah was created in 2022; it has no figures on the 34-province list: choose the 38-province list',
    ]);
    expect(r.observations.map((o) => [o.bps, o.value])).toEqual([
      [11, 72.5],
      [31, 88.4],
      [94, 60.1],
      [91, 58],
    ]);
  });

  it('reads them as BPS codes on the 38-province list', () => {
    const { r, issues } = stats('codes.csv', text, { statistics: { codeSystem: 'bps', basis: '38' } });
    expect(issues).toEqual([]);
    expect(r.observations.map((o) => [o.bps, o.basis])).toEqual([
      [11, '38'],
      [31, '38'],
      [91, '38'],
      [92, '38'],
      [94, '38'],
    ]);
  });

  it('guesses the system from a name column beside the codes, and the 38 list from a new province', () => {
    const { r } = stats(
      'c.csv',
      'kode,provinsi,tahun,internet\n91,Papua,2024,40\n96,Papua Barat Daya,2024,50\n',
    );
    expect(r.options).toMatchObject({ provinceColumn: 'provinsi', codeSystem: 'kemendagri', basis: '38' });
  });
});

describe('layouts', () => {
  it('reads one column per year (years across), with the metric from the file name', () => {
    const { r, issues } = stats('internet-bps.csv', 'Provinsi,2022,2023\nAceh,"65,1","70,2"\nBali,80.0,—\n');
    expect(issues).toEqual([]);
    expect(r.options.metrics).toEqual({ '2022': 'internet_use_bps', '2023': 'internet_use_bps' });
    expect(r.observations.map((o) => [o.bps, o.year, o.value])).toEqual([
      [11, 2022, 65.1],
      [11, 2023, 70.2],
      [51, 2022, 80],
    ]);
    expect(r.counts.empty).toBe(1);
  });

  it('reads the long layout (province, year, metric, value)', () => {
    const { r, issues } = stats(
      'long.csv',
      'province,year,metric,value\nAceh,2024,internet_use_bps,70\nAceh,2024,Jumlah penduduk,"5,554,800"\nBali,2024,rainfall,3\n',
    );
    expect(r.observations.map((o) => [o.metric, o.value])).toEqual([
      ['internet_use_bps', 70],
      ['population', 5554800],
    ]);
    expect(issues).toEqual([
      'long.csv, row 4, column "metric": unknown metric; use one of population, internet_use_bps, internet_use_apjii, households_internet, msme_total, msme_umk, ip_tik',
    ]);
  });

  it('needs a year: from a column, the headers, or the user', () => {
    const text = 'Provinsi;Internet\nAceh;70\n';
    expect(stats('a.csv', text).issues).toEqual([
      'a.csv, row 1: the year is unknown: choose the year column or enter the year of the figures',
    ]);
    expect(stats('a.csv', text).p.ok).toBe(false);
    const { r, p } = stats('a.csv', text, { statistics: { year: 2025 } });
    expect(p.ok).toBe(true);
    expect(r.observations[0]).toMatchObject({ bps: 11, year: 2025, value: 70 });
  });

  it('keeps the first of two different values for the same province, metric and year, and says so', () => {
    const { p, r, issues } = stats(
      'd.csv',
      'provinsi,tahun,internet\nAceh,2024,70\nACEH,2024,70\nAceh,2024,71\n',
    );
    expect(r.observations).toHaveLength(1);
    expect(p.issues[0]).toMatchObject({
      at: { type: 'row', row: 4, column: 'internet' },
      problem: {
        code: 'duplicateValue',
        params: { province: 'Aceh', metric: 'internet_use_bps', year: '2024', row: 2, value: 70 },
      },
    });
    // The metric by its name, in either language.
    expect(issues).toEqual([
      'd.csv, row 4, column "internet": a second value for Aceh, Internet use (% of people aged 5+, BPS) 2024 (row 2 has 70); the first is kept',
    ]);
    expect(problemText(tId, 'id', p.issues[0]!.problem)).toBe(
      'nilai kedua untuk Aceh, Penggunaan internet (% penduduk usia 5+, BPS) 2024 (baris 2 berisi 70); nilai pertama yang dipakai',
    );
  });

  it('rejects negative counts and unreadable values by row and column', () => {
    const { issues } = stats(
      'n.csv',
      'provinsi,tahun,jumlah penduduk\nAceh,2024,-5\nBali,2024,banyak\nRiau,dua ribu,5\n',
    );
    expect(issues).toEqual([
      'n.csv, row 2, column "jumlah penduduk": out of range: a count cannot be negative',
      'n.csv, row 3, column "jumlah penduduk": not a number',
      'n.csv, row 4, column "tahun": not a year between 1900 and 2100',
      'n.csv, row 1: no row could be imported; see the problems listed for each row',
    ]);
  });
});
