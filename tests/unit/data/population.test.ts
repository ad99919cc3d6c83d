/**
 * Checks of the embedded population surface and candidate towns (public/data, which build.test.ts proves is what
 * `npm run data` writes) against the 2020 census.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../../data/lib/geo';
import { decodeCells } from '../../../src/domain/cells';
import type {
  CellsMeta,
  PlacesFile,
  ProvincesFile,
  RegenciesFile,
  StatsFile,
} from '../../../src/domain/types';

const dir = join(import.meta.dirname, '../../../public/data');
const read = <T>(name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
const regencies = read<RegenciesFile>('regencies.json').regencies;
const provinces = read<ProvincesFile>('provinces.json');
const stats = read<StatsFile>('stats.json');
const places = read<PlacesFile>('places.json');
const bin = readFileSync(join(dir, 'cells.bin'));
const cells = decodeCells(
  bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
  read<CellsMeta>('cells.json'),
);
const regencyOf = cells.regency!;

/** People on the land mass (island) holding the cell nearest a point. */
function islandPop(lat: number, lon: number): number {
  let best = 0;
  let d = Infinity;
  for (let i = 0; i < cells.count; i++) {
    const k = haversineKm(lat, lon, cells.lat[i]!, cells.lon[i]!);
    if (k < d) {
      d = k;
      best = i;
    }
  }
  let sum = 0;
  for (let i = 0; i < cells.count; i++) if (cells.island[i] === cells.island[best]) sum += cells.pop[i]!;
  return sum;
}

describe('population surface', () => {
  it('every regency sums exactly to its 2020 population', () => {
    const sums = new Array<number>(regencies.length).fill(0);
    for (let i = 0; i < cells.count; i++) sums[regencyOf[i]!]! += cells.pop[i]!;
    regencies.forEach((r, i) => expect(sums[i], r.name).toBe(r.pop2020));
  });

  it('every cell lies in the province of its regency', () => {
    for (let i = 0; i < cells.count; i++) expect(cells.polygon[i]).toBe(regencies[regencyOf[i]!]!.polygon);
  });

  it('every province (on the SP2020 basis) sums exactly to its SP2020 total, to the person', () => {
    const census = stats.observations.filter(
      (o) => o.metric === 'population' && o.year === 2020 && o.basis === '34',
    );
    const rootOf = (bps: number) => {
      const p = provinces.provinces.find((q) => q.bps === bps)!;
      return p.splitYear !== null && p.splitYear >= 2022 ? p.splitFrom! : bps;
    };
    const sums = new Map<number, number>();
    for (let i = 0; i < cells.count; i++) {
      const root = rootOf(regencies[regencyOf[i]!]!.bps);
      sums.set(root, (sums.get(root) ?? 0) + cells.pop[i]!);
    }
    expect(census).toHaveLength(34);
    for (const o of census) expect(sums.get(o.bps), `BPS ${o.bps}`).toBe(o.value);
    expect([...sums.values()].reduce((a, b) => a + b, 0)).toBe(270_203_917);
  });

  it('cited SP2020 regency counts are kept as cited', () => {
    const csv = readFileSync(
      join(import.meta.dirname, '../../../data/admin/regency_population_sp2020.csv'),
      'utf8',
    );
    const cited = regencies.filter((r) => r.pop2020Basis === 'sp2020');
    expect(cited.length).toBeGreaterThan(100);
    for (const r of cited)
      expect(csv, r.name).toMatch(new RegExp(`\\n${r.code.replace('.', '\\.')},[^\\n]*,${r.pop2020},`));
  });

  it('Lombok and Sumbawa hold their SP2020 populations within 5 %', () => {
    const lombok = islandPop(-8.58, 116.12); // Mataram
    const sumbawa = islandPop(-8.5, 117.42); // Sumbawa Besar
    expect(Math.abs(lombok / 3_758_631 - 1)).toBeLessThan(0.05);
    expect(Math.abs(sumbawa / 1_561_461 - 1)).toBeLessThan(0.05);
  });

  it('no cell holds more than 1.5 million people', () => {
    expect(Math.max(...cells.pop)).toBeLessThanOrEqual(1_500_000);
  });
});

describe('candidate towns', () => {
  const kind = places.kind!;
  const regency = places.regency!;
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

  it('have no duplicate town within 10 km under two names', () => {
    for (let i = 0; i < places.id.length; i++)
      for (let j = i + 1; j < places.id.length; j++) {
        if (haversineKm(places.lat[i]!, places.lon[i]!, places.lat[j]!, places.lon[j]!) >= 10) continue;
        const a = norm(places.name[i]!);
        const b = norm(places.name[j]!);
        expect(a.includes(b) || b.includes(a), `${places.name[i]} / ${places.name[j]}`).toBe(false);
      }
  });

  it('every regency has a candidate, and its seat is one of its candidates', () => {
    const have = new Set(regency);
    regencies.forEach((r, i) => {
      expect(have.has(i), r.name).toBe(true);
      expect(regency[r.seat], r.name).toBe(i);
      expect(['capital', 'kota', 'seat']).toContain(kind[r.seat]);
    });
  });

  it('the 2018 campaign cities are candidates', () => {
    for (const city of ['Gorontalo', 'Kupang', 'Manokwari', 'Mataram', 'Jayapura']) {
      const i = places.name.findIndex((n, k) => n === city && kind[k] !== 'town');
      expect(i, city).toBeGreaterThanOrEqual(0);
    }
  });

  it('name towns as Indonesians write them and carry no regency total on a town', () => {
    expect(places.name.some((n) => /^(North|South|East|West|Central) |^City of | Subdistrict$/.test(n))).toBe(
      false,
    );
    expect(places.name).toContain('Tangerang Selatan');
    for (const seat of ['Merauke', 'Timika', 'Wamena', 'Tanjung Selor'])
      expect(places.name, seat).toContain(seat);
    const balikpapan = places.name.flatMap((n, i) => (norm(n).includes('balikpapan') ? [i] : []));
    expect(balikpapan).toHaveLength(1);
    expect(places.pop[balikpapan[0]!]).toBe(regencies[regency[balikpapan[0]!]!]!.pop2020);
    const situbondo = places.name.indexOf('Situbondo');
    expect(places.pop[situbondo]).toBe(0);
  });
});
