// Applying an import builds a new Dataset (the old one is never touched) and Undo restores it.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/data/dataset';
import { mergeObservations } from '../../../src/domain/import/merge';
import { analyseImport, type ImportPreview } from '../../../src/domain/import/pipeline';
import { metricValues } from '../../../src/domain/metrics';
import { initialScenario } from '../../../src/state/slices/scenario';
import { demandYear, selectZones } from '../../../src/state/selectors';
import { createAppStore } from '../../../src/state/store';
import { userSource, withBoundaries } from '../../../src/state/slices/imports';
import { context, dataset, fixture } from '../domain/import/data';

const data = dataset();
const byBps = new Map(data.provinces.provinces.map((p) => [p.bps, p]));

function storeWith(d: Dataset) {
  const s = createAppStore();
  s.getState().setDataset(d);
  return s;
}

/** A JSON fingerprint of the parts an import could touch. */
const fingerprint = (d: Dataset) =>
  JSON.stringify([
    d.provinces,
    d.stats.sources.length,
    d.stats.observations.length,
    d.boundaries.features.length,
    d.places.polygon.slice(0, 50),
    Array.from(d.cells.polygon.slice(0, 5000)),
  ]);

describe('statistics import', () => {
  const preview = analyseImport(
    { name: 'statistics-id.csv', text: fixture('statistics-id.csv') },
    {},
    context(),
  );

  it('replaces store.dataset with a new object, marks the source as user data, and Undo restores the same object', () => {
    const store = storeWith(data);
    const before = store.getState().dataset!;
    const print = fingerprint(before);
    expect(store.getState().applyImport(preview)).toBeNull();
    const after = store.getState().dataset!;
    expect(after === before).toBe(false);
    expect(fingerprint(before)).toBe(print);
    const source = after.stats.sources.at(-1)!;
    expect(source).toMatchObject({
      id: 'user-1',
      title: 'user data: statistics-id.csv',
      org: 'statistics-id.csv',
      user: true,
    });
    // The choropleth sees the imported 2024 value of Aceh (a 34-basis polygon of its own).
    const aceh = metricValues(after.metrics, 'internet_use_bps', 2024).values[0]!;
    expect(aceh).toMatchObject({ value: 72.53, sourceIds: ['user-1'] });
    expect(store.getState().importHistory).toHaveLength(1);

    store.getState().undoImport();
    expect(store.getState().dataset === before).toBe(true);
    expect(store.getState().importHistory).toEqual([]);
  });

  it('changes the reach of hubs when a complete newer year arrives, not when a partial one does', () => {
    const hubs = [
      { id: 'h', name: 'Banda Aceh', lat: 5.5537, lon: 95.3172, status: 'added' as const, date: null },
    ];
    const before = selectZones(data, hubs, initialScenario.rule).reach[0]!;
    expect(demandYear(data)).toBe(2023);
    // statistics-id.csv has 2024 figures for 8 provinces: the other 26 keep their 2023 share.
    const partial = storeWith(data);
    partial.getState().applyImport(preview);
    expect(demandYear(partial.getState().dataset!)).toBe(2023);
    // Every province on the 34 list at 95% in 2024: underserved people follow the new share.
    const rows = data.provinces.provinces
      .filter((p) => p.splitYear === null || p.splitYear < 2022)
      .map((p) => `${p.nameId};2024;95`);
    const full = analyseImport(
      { name: 'all.csv', text: ['provinsi;tahun;internet', ...rows].join('\n') },
      {},
      context(),
    );
    const store = storeWith(data);
    expect(store.getState().applyImport(full)).toBeNull();
    const next = store.getState().dataset!;
    expect(demandYear(next)).toBe(2024);
    const after = selectZones(next, hubs, initialScenario.rule).reach[0]!;
    expect(after.people).toBe(before.people);
    expect(after.underserved).toBeCloseTo(before.people * 0.05, -1);
  });

  it('refuses a preview that cannot be applied, changing nothing', () => {
    const store = storeWith(data);
    const bad = analyseImport({ name: 'x.csv', text: 'a;b\n' }, {}, context());
    expect(bad.ok).toBe(false);
    expect(store.getState().applyImport(bad)).toEqual({ type: 'blocked' });
    expect(store.getState().dataset === data).toBe(true);
    expect(store.getState().importHistory).toEqual([]);
  });
});

