/**
 * Population surface (an estimate): H3 resolution-6 land cells, each in one regency. Every regency's cells sum
 * exactly to its 2020 population (regencyPopulation in admin.ts), so every province sums to its SP2020 total.
 * Inside a regency (documented in data/SOURCES.md, "Population surface"):
 * - an urban part, at most URBAN_CAP of the regency (KOTA_URBAN_CAP for a kota), is the known populations of its
 *   candidate towns (a kota's town carries the kota's whole population), each spread by a cone kernel whose radius
 *   grows with the town's size (a disc at URBAN_DENSITY people per km², widened by KERNEL_WIDEN, at least
 *   KERNEL_MIN_KM) over the regency's own cells;
 * - the rest is a floor spread evenly over the regency's cells;
 * - integers by largest remainder, so the regency adds up to the person.
 * Islands are connected components of land cells (H3 neighbours).
 */
import { cellToLatLng, gridDisk, h3IndexToSplitLong, latLngToCell, polygonToCells } from 'h3-js';
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import type { CellsMeta, IslandGap } from '../../src/domain/types';
import type { Area } from './boundaries';
import { haversineKm } from './geo';

export const RESOLUTION = 6;
/** Largest share of a kabupaten's people that its towns' kernels may hold. */
export const URBAN_CAP = 0.6;
/** Largest share of a kota's people in the kernel around its town (the rest is spread over the kota). */
export const KOTA_URBAN_CAP = 0.9;
/** People per km² of the disc whose radius sizes a town's kernel. */
export const URBAN_DENSITY = 4000;
export const KERNEL_WIDEN = 1.5;
export const KERNEL_MIN_KM = 7;

export interface SurfaceInput {
  /** Regency geometries (unsimplified), in registry order. */
  readonly regencies: readonly Area[];
  /** Label point [lon, lat] per regency: where a regency too small for a cell of its own gets one. */
  readonly labelAt: readonly (readonly [number, number])[];
  readonly kota: readonly boolean[];
  /** Population per regency (integers). */
  readonly totals: readonly number[];
  /** Province polygon of each regency. */
  readonly province: readonly number[];
  readonly places: {
    readonly lat: readonly number[];
    readonly lon: readonly number[];
    /** Known population (0 = unknown: the town gets no kernel). */
    readonly pop: readonly number[];
    readonly regency: readonly number[];
  };
  readonly maxGapKm: number;
}

