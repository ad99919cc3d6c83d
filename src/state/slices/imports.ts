/**
 * Imports of the user's own data and their undo history.
 *
 * Applying never mutates the current dataset: it builds a new `Dataset` from the old one (statistics merged,
 * or polygons, cell and place assignment, census totals, index and east flags rebuilt for new boundaries),
 * and keeps the old object on a stack, so "Undo import" puts the very same object back. Hubs from training
 * records go through the scenario slice and are removed again on undo.
 */
import type { StateCreator } from 'zustand';
import { eastFlags, type Dataset } from '../../data/dataset';
import { createCellIndex } from '../../domain/catchment';
import { mergeObservations } from '../../domain/import/merge';
import type { BoundaryResult, ImportKind, ImportPreview } from '../../domain/import/pipeline';
import type { StatisticsResult } from '../../domain/import/statistics';
import type { TrainingResult } from '../../domain/import/training';
import { createMetricContext } from '../../domain/metrics';
import type { CellTable, PlacesFile, ProvincesFile, SourceRecord } from '../../domain/types';
import type { Store } from '../store';
import type { Hub } from './scenario';

export interface ImportEntry {
  readonly id: number;
  readonly kind: ImportKind;
  readonly file: string;
  /** Figures, hubs or polygons added. */
  readonly count: number;
  /** The dataset before this import (restored by undo). */
  readonly before: Dataset;
  /** Hubs this import added (removed by undo). */
  readonly hubIds: readonly string[];
}

/**
 * Why an import could not be applied: the embedded
 * data is not loaded yet, the file has blocking problems, or building the new data failed (technical detail).
 */
export type ApplyFailure =
  | { readonly type: 'notLoaded' }
  | { readonly type: 'blocked' }
  | { readonly type: 'internal'; readonly detail: string };

export interface ImportsSlice {
  readonly importHistory: readonly ImportEntry[];
  /** Applies a preview; returns why (and changes nothing) when it cannot. */
  applyImport: (preview: ImportPreview) => ApplyFailure | null;
  /** Undoes the latest import. */
  undoImport: () => void;
}

/**
 * The source record of an import: marked as user data (also in its title, which the sources export lists); the
 * file name stands where an organisation would (the legend's source line).
 */
export function userSource(id: string, file: string): SourceRecord {
  return {
    id,
    title: `user data: ${file}`,
    org: file,
    url: '',
    year: null,
    // i18n-exempt: the sources export is an English data file, like the cited sources' own titles.
    note: `imported by the user from ${file}`,
    user: true,
  };
}

/**
 * A new dataset with imported statistics merged in (metric context rebuilt; everything else shared).
 * @example withStatistics(data, result, userSource('user-1', 'a.csv'))
 */
export function withStatistics(data: Dataset, result: StatisticsResult, source: SourceRecord): Dataset {
  const stats = mergeObservations(data.stats, result.observations, source, data.provinces.provinces);
  return { ...data, stats, metrics: createMetricContext(data.provinces, stats) };
}

/**
 * A new dataset on the imported boundaries: polygons, provinces' polygon ids, cells and places re-assigned,
 * census totals per polygon, the cell index and the east flags rebuilt.
 * @example withBoundaries(data, result.apply)
 */
export function withBoundaries(data: Dataset, apply: NonNullable<BoundaryResult['apply']>): Dataset {
  if (apply.cellPolygon.length !== data.cells.count)
    throw new Error(
      `the boundaries were matched against ${apply.cellPolygon.length} cells, the data has ${data.cells.count}`,
    );
  if (apply.placePolygon.length !== data.places.id.length)
    throw new Error('the boundaries were matched against a different gazetteer');
  const polygonOf = new Map(apply.provincePolygon);
  const provinces: ProvincesFile = {
    provinces: data.provinces.provinces.map((p) => {
      const polygonId = polygonOf.get(p.bps);
      if (polygonId === undefined) throw new Error(`no polygon for ${p.nameId}`);
      return { ...p, polygonId };
    }),
    // Each polygon's 2020 residents as the population surface holds them (its cells' sum).
    polygons: apply.polygons.map((p) => {
      let pop2020 = 0;
      for (let c = 0; c < data.cells.count; c++)
        if (apply.cellPolygon[c] === p.id) pop2020 += data.cells.pop[c]!;
      return { ...p, pop2020 };
    }),
  };
  const cells: CellTable = { ...data.cells, polygon: apply.cellPolygon };
  const places: PlacesFile = { ...data.places, polygon: Array.from(apply.placePolygon) };
  return {
    ...data,
    provinces,
    cells,
    places,
    boundaries: apply.collection,
    metrics: createMetricContext(provinces, data.stats),
    index: createCellIndex(cells, data.cellsMeta.islandGaps),
    isEast: eastFlags(provinces),
  };
}

/** Hubs from training records: held, with ids that say which import added them. */
export function trainingHubs(result: TrainingResult, importId: number): Hub[] {
  return result.hubs.map((h, k) => ({
    id: `import-${importId}-${k + 1}`,
    name: h.name,
    lat: h.lat,
    lon: h.lon,
    status: 'held',
    date: h.date,
  }));
}

export const createImportsSlice: StateCreator<Store, [], [], ImportsSlice> = (set, get) => ({
  importHistory: [],
  applyImport: (preview) => {
    const s = get();
    const data = s.dataset;
    if (!data) return { type: 'notLoaded' };
    if (!preview.ok || !preview.result) return { type: 'blocked' };
    const id = (s.importHistory[s.importHistory.length - 1]?.id ?? 0) + 1;
    const entry = { id, kind: preview.kind, file: preview.file, before: data };
    try {
      const r = preview.result;
      switch (r.kind) {
        case 'statistics': {
          let sourceId = `user-${id}`;
          while (data.stats.sources.some((x) => x.id === sourceId)) sourceId += "'";
          const next = withStatistics(data, r, userSource(sourceId, preview.file));
          set({
            dataset: next,
            importHistory: [...s.importHistory, { ...entry, count: r.observations.length, hubIds: [] }],
          });
          return null;
        }
        case 'training': {
          const hubs = trainingHubs(r, id);
          set({
            hubs: [...s.hubs, ...hubs],
            importHistory: [
              ...s.importHistory,
              { ...entry, count: hubs.length, hubIds: hubs.map((h) => h.id) },
            ],
          });
          return null;
        }
        case 'boundaries': {
          if (!r.apply) return { type: 'blocked' };
          const next = withBoundaries(data, r.apply);
          set({
            dataset: next,
            selected: null,
            hovered: null,
            importHistory: [...s.importHistory, { ...entry, count: r.apply.polygons.length, hubIds: [] }],
          });
          return null;
        }
        default:
          return r satisfies never;
      }
    } catch (e) {
      return { type: 'internal', detail: e instanceof Error ? e.message : String(e) };
    }
  },
  undoImport: () => {
    const s = get();
    const last = s.importHistory[s.importHistory.length - 1];
    if (!last) return;
    const drop = new Set(last.hubIds);
    const reset = last.kind === 'boundaries' ? { selected: null, hovered: null } : {};
    set({
      dataset: last.before,
      importHistory: s.importHistory.slice(0, -1),
      ...(drop.size > 0 ? { hubs: s.hubs.filter((h) => !drop.has(h.id)) } : {}),
      ...reset,
    });
  },
});