describe('merging observations', () => {
  const source = userSource('user-9', 'u.csv');
  const provinces = data.provinces.provinces;
  it('replaces values of the same metric, year and territory only', () => {
    const stats = {
      ...data.stats,
      observations: [
        { metric: 'internet_use_bps', bps: 94, basis: '34', year: 2023, value: 1, sourceId: 'x' },
        { metric: 'internet_use_bps', bps: 91, basis: '34', year: 2023, value: 2, sourceId: 'x' },
        { metric: 'internet_use_bps', bps: 94, basis: '34', year: 2022, value: 3, sourceId: 'x' },
        { metric: 'population', bps: 94, basis: '34', year: 2023, value: 4, sourceId: 'x' },
      ],
    } as const;
    // A 38-basis value for Papua Selatan overlaps old Papua (34-basis 94), not Papua Barat, other years or metrics.
    const merged = mergeObservations(
      stats,
      [{ metric: 'internet_use_bps', bps: 95, basis: '38', year: 2023, value: 9, sourceId: '' }],
      source,
      provinces,
    );
    expect(merged.observations.map((o) => [o.bps, o.year, o.metric, o.value, o.sourceId])).toEqual([
      [91, 2023, 'internet_use_bps', 2, 'x'],
      [94, 2022, 'internet_use_bps', 3, 'x'],
      [94, 2023, 'population', 4, 'x'],
      [95, 2023, 'internet_use_bps', 9, 'user-9'],
    ]);
    expect(merged.sources.at(-1)).toBe(source);
    expect(stats.observations).toHaveLength(4);
  });
});

describe('training records import', () => {
  it('adds held hubs through the scenario slice and removes exactly those on undo', () => {
    const store = storeWith(data);
    store.getState().setHubs([{ id: 'stop-a', name: 'A', lat: 0, lon: 120, status: 'held', date: null }]);
    const preview = analyseImport({ name: 'training.csv', text: fixture('training.csv') }, {}, context());
    expect(store.getState().applyImport(preview)).toBeNull();
    expect(store.getState().hubs.map((h) => [h.id, h.name, h.status])).toEqual([
      ['stop-a', 'A', 'held'],
      ['import-1-1', 'Makassar', 'held'],
      ['import-1-2', 'Gorontalo', 'held'],
      ['import-1-3', 'Bandung', 'held'],
    ]);
    expect(store.getState().dataset === data).toBe(true);
    store.getState().addHub({ name: 'B', lat: 1, lon: 121, status: 'added', date: null });
    store.getState().undoImport();
    expect(store.getState().hubs.map((h) => h.name)).toEqual(['A', 'B']);
  });
});

/** The embedded Natural Earth polygons written the way a user's file would be (Kemendagri codes, names). */
function userFeatures(): Feature<Polygon | MultiPolygon, Record<string, unknown>>[] {
  return data.boundaries.features.map((f) => {
    const main = byBps.get(data.provinces.polygons[f.properties.id]!.provinces[0]!)!;
    return {
      type: 'Feature',
      properties: { kode: main.kemendagri, Propinsi: main.nameId.toUpperCase() },
      geometry: f.geometry,
    };
  });
}

function applyBoundaries(features: unknown[]): { preview: ImportPreview; next: Dataset } {
  const preview = analyseImport(
    { name: 'b.geojson', text: JSON.stringify({ type: 'FeatureCollection', features }) },
    {},
    context(),
  );
  const r = preview.result;
  if (r?.kind !== 'boundaries' || !r.apply)
    throw new Error(`not applicable: ${JSON.stringify(preview.issues.slice(0, 3))}`);
  return { preview, next: withBoundaries(data, r.apply) };
}

