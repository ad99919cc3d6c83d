import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAll } from '../../../data/build';
import { aggregateToPolygons, censusWeights, METRIC_KIND } from '../../../src/domain/aggregate';
import type { CellsMeta, PlacesFile, ProvincesFile, StatsFile } from '../../../src/domain/types';

const root = join(import.meta.dirname, '../../..');
const committed = (name: string) => readFileSync(join(root, 'public/data', name));

describe('npm run data', () => {
  let files: Record<string, string | Uint8Array>;
  let provinces: ProvincesFile;
  let stats: StatsFile;
  let places: PlacesFile;
  let meta: CellsMeta;
  let bin: Uint8Array;
  beforeAll(() => {
    files = buildAll(join(root, 'data'));
    provinces = JSON.parse(files['provinces.json'] as string) as ProvincesFile;
    stats = JSON.parse(files['stats.json'] as string) as StatsFile;
    places = JSON.parse(files['places.json'] as string) as PlacesFile;
    meta = JSON.parse(files['cells.json'] as string) as CellsMeta;
    bin = files['cells.bin'] as Uint8Array;
  }, 120_000);

  it('is deterministic: a fresh build equals the committed public/data byte for byte', () => {
    for (const [name, content] of Object.entries(files)) {
      const fresh = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
      expect(fresh.equals(committed(name)), `${name} differs from the committed file; run npm run data`).toBe(
        true,
      );
    }
  });

  it('has 38 provinces, each in exactly one of 33 polygons, and every polygon has a province', () => {
    expect(provinces.provinces).toHaveLength(38);
    expect(provinces.polygons).toHaveLength(33);
    for (const p of provinces.provinces) {
      expect(provinces.polygons.filter((g) => g.provinces.includes(p.bps))).toHaveLength(1);
      expect(provinces.polygons[p.polygonId]?.provinces).toContain(p.bps);
    }
    for (const g of provinces.polygons) expect(g.provinces.length).toBeGreaterThan(0);
    const merged = provinces.polygons.find((g) => g.iso === 'ID-KI');
    expect(merged?.label).toBe('Kalimantan Timur incl. Kalimantan Utara');
  });

  it('keeps both code systems apart for the Papua region', () => {
    const byIso = new Map(provinces.provinces.map((p) => [p.iso, p]));
    expect(byIso.get('ID-PD')).toMatchObject({ bps: 92, kemendagri: 96, splitFrom: 91, splitYear: 2022 });
    expect(byIso.get('ID-PT')).toMatchObject({ bps: 96, kemendagri: 94, splitFrom: 94 });
    expect(byIso.get('ID-KU')).toMatchObject({ splitFrom: 64, splitYear: 2012 });
  });

  it('every percentage lies in [0, 100] and every observation cites a known source', () => {
    const ids = new Set(stats.sources.map((s) => s.id));
    for (const o of stats.observations) {
      expect(ids.has(o.sourceId), o.sourceId).toBe(true);
      if (METRIC_KIND[o.metric] === 'percent') {
        expect(o.value).toBeGreaterThanOrEqual(0);
        expect(o.value).toBeLessThanOrEqual(100);
      } else expect(o.value).toBeGreaterThan(0);
    }
    for (const n of stats.national) expect(ids.has(n.sourceId)).toBe(true);
    for (const s of stats.stops) expect(ids.has(s.sourceId)).toBe(true);
  });

  it('does not ship unverified values (2024 BPS internet use) nor invent missing years', () => {
    const bps = stats.observations.filter((o) => o.metric === 'internet_use_bps');
    expect(bps.some((o) => o.year === 2024 || o.year === 2020)).toBe(false);
    expect(bps.filter((o) => o.year === 2021)).toHaveLength(18);
  });

  it('places have unique ids and all are assigned to a polygon', () => {
    expect(new Set(places.id).size).toBe(places.id.length);
    expect(places.id.length).toBeGreaterThan(1800);
    for (const p of places.polygon) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(33);
    }
  });

  it('population surface: cells of each polygon sum to its SP2020 total, to the person', () => {
    const col = (name: string) => meta.columns.find((c) => c.name === name)!.offset;
    const pop = new Uint32Array(bin.buffer, bin.byteOffset + col('pop'), meta.count);
    const polygon = new Uint8Array(bin.buffer, bin.byteOffset + col('polygon'), meta.count);
    const sums = new Array<number>(33).fill(0);
    for (let i = 0; i < meta.count; i++) sums[polygon[i]!]! += pop[i]!;
    const changed = new Set([91, 94]);
    const census = aggregateToPolygons(
      stats.observations.filter((o) => o.metric === 'population' && o.year === 2020 && o.basis === '34'),
      provinces.polygons,
      censusWeights(stats.observations, changed),
    );
    census.forEach((c, i) => expect(sums[i], provinces.polygons[i]!.label).toBe(c.value));
    expect(sums.reduce((a, b) => a + b, 0)).toBe(270_203_917);
    expect(meta.count).toBeGreaterThan(40_000);
    expect(meta.count).toBeLessThan(60_000);
    expect(bin.byteLength).toBeLessThan(2_000_000);
  });

  it('reports (without forcing) whether the east is below the west in every year', () => {
    const weights = censusWeights(stats.observations, new Set([91, 94]));
    const east = new Set(provinces.provinces.filter((p) => p.ktiSe2016).map((p) => p.bps));
    const years = [
      ...new Set(stats.observations.filter((o) => o.metric === 'internet_use_bps').map((o) => o.year)),
    ];
    const lines = years.sort().map((y) => {
      const obs = stats.observations.filter((o) => o.metric === 'internet_use_bps' && o.year === y);
      const mean = (inEast: boolean) => {
        const xs = obs.filter((o) => east.has(o.bps) === inEast);
        const w = xs.map((o) => weights['34'].get(o.bps) ?? 0);
        const total = w.reduce((a, b) => a + b, 0);
        return xs.reduce((s, o, i) => s + o.value * w[i]!, 0) / total;
      };
      return { y, east: mean(true), west: mean(false), n: obs.length };
    });
    console.log(
      lines
        .map((l) => `${l.y}: east ${l.east.toFixed(1)} vs west ${l.west.toFixed(1)} (${l.n} provinces)`)
        .join('\n'),
    );
    expect(lines.length).toBeGreaterThanOrEqual(6);
  });
});
