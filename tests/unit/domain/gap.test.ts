import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  apjiiGap,
  bpsGap,
  changeSince,
  classChanges,
  gapSeries,
  provinceSeries,
  underservedByRegion,
  type GapSeries,
} from '../../../src/domain/gap';
import { createMetricContext, type MetricContext } from '../../../src/domain/metrics';
import type {
  Observation,
  PolygonId,
  ProvinceRecord,
  ProvincesFile,
  StatsFile,
} from '../../../src/domain/types';

const root = join(import.meta.dirname, '../../..');
const load = <T>(name: string) => JSON.parse(readFileSync(join(root, 'public/data', name), 'utf8')) as T;
const provinces = load<ProvincesFile>('provinces.json');
const stats = load<StatsFile>('stats.json');
const ctx = createMetricContext(provinces, stats);

const at = (s: GapSeries, year: number) => s.years.find((y) => y.year === year)!;
const r1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

describe('east–west gap on the embedded data', () => {
  it('reproduces the population-weighted BPS figures, SE2016 grouping', () => {
    const s = bpsGap(ctx, 'se2016');
    expect(s.basis).toBe('34');
    const rows = s.years.map((y) => [
      y.year,
      r1(y.east.value),
      r1(y.west.value),
      y.coverage.used,
      y.coverage.complete,
    ]);
    expect(rows).toEqual([
      [2017, 27.5, 33.5, 34, true],
      [2018, 33.7, 41.4, 34, true],
      [2019, 40.9, 49.3, 34, true],
      [2021, 53.0, 69.2, 18, false],
      [2022, 57.8, 71.4, 21, false],
      [2023, 63.0, 70.7, 34, true],
    ]);
    // 18 eastern (incl. Kalimantan) and 16 western provinces on the 34-province basis.
    expect(at(s, 2023).east.expected).toBe(18);
    expect(at(s, 2023).west.expected).toBe(16);
  });

  it('flags partial years with the provinces behind each figure and those missing', () => {
    const y = at(bpsGap(ctx, 'se2016'), 2021);
    expect(y.coverage).toEqual({ used: 18, expected: 34, complete: false });
    expect(y.east.provinces.length + y.east.missing.length).toBe(18);
    expect(y.west.provinces.length + y.west.missing.length).toBe(16);
    expect(y.east.provinces.length).toBe(11);
    expect(y.west.missing).toContain(33); // Jawa Tengah is not in the 2021 top/bottom-ten lists
  });

  it('gives the gap in pp and as a ratio, and the change since the first year', () => {
    const s = bpsGap(ctx, 'se2016');
    const y = at(s, 2023);
    expect(y.gapPp).toBeCloseTo(y.west.value! - y.east.value!, 12);
    expect(y.ratio).toBeCloseTo(y.east.value! / y.west.value!, 12);
    const c = changeSince(s, 2023)!;
    expect(c.from.year).toBe(2017);
    expect(r1(c.gapPp)).toBe(1.7);
    expect(r1(c.eastPp)).toBe(35.5);
    expect(r1(c.westPp)).toBe(37.2);
    expect(c.comparable).toBe(true);
    expect(changeSince(s, 2021)?.comparable).toBe(false);
    expect(changeSince(s, 2017)).toBeNull();
  });

  it('follows the grouping: with the 17-province grouping Kalimantan counts as west', () => {
    const y = at(bpsGap(ctx, 'kti17'), 2023);
    expect(y.east.expected).toBe(13);
    expect(y.west.expected).toBe(21);
    expect(y.west.provinces).toContain(64);
    expect(r1(y.east.value)).toBe(59.5);
  });

  it('APJII is on the 38-province basis, never complete, and leaves provinces without SP2020 weights out', () => {
    const s = apjiiGap(ctx, 'se2016');
    expect(s.basis).toBe('38');
    expect(s.years.map((y) => y.year)).toEqual([2022, 2023, 2024]);
    expect(s.years.every((y) => !y.coverage.complete)).toBe(true);
    const y = at(s, 2023);
    expect(y.coverage.expected).toBe(38);
    expect(y.coverage.used).toBe(29);
    expect(y.east.unweighted).toEqual([96, 97]);
    // 2022: a single province (Sulawesi Tengah, same territory on both bases), so no gap.
    expect(at(s, 2022).west.value).toBeNull();
    expect(at(s, 2022).gapPp).toBeNull();
    expect(changeSince(s, 2023)).toBeNull();
  });

  it('per-province series cover every province on the basis', () => {
    const rows = provinceSeries(ctx, 'bps', 'se2016');
    expect(rows).toHaveLength(34);
    const jakarta = rows.find((r) => r.bps === 31)!;
    expect(jakarta.region).toBe('west');
    expect(jakarta.polygonId).toBe(10);
    expect(jakarta.points.map((p) => p.year)).toEqual([2017, 2018, 2019, 2021, 2022, 2023]);
    expect(provinceSeries(ctx, 'apjii', 'se2016')).toHaveLength(38);
  });

  it('compares BPS and APJII classes over the provinces both cover on the same territory', () => {
    const c = classChanges(ctx, 2023, 'quantile', 5)!;
    expect(c.compared).toHaveLength(29);
    for (const b of [91, 94, 96, 97]) expect(c.compared).not.toContain(b);
    expect(c.changes.length).toBeGreaterThan(0);
    for (const ch of c.changes) expect(ch.bpsClass).not.toBe(ch.apjiiClass);
    expect(classChanges(ctx, 2022, 'quantile', 5)).toBeNull(); // APJII has one province in 2022
    expect(classChanges(ctx, 2017, 'quantile', 5)).toBeNull(); // no APJII figures
  });

  it('does not mutate its inputs', () => {
    const before = JSON.stringify([provinces, stats]);
    bpsGap(ctx, 'se2016');
    apjiiGap(ctx, 'kti17');
    provinceSeries(ctx, 'bps', 'se2016');
    classChanges(ctx, 2023, 'jenks', 4);
    expect(JSON.stringify([provinces, stats])).toBe(before);
  });
});