describe('boundaries import', () => {
  it('on the embedded polygons as a user file: the same polygons, metrics and east flags', () => {
    const print = fingerprint(data);
    const { next } = applyBoundaries(userFeatures());
    expect(fingerprint(data)).toBe(print);
    expect(next.provinces.polygons.map((p) => p.label)).toEqual(data.provinces.polygons.map((p) => p.label));
    expect(next.provinces.provinces.map((p) => p.polygonId)).toEqual(
      data.provinces.provinces.map((p) => p.polygonId),
    );
    expect(next.isEast).toEqual(data.isEast);
    // The imported polygons take the cells the import assigns them, almost all where the data build put them.
    const census = (d: Dataset) => d.metrics.censusByPolygon;
    census(next).forEach((v, i) =>
      expect(Math.abs(v - census(data)[i]!)).toBeLessThan(0.01 * census(data)[i]!),
    );
    expect(metricValues(next.metrics, 'internet_use_bps', 2023).values).toEqual(
      metricValues(data.metrics, 'internet_use_bps', 2023).values,
    );
    expect(next.boundaries.features.map((f) => f.properties)).toEqual(
      data.boundaries.features.map((f) => f.properties),
    );
    expect(next.index.cells === next.cells).toBe(true);
  });

  it(
    'a 38-province file: the provinces split in 2022 show the pre-split figure, marked as such, never a 0',
    { timeout: 60_000 },
    () => {
      const { preview, next } = applyBoundaries(userFeatures());
      expect(preview.issues).toEqual([]);
      expect(next.provinces.polygons).toHaveLength(38);
      expect(next.boundaries.features).toHaveLength(38);
      const polygonOf = (bps: number) =>
        next.provinces.polygons[next.provinces.provinces.find((p) => p.bps === bps)!.polygonId]!;
      expect(polygonOf(95)).toMatchObject({ label: 'Papua Selatan', provinces: [95], provinces34: [] });
      expect(polygonOf(94)).toMatchObject({ label: 'Papua', provinces: [94], provinces34: [] });
      expect(polygonOf(91)).toMatchObject({ label: 'Papua Barat', provinces: [91], provinces34: [] });
      expect(polygonOf(65)).toMatchObject({ label: 'Kalimantan Utara', provinces: [65], provinces34: [65] });
      const share = metricValues(next.metrics, 'internet_use_bps', 2023).values;
      const papua34 = next.stats.observations.find(
        (o) => o.metric === 'internet_use_bps' && o.year === 2023 && o.bps === 94 && o.basis === '34',
      )!;
      expect(share[polygonOf(95).id]).toMatchObject({ value: papua34.value, widerArea: 94, basis: '34' });
      expect(share[polygonOf(65).id]!.value).not.toBeNull();
      expect(share[polygonOf(65).id]!.widerArea).toBeUndefined();
      // Every polygon holds cells and people.
      const cellsPer = new Array<number>(38).fill(0);
      for (let c = 0; c < next.cells.count; c++) cellsPer[next.cells.polygon[c]!]!++;
      expect(cellsPer.every((n) => n > 0)).toBe(true);
      expect(next.metrics.censusByPolygon.every((n) => n > 0)).toBe(true);
      expect(next.isEast.kti17[polygonOf(95).id]).toBe(true);
      expect(next.places.polygon).toHaveLength(data.places.polygon.length);
    },
  );

  it('undo after a boundaries import restores the previous dataset and clears the selection', () => {
    const store = storeWith(data);
    store.getState().select(5);
    const { preview } = applyBoundaries(userFeatures());
    expect(store.getState().applyImport(preview)).toBeNull();
    expect(store.getState().selected).toBeNull();
    // Identity checks as booleans: a failing toBe would pretty-print two datasets of 49,000 cells.
    expect(store.getState().dataset === data).toBe(false);
    store.getState().undoImport();
    expect(store.getState().dataset === data).toBe(true);
  });
});
