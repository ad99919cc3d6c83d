// Province matching by BPS or Kemendagri code, ISO code or name, tolerant of the ways files write them.
import { describe, expect, it } from 'vitest';
import { createProvinceMatcher, guessCodeSystem, nameKey } from '../../../../src/domain/import/provinces';
import { closest, editDistance } from '../../../../src/domain/import/text';
import { dataset } from './data';

const provinces = dataset().provinces.provinces;
const m = createProvinceMatcher(provinces);
const bpsOf = (raw: string, system: 'bps' | 'kemendagri' | null = null) => {
  const r = m.match(raw, system);
  return r.type === 'matched' ? r.bps : r.type;
};

describe('province names', () => {
  it.each([
    ['Aceh', 11],
    ['DI. ACEH', 11],
    ['D.I. Aceh', 11],
    ['Nanggroe Aceh Darussalam', 11],
    ['Prov. Jawa Barat', 32],
    ['PROVINSI JAWA BARAT', 32],
    ['Propinsi Jawa Barat', 32],
    ['  jawa   barat ', 32],
    ['West Java', 32],
    ['West Java Province', 32],
    ['Province of West Java', 32],
    ['DKI', 31],
    ['DKI Jakarta', 31],
    ['Jakarta Raya', 31],
    ['D.K.I. Jakarta', 31],
    ['Jakarta', 31],
    ['Daerah Khusus Ibukota Jakarta', 31],
    ['NUSATENGGARA BARAT', 52],
    ['Nusa Tenggara Barat', 52],
    ['NTB', 52],
    ['West Nusa Tenggara', 52],
    ['Bangka Belitung', 19],
    ['Kep. Bangka Belitung', 19],
    ['Kepulauan Bangka Belitung', 19],
    ['Bangka-Belitung Islands', 19],
    ['Kep. Riau', 21],
    ['Kepulauan Riau', 21],
    ['Riau Islands', 21],
    ['Riau', 14],
    ['Yogyakarta', 34],
    ['DI Yogyakarta', 34],
    ['Daerah Istimewa Yogyakarta', 34],
    ['DAERAH ISTIMEWA YOGYAKARTA', 34],
    ['Special Region of Yogyakarta', 34],
    ['Sumatra Utara', 12],
    ['North Sumatra', 12],
    ['Kalimantan Utara', 65],
    ['North Kalimantan', 65],
    ['Papua', 94],
    ['Papua Barat', 91],
    ['West Papua', 91],
    ['Papua Barat Daya', 92],
    ['Southwest Papua', 92],
    ['Papua Pegunungan', 97],
    ['Papua Pengunungan', 97],
    ['Highland Papua', 97],
    ['ID-JB', 32],
    ['id-jb', 32],
    ['JB', 32],
    ['ID-PA', 94],
  ])('%s → BPS %i', (raw, bps) => {
    expect(bpsOf(raw)).toBe(bps);
  });

  it('never matches a near miss silently, and suggests the closest name', () => {
    expect(m.match('Jawa Barar', null)).toEqual({
      type: 'unmatched',
      reason: { code: 'unknownProvince' },
      suggestion: { code: 'name', params: { name: 'Jawa Barat' } },
    });
    expect(m.match('Sulawesi Tenggra', null)).toMatchObject({
      type: 'unmatched',
      suggestion: { code: 'name', params: { name: 'Sulawesi Tenggara' } },
    });
    expect(m.match('Atlantis', null)).toEqual({ type: 'unmatched', reason: { code: 'unknownProvince' } });
    expect(m.match('', null)).toMatchObject({ type: 'unmatched', reason: { code: 'emptyProvince' } });
  });

  it('compares names by a key without case, punctuation, prefixes or spaces', () => {
    expect(nameKey('Prov. NUSATENGGARA BARAT')).toBe('nusatenggarabarat');
    expect(nameKey('Provinsi Kep. Riau')).toBe('kepulauanriau');
  });
});

describe('province codes (data/SOURCES.md section 0)', () => {
  it('reads codes outside the Papua region the same in both systems', () => {
    expect(bpsOf('32')).toBe(32);
    expect(bpsOf('32', 'bps')).toBe(32);
    expect(bpsOf('32', 'kemendagri')).toBe(32);
    expect(bpsOf('3200')).toBe(32);
    expect(bpsOf('32.0')).toBe(32);
  });

  it('reads 91–97 by the chosen system', () => {
    // BPS: 91 Papua Barat, 92 Papua Barat Daya, 94 Papua, 95 Papua Selatan, 96 Papua Tengah, 97 Papua Pegunungan.
    expect(['91', '92', '94', '95', '96', '97'].map((c) => bpsOf(c, 'bps'))).toEqual([
      91, 92, 94, 95, 96, 97,
    ]);
    // Kemendagri: 91 Papua, 92 Papua Barat, 93 Papua Selatan, 94 Papua Tengah, 95 Papua Pegunungan, 96 Papua Barat Daya.
    expect(['91', '92', '93', '94', '95', '96'].map((c) => bpsOf(c, 'kemendagri'))).toEqual([
      94, 91, 95, 96, 97, 92,
    ]);
  });

  it('asks for the system when a code means different provinces in the two', () => {
    expect(m.match('96', null)).toEqual({ type: 'ambiguous', code: 96, asBps: 96, asKemendagri: 92 });
    expect(m.match('91', null)).toEqual({ type: 'ambiguous', code: 91, asBps: 91, asKemendagri: 94 });
    // 97 exists only in BPS codes, 93 only in Kemendagri codes.
    expect(bpsOf('97')).toBe(97);
    expect(bpsOf('93')).toBe(95);
    expect(m.match('97', 'kemendagri')).toMatchObject({
      type: 'unmatched',
      reason: { code: 'noKemendagriCode', params: { code: '97' } },
      suggestion: { code: 'bpsCode', params: { name: 'Papua Pegunungan', code: '97' } },
    });
    expect(m.match('23', null)).toEqual({
      type: 'unmatched',
      reason: { code: 'noCode', params: { code: '23' } },
    });
  });

  it('guesses the system from names in the same rows', () => {
    expect(
      guessCodeSystem(m, [
        ['91', 'PAPUA'],
        ['92', 'PAPUA BARAT'],
        ['11', 'ACEH'],
      ]),
    ).toBe('kemendagri');
    expect(
      guessCodeSystem(m, [
        ['91', 'Papua Barat'],
        ['94', 'Papua'],
      ]),
    ).toBe('bps');
    expect(guessCodeSystem(m, [['11', 'Aceh']])).toBeNull();
    expect(guessCodeSystem(m, [['91', 'Atlantis']])).toBeNull();
  });
});

describe('edit distance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
  it('suggests only close candidates', () => {
    expect(
      closest('jawabarar', [
        ['jawabarat', 'Jawa Barat'],
        ['jawatimur', 'Jawa Timur'],
      ]),
    ).toEqual({ label: 'Jawa Barat', distance: 1 });
    expect(closest('xyz', [['jawabarat', 'Jawa Barat']])).toBeNull();
  });
});