export interface Surface {
  readonly h3: string[];
  readonly lat: number[];
  readonly lon: number[];
  readonly pop: number[];
  readonly polygon: number[];
  readonly regency: number[];
  readonly island: number[];
  readonly islandCount: number;
  readonly gaps: IslandGap[];
  readonly report: Record<string, number | string | (number | string)[]>;
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
  const { regencies, totals, places, maxGapKm } = input;
  const owner = new Map<string, number>();
  const cellsOf: string[][] = regencies.map(() => []);
  const claim = (c: string, r: number) => {
    const prev = owner.get(c);
    if (prev !== undefined) cellsOf[prev] = cellsOf[prev]!.filter((x) => x !== c);
    owner.set(c, r);
    cellsOf[r]!.push(c);
  };
  let smallParts = 0;
  /** Cells whose centre is not on land (islets, small kota, towns off the coastline): they never bridge islands. */
  const islet = new Set<string>();
  regencies.forEach((area, r) => {
    const polys = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
    for (const poly of polys) {
      const cells = polygonToCells(poly, RESOLUTION, true);
      for (const c of cells) if (!owner.has(c)) claim(c, r);
      if (cells.length === 0) {
        // An island smaller than a cell still gets the cell under its vertex average, if free.
        const ring = poly[0] ?? [];
        const n = Math.max(1, ring.length - 1);
        let x = 0;
        let y = 0;
        for (let i = 0; i < n; i++) {
          x += ring[i]?.[0] ?? 0;
          y += ring[i]?.[1] ?? 0;
        }
        const c = latLngToCell(y / n, x / n, RESOLUTION);
        if (!owner.has(c)) {
          claim(c, r);
          islet.add(c);
          smallParts++;
        }
      }
    }
  });
  // A regency too small to hold a cell centre (a small kota) takes the cell under its label point, or the nearest
  // cell whose owner keeps another one.
  const tookCell: string[] = [];
  regencies.forEach((_, r) => {
    if (cellsOf[r]!.length > 0) return;
    const [x, y] = input.labelAt[r]!;
    const home = latLngToCell(y, x, RESOLUTION);
    for (let k = 0; k <= 3; k++) {
      const ring = k === 0 ? [home] : gridDisk(home, k).filter((c) => !gridDisk(home, k - 1).includes(c));
      const free = ring.find((c) => {
        const o = owner.get(c);
        return o === undefined || cellsOf[o]!.length > 1;
      });
      if (free !== undefined) {
        if (!owner.has(free)) islet.add(free);
        claim(free, r);
        tookCell.push(`${r}`);
        return;
      }
    }
    throw new Error(`regency ${r} found no cell`);
  });
  // Every town lives on a land cell of its regency, even when the coastline misses it.
  const placeCell: string[] = [];
  let placeCells = 0;
  for (let i = 0; i < places.lat.length; i++) {
    const c = latLngToCell(places.lat[i]!, places.lon[i]!, RESOLUTION);
    placeCell.push(c);
    if (!owner.has(c)) {
      claim(c, places.regency[i]!);
      islet.add(c);
      placeCells++;
    }
  }
  const all = [...owner.keys()].sort();
  const allIndex = new Map(all.map((c, i) => [c, i]));
  const allLat: number[] = [];
  const allLon: number[] = [];
  for (const c of all) {
    const [a, b] = cellToLatLng(c);
    allLat.push(a);
    allLon.push(b);
  }
  const allPop = new Array<number>(all.length).fill(0);
  const townsOf: number[][] = regencies.map(() => []);
  places.regency.forEach((r, i) => {
    if (places.pop[i]! > 0) townsOf[r]!.push(i);
  });
  let cappedRegencies = 0;
  let largestKernelKm = 0;
  for (let r = 0; r < regencies.length; r++) {
    const cells = [...cellsOf[r]!].sort().map((c) => allIndex.get(c)!);
    const lat = allLat;
    const lon = allLon;
    const total = totals[r]!;
    const cap = (input.kota[r] ? KOTA_URBAN_CAP : URBAN_CAP) * total;
    const towns = townsOf[r]!;
    const townSum = towns.reduce((s, i) => s + places.pop[i]!, 0);
    const scale = townSum > cap ? cap / townSum : 1;
    if (townSum > cap) cappedRegencies++;
    // The floor covers the cells whose centre is on land; islet cells only when the regency has no other.
    const onLand = cells.map((c) => !islet.has(all[c]!));
    const landCount = onLand.filter(Boolean).length;
    const floor = (total - Math.min(townSum, cap)) / (landCount || cells.length);
    const weight = onLand.map((land) => (land || landCount === 0 ? floor : 0));
    for (const i of towns) {
      const p = places.pop[i]! * scale;
      const radius = Math.max(KERNEL_MIN_KM, KERNEL_WIDEN * Math.sqrt(p / (Math.PI * URBAN_DENSITY)));
      largestKernelKm = Math.max(largestKernelKm, radius);
      const k = cells.map((c) => {
        const d = haversineKm(places.lat[i]!, places.lon[i]!, lat[c]!, lon[c]!);
        return Math.max(0, 1 - d / radius);
      });
      let ksum = k.reduce((a, b) => a + b, 0);
      if (ksum === 0) {
        // The town's own cell belongs to a neighbour: its people go to the nearest cell of its regency.
        let best = 0;
        let bestD = Infinity;
        cells.forEach((c, j) => {
          const d = haversineKm(places.lat[i]!, places.lon[i]!, lat[c]!, lon[c]!);
          if (d < bestD) {
            bestD = d;
            best = j;
          }
        });
        k[best] = 1;
        ksum = 1;
      }
      k.forEach((w, j) => (weight[j]! += (p * w) / ksum));
    }
    scaleTo(weight, total).forEach((p, j) => (allPop[cells[j]!] = p));
  }
  // Islet cells left empty are dropped: they hold nobody and would only add islands.
  const keep = all.map((c, i) => !islet.has(c) || allPop[i]! > 0);
  const h3 = all.filter((_, i) => keep[i]);
  const indexOf = new Map(h3.map((c, i) => [c, i]));
  const lat = allLat.filter((_, i) => keep[i]);
  const lon = allLon.filter((_, i) => keep[i]);
  const pop = allPop.filter((_, i) => keep[i]);
  const regency = h3.map((c) => owner.get(c)!);
  const polygon = regency.map((r) => input.province[r]!);

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
  // Land cells join their land neighbours; an islet cell joins only its first land neighbour (a chain of islets
  // in a strait does not make one island of both shores).
  const union = (i: number, j: number) => {
    const a = find(i);
    const b = find(j);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  h3.forEach((c, i) => {
    let landNeighbours = 0;
    let joined = false;
    for (const n of gridDisk(c, 1).sort()) {
      const j = indexOf.get(n);
      if (j === undefined || j === i) continue;
      landNeighbours++;
      if (islet.has(n)) continue;
      if (!islet.has(c)) union(i, j);
      else if (!joined) {
        union(i, j);
        joined = true;
      }
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
    regency,
    island,
    islandCount,
    gaps,
    report: {
      cells: h3.length,
      smallIslandCells: smallParts,
      emptyIsletCellsDropped: all.length - h3.length,
      placeOnlyCells: placeCells,
      regenciesGivenACell: tookCell.length,
      regenciesWithCappedTowns: cappedRegencies,
      largestKernelKm: Math.round(largestKernelKm * 10) / 10,
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
    { name: 'regency', type: 'u16', data: Uint16Array.from(s.regency) },
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
