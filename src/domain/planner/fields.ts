/**
 * Fields the planner reads from the data: per cell its regency and the daerah-tertinggal and outermost-small-island
 * flags (derived from the regency table when the dataset is prepared), per place its kind (kota, regency seat,
 * province capital) and regency. Each accessor defaults sensibly when a field is absent (data made in the app, e.g.
 * imported boundaries or synthetic benchmarks), and says so (`has…`), so the UI can word "no data" instead of a
 * silent zero.
 */
import type { CellTable } from '../types';

/** What a place is as an event host. */
export type PlaceKind = 'kota' | 'regencySeat' | 'provinceCapital';
export const PLACE_KINDS: readonly PlaceKind[] = ['kota', 'regencySeat', 'provinceCapital'];

/** Per-cell columns the planner reads when present. */
export interface PlannerCellColumns {
  readonly regency?: ArrayLike<number>;
  readonly tertinggal?: ArrayLike<number>;
  readonly outermost?: ArrayLike<number>;
}

/** Per-place columns the planner reads when present. */
export interface PlannerPlaceColumns {
  readonly kind?: readonly (string | null)[];
  readonly regency?: readonly (number | null)[];
}

/** One regency (kabupaten or kota) of the 514. */
export interface RegencyRecord {
  readonly code: string;
  readonly name: string;
  /** BPS province code. */
  readonly bps: number;
}

const cellColumns = (cells: CellTable): PlannerCellColumns => cells;

/** Does the surface carry the 3T flags (daerah tertinggal, outermost small islands)? */
export function has3TFlags(cells: CellTable): boolean {
  const c = cellColumns(cells);
  return c.tertinggal !== undefined || c.outermost !== undefined;
}

/**
 * Is the cell in a daerah tertinggal or on an outermost small island? False when the surface has no flags.
 * @example cellIs3T(cells, 12) // false on the embedded data without flags
 */
export function cellIs3T(cells: CellTable, cell: number): boolean {
  const c = cellColumns(cells);
  return (c.tertinggal?.[cell] ?? 0) === 1 || (c.outermost?.[cell] ?? 0) === 1;
}

/**
 * Per-cell priority weights: `factor` for 3T cells, 1 elsewhere; null when every weight would be 1 (factor 1 or
 * no flags in the data), so the score stays the headcount.
 * @example cellPriorityWeights(cells, 2) // Float32Array of 1 and 2, or null
 */
export function cellPriorityWeights(cells: CellTable, factor: number): Float32Array | null {
  if (factor === 1 || !has3TFlags(cells)) return null;
  const out = new Float32Array(cells.count);
  for (let c = 0; c < cells.count; c++) out[c] = cellIs3T(cells, c) ? factor : 1;
  return out;
}

/** The regency index of a cell, or null without regency data. */
export function cellRegency(cells: CellTable, cell: number): number | null {
  const r = cellColumns(cells).regency?.[cell];
  return r === undefined ? null : r;
}

/** Does the gazetteer say what kind of place each town is? */
export function hasPlaceKinds(places: object): boolean {
  return (places as PlannerPlaceColumns).kind !== undefined;
}

/**
 * A place's kind, or null when it is none of them or the gazetteer has no kinds.
 * @example candidateKind(places, 3) // 'provinceCapital'
 */
export function candidateKind(places: object, row: number): PlaceKind | null {
  const k = (places as PlannerPlaceColumns).kind?.[row] ?? null;
  return k === null ? null : (KIND_OF_GAZETTEER.get(k) ?? null);
}

/** The gazetteer's kinds (places.json) as host kinds; its other large towns ('town') are none of them. */
const KIND_OF_GAZETTEER: ReadonlyMap<string, PlaceKind> = new Map([
  ['capital', 'provinceCapital'],
  ['kota', 'kota'],
  ['seat', 'regencySeat'],
  ['provinceCapital', 'provinceCapital'],
  ['regencySeat', 'regencySeat'],
]);

/** A place's regency index, or null. */
export function placeRegency(places: object, row: number): number | null {
  return (places as PlannerPlaceColumns).regency?.[row] ?? null;
}

/** The regency table of a dataset, or null when it has none. */
export function regenciesOf(data: object): readonly RegencyRecord[] | null {
  const r = (data as { regencies?: { regencies?: readonly RegencyRecord[] } }).regencies;
  return r?.regencies ?? null;
}
