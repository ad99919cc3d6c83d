/**
 * Population surface (an estimate): H3 resolution-6 land cells.
 * Population of a cell = GeoNames populations of the places in it
 *   + the remainder of its polygon's census total, spread evenly over the polygon's cells.
 * Islands are connected components of land cells (H3 neighbours).
 */
import { cellToLatLng, gridDisk, h3IndexToSplitLong, latLngToCell, polygonToCells } from 'h3-js';
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import type { CellsMeta, IslandGap } from '../../src/domain/types';
import type { Area } from './boundaries';
import { haversineKm } from './geo';

export const RESOLUTION = 6;

export interface SurfaceInput {
  readonly areas: readonly Area[];
  /** Census total per polygon (same order as areas). */
  readonly totals: readonly number[];
  readonly places: {
    readonly lat: readonly number[];
    readonly lon: readonly number[];
    readonly pop: readonly number[];
    readonly polygon: readonly number[];
  };
  readonly maxGapKm: number;
}

export interface Surface {
  readonly h3: string[];
  readonly lat: number[];
  readonly lon: number[];
  readonly pop: number[];
  readonly polygon: number[];
  readonly island: number[];
  readonly islandCount: number;
  readonly gaps: IslandGap[];
  readonly report: Record<string, number>;
}

/** Split `total` into `n` integers that differ by at most one and sum exactly to `total`. */
export function spreadEvenly(total: number, n: number): number[] {
  const base = Math.floor(total / n);
  const extra = total - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < extra ? 1 : 0));
}

/** Scale integers so they sum to `target` (largest remainder; ties by index). */
export function scaleTo(values: readonly number[], target: number): number[] {
  const sum = values.reduce((a, b) => a + b, 0);
  if (sum === 0) return values.map(() => 0);
  const exact = values.map((v) => (v * target) / sum);
  const out = exact.map(Math.floor);
  let left = target - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i]!++;
  }
  return out;
}

