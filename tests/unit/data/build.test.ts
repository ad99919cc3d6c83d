import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAll } from '../../../data/build';
import { censusWeights, METRIC_KIND } from '../../../src/domain/aggregate';
import type { ProvincesFile, StatsFile } from '../../../src/domain/types';

const root = join(import.meta.dirname, '../../..');
const committed = (name: string) => readFileSync(join(root, 'public/data', name));

describe('npm run data', () => {
  let files: Record<string, string | Uint8Array>;
  let provinces: ProvincesFile;
  let stats: StatsFile;
  beforeAll(() => {
    files = buildAll(join(root, 'data'));
    provinces = JSON.parse(files['provinces.json'] as string) as ProvincesFile;
    stats = JSON.parse(files['stats.json'] as string) as StatsFile;
  }, 120_000);

  it('is deterministic: a fresh build equals the committed public/data byte for byte', () => {
    for (const [name, content] of Object.entries(files)) {
      const fresh = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
      expect(fresh.equals(committed(name)), `${name} differs from the committed file; run npm run data`).toBe(
        true,
      );
    }
  });

  it('has 38 provinces, each with its own polygon, and the split provinces have no 34-basis territory', () => {
    expect(provinces.provinces).toHaveLength(38);
    expect(provinces.polygons).toHaveLength(38);
    for (const p of provinces.provinces) expect(provinces.polygons[p.polygonId]?.provinces).toEqual([p.bps]);
    const byBps = (b: number) => provinces.polygons.find((g) => g.provinces[0] === b)!;
    expect(byBps(65)).toMatchObject({ label: 'Kalimantan Utara', provinces34: [65] });
    for (const b of [91, 92, 94, 95, 96, 97]) expect(byBps(b).provinces34).toEqual([]);
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