/** Four provinces: two east, two west; one western province was split in 2022 (its new part has no weight). */
function tiny(observations: Observation[]): MetricContext {
  const p = (bps: number, east: boolean, extra: Partial<ProvinceRecord> = {}): ProvinceRecord => ({
    bps,
    kemendagri: bps,
    iso: `ID-${bps}`,
    nameId: `P${bps}`,
    nameEn: `P${bps}`,
    islandGroup: 'x',
    capital: 'x',
    capitalLat: 0,
    capitalLon: 0,
    areaKm2: null,
    ktiSe2016: east,
    kti17: east,
    splitFrom: null,
    splitYear: null,
    splitLaw: null,
    polygonId: (bps % 10) as PolygonId,
    ...extra,
  });
  const file: ProvincesFile = {
    provinces: [
      p(1, true),
      p(2, true),
      p(3, false),
      p(4, false),
      p(5, false, { splitFrom: 4, splitYear: 2022 }),
    ],
    polygons: [],
  };
  const pop = (bps: number, value: number): Observation => ({
    metric: 'population',
    bps,
    basis: '34',
    year: 2020,
    value,
    sourceId: 'pop',
  });
  return createMetricContext(file, {
    sources: [],
    national: [],
    stops: [],
    facts: [],
    observations: [pop(1, 100), pop(2, 300), pop(3, 200), pop(4, 200), ...observations],
  });
}
const obs = (
  bps: number,
  year: number,
  value: number,
  metric: Observation['metric'] = 'internet_use_bps',
  basis: '34' | '38' = '34',
): Observation => ({
  metric,
  bps,
  basis,
  year,
  value,
  sourceId: `${metric}-${year}`,
});

describe('gap arithmetic on a synthetic case', () => {
  it('weights by SP2020 population and counts only provinces with data', () => {
    const c = tiny([
      obs(1, 2020, 40),
      obs(2, 2020, 80),
      obs(3, 2020, 50),
      obs(3, 2021, 60),
      obs(4, 2021, 70),
    ]);
    const s = gapSeries(c, 'bps', 'se2016');
    const y20 = s.years[0]!;
    expect(y20.east.value).toBeCloseTo((40 * 100 + 80 * 300) / 400, 12); // 70, not the plain mean 60
    expect(y20.west.value).toBe(50);
    expect(y20.west.missing).toEqual([4]);
    expect(y20.coverage).toEqual({ used: 3, expected: 4, complete: false });
    expect(y20.gapPp).toBeCloseTo(-20, 12);
    const y21 = s.years[1]!;
    expect(y21.east.value).toBeNull();
    expect(y21.gapPp).toBeNull();
    expect(y21.ratio).toBeNull();
    expect(y21.west.value).toBe(65);
  });

  it('on the 38 basis: a province without a weight is listed, not guessed; the changed parent is not reused from 34', () => {
    const c = tiny([
      obs(1, 2023, 50, 'internet_use_apjii', '38'),
      obs(3, 2023, 60, 'internet_use_apjii', '34'), // unchanged territory: usable on the 38 basis
      obs(4, 2023, 90, 'internet_use_apjii', '34'), // split in 2022: territory differs, not used
      obs(5, 2023, 10, 'internet_use_apjii', '38'), // no SP2020 weight on the new boundary
    ]);
    const y = gapSeries(c, 'apjii', 'se2016').years[0]!;
    expect(y.west.provinces).toEqual([3]);
    expect(y.west.missing).toEqual([4]);
    expect(y.west.unweighted).toEqual([5]);
    expect(y.west.value).toBe(60);
    expect(y.coverage).toEqual({ used: 2, expected: 5, complete: false });
  });
});

describe('underservedByRegion', () => {
  it('sums offline people outside the catchments per region', () => {
    const offline = [10, 20, 30, 40];
    const covered = [0, 0.5, 1, 0];
    const polygon = [0, 0, 1, 1];
    const r = underservedByRegion(offline, covered, polygon, [true, false]);
    expect(r.east).toEqual({ offline: 30, outside: 10 + 10 });
    expect(r.west).toEqual({ offline: 70, outside: 0 + 40 });
  });
});