export function buildSurface(input: SurfaceInput): Surface {
  const { areas, totals, places, maxGapKm } = input;
  const polygonOf = new Map<string, number>();
  let smallParts = 0;
  areas.forEach((area, pid) => {
    const polys = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
    for (const poly of polys) {
      const cells = polygonToCells(poly, RESOLUTION, true);
      let added = 0;
      for (const c of cells)
        if (!polygonOf.has(c)) {
          polygonOf.set(c, pid);
          added++;
        }
      if (cells.length === 0) {
        // An island smaller than a cell still gets the cell under its vertex average.
        const ring = poly[0] ?? [];
        const n = Math.max(1, ring.length - 1);
        let x = 0;
        let y = 0;
        for (let i = 0; i < n; i++) {
          x += ring[i]?.[0] ?? 0;
          y += ring[i]?.[1] ?? 0;
        }
        const c = latLngToCell(y / n, x / n, RESOLUTION);
        if (!polygonOf.has(c)) {
          polygonOf.set(c, pid);
          smallParts++;
        }
      }
      void added;
    }
  });
  // Every place lives on a land cell, even when the simplified coastline misses it.
  const placeCell: string[] = [];
  let placeCells = 0;
  for (let i = 0; i < places.lat.length; i++) {
    const c = latLngToCell(places.lat[i]!, places.lon[i]!, RESOLUTION);
    placeCell.push(c);
    if (!polygonOf.has(c)) {
      polygonOf.set(c, places.polygon[i]!);
      placeCells++;
    }
  }
  const h3 = [...polygonOf.keys()].sort();
  const indexOf = new Map(h3.map((c, i) => [c, i]));
  const polygon = h3.map((c) => polygonOf.get(c)!);
  const pop = new Array<number>(h3.length).fill(0);

  // Places' populations, scaled down only where they exceed the census total of their polygon.
  let scaledPolygons = 0;
  for (let pid = 0; pid < areas.length; pid++) {
    const idx: number[] = [];
    for (let i = 0; i < places.lat.length; i++) if (polygonOf.get(placeCell[i]!) === pid) idx.push(i);
    let placePops = idx.map((i) => places.pop[i]!);
    const sum = placePops.reduce((a, b) => a + b, 0);
    const total = totals[pid]!;
    if (sum > total) {
      placePops = scaleTo(placePops, total);
      scaledPolygons++;
    }
    idx.forEach((i, k) => {
      const cell = indexOf.get(placeCell[i]!)!;
      pop[cell]! += placePops[k]!;
    });
    const cells = h3.map((_, i) => i).filter((i) => polygon[i] === pid);
    const remainder = total - Math.min(sum, total);
    spreadEvenly(remainder, cells.length).forEach((p, k) => (pop[cells[k]!]! += p));
  }
  // Places whose cell was claimed by a neighbouring polygon are counted there (rare; reported).
  const lat: number[] = [];
  const lon: number[] = [];
  for (const c of h3) {
    const [a, b] = cellToLatLng(c);
    lat.push(a);
    lon.push(b);
  }

  // Islands: connected components over H3 adjacency.
  const parent = h3.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const coastal: number[] = [];
  h3.forEach((c, i) => {
    let landNeighbours = 0;
    for (const n of gridDisk(c, 1)) {
      const j = indexOf.get(n);
      if (j === undefined || j === i) continue;
      landNeighbours++;
      const a = find(i);
      const b = find(j);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
    if (landNeighbours < 6) coastal.push(i);
  });
  const rootToIsland = new Map<number, number>();
  const island = h3.map((_, i) => {
    const r = find(i);
    let id = rootToIsland.get(r);
    if (id === undefined) {
      id = rootToIsland.size;
      rootToIsland.set(r, id);
    }
    return id;
  });

  // Island gaps: shortest cell-centre distance between coastal cells of different islands.
  const kd = new KDBush(coastal.length);
  for (const i of coastal) kd.add(lon[i]!, lat[i]!);
  kd.finish();
  const best = new Map<number, number>();
  const islandCount = rootToIsland.size;
  coastal.forEach((i) => {
    const near = around(kd, lon[i]!, lat[i]!, Infinity, maxGapKm);
    for (const k of near) {
      const j = coastal[k]!;
      const a = island[i]!;
      const b = island[j]!;
      if (a >= b) continue;
      const d = haversineKm(lat[i]!, lon[i]!, lat[j]!, lon[j]!);
      const key = a * islandCount + b;
      const prev = best.get(key);
      if (prev === undefined || d < prev) best.set(key, d);
    }
  });
  const gaps: IslandGap[] = [...best]
    .map(([key, d]): IslandGap => [Math.floor(key / islandCount), key % islandCount, Math.round(d * 10) / 10])
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);

  return {
    h3,
    lat,
    lon,
    pop,
    polygon,
    island,
    islandCount,
    gaps,
    report: {
      cells: h3.length,
      smallIslandCells: smallParts,
      placeOnlyCells: placeCells,
      scaledPolygons,
      islands: islandCount,
      gapPairs: gaps.length,
    },
  };
}

/** Columnar binary layout (4-byte columns first so every column is aligned). */
export function encodeSurface(s: Surface, maxGapKm: number): { bin: Uint8Array; meta: CellsMeta } {
  const n = s.h3.length;
  const cols = [
    { name: 'lat', type: 'f32', data: Float32Array.from(s.lat) },
    { name: 'lon', type: 'f32', data: Float32Array.from(s.lon) },
    { name: 'pop', type: 'u32', data: Uint32Array.from(s.pop) },
    { name: 'h3hi', type: 'u32', data: Uint32Array.from(s.h3.map((h) => h3IndexToSplitLong(h)[1])) },
    { name: 'h3lo', type: 'u32', data: Uint32Array.from(s.h3.map((h) => h3IndexToSplitLong(h)[0])) },
    { name: 'island', type: 'u16', data: Uint16Array.from(s.island) },
    { name: 'polygon', type: 'u8', data: Uint8Array.from(s.polygon) },
  ] as const;
  if (s.islandCount > 65535) throw new Error('too many islands for a Uint16 column');
  let offset = 0;
  const columns = cols.map((c) => {
    const col = { name: c.name, type: c.type, offset };
    offset += c.data.byteLength;
    return col;
  });
  const bin = new Uint8Array(offset);
  cols.forEach((c, i) =>
    bin.set(new Uint8Array(c.data.buffer, c.data.byteOffset, c.data.byteLength), columns[i]!.offset),
  );
  return {
    bin,
    meta: {
      version: 1,
      resolution: RESOLUTION,
      count: n,
      islandCount: s.islandCount,
      columns,
      islandGaps: s.gaps,
      maxGapKm,
    },
  };
}
