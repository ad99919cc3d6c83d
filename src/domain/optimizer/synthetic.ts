/**
 * Deterministic synthetic instances shaped like the real data, for tests and the benchmark:
 * round islands scattered over Indonesia's bounding box, cells spread uniformly on them at a given density,
 * log-normal populations, candidate places drawn in proportion to population.
 */
import type { IslandGap } from '../types';
import type { CellTable } from '../types';
import { EARTH_RADIUS_KM } from '../catchment';
import { createRng } from '../random';
import type { PlaceColumns } from './candidates';

export interface SyntheticOptions {
  readonly seed: number;
  readonly cells: number;
  readonly places: number;
  /** Number of islands (default 60). */
  readonly islands?: number;
  /** Land area per cell in km² (default 36.13, an H3 resolution-6 cell; 5.16 is resolution 7). */
  readonly cellAreaKm2?: number;
  /** Largest island gap listed (default 50 km, like `CellsMeta.maxGapKm`). */
  readonly maxGapKm?: number;
}

export interface SyntheticInstance {
  readonly cells: CellTable;
  readonly islandGaps: readonly IslandGap[];
  readonly maxGapKm: number;
  readonly places: PlaceColumns;
  /** Per polygon id (0..32): east of 118°E. */
  readonly isEast: readonly boolean[];
}

const KM_PER_DEG = (EARTH_RADIUS_KM * Math.PI) / 180;
const LON_MIN = 96;
const LON_MAX = 140;
const LAT_MIN = -10;
const LAT_MAX = 5;
const POLYGONS = 33;

function polygonOf(lon: number): number {
  return Math.min(POLYGONS - 1, Math.max(0, Math.floor(((lon - LON_MIN) / (LON_MAX - LON_MIN)) * POLYGONS)));
}

/** Spreads the low 16 bits of v to the even bits. */
function spreadBits(v: number): number {
  let x = v & 0xffff;
  x = (x | (x << 8)) & 0x00ff00ff;
  x = (x | (x << 4)) & 0x0f0f0f0f;
  x = (x | (x << 2)) & 0x33333333;
  x = (x | (x << 1)) & 0x55555555;
  return x;
}

/** Row order along a Z-curve over the points' bounding box (two 16-bit radix passes, stable). */
function mortonOrder(lat: Float32Array, lon: Float32Array): Uint32Array {
  const n = lat.length;
  const keys = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const y = Math.floor((((lat[i] ?? 0) - LAT_MIN + 2) / (LAT_MAX - LAT_MIN + 4)) * 0xffff);
    const x = Math.floor((((lon[i] ?? 0) - LON_MIN + 2) / (LON_MAX - LON_MIN + 4)) * 0xffff);
    keys[i] = ((spreadBits(y) << 1) | spreadBits(x)) >>> 0;
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (const shift of [0, 16]) {
    const counts = new Uint32Array(0x10001);
    for (let i = 0; i < n; i++) {
      const d = ((keys[i] ?? 0) >>> shift) & 0xffff;
      counts[d + 1] = (counts[d + 1] ?? 0) + 1;
    }
    for (let d = 0; d < 0x10000; d++) counts[d + 1] = (counts[d + 1] ?? 0) + (counts[d] ?? 0);
    const next = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const from = order[i] ?? 0;
      const d = ((keys[from] ?? 0) >>> shift) & 0xffff;
      const at = counts[d] ?? 0;
      next[at] = from;
      counts[d] = at + 1;
    }
    order = next;
  }
  return order;
}

/**
 * Builds a synthetic cell table, island gaps and places. Same options, same instance.
 *
 * @param options Seed, sizes and density.
 * @returns The instance.
 * @example
 * const inst = syntheticInstance({ seed: 1, cells: 50_000, places: 1_950 });
 */
export function syntheticInstance(options: SyntheticOptions): SyntheticInstance {
  const rng = createRng(options.seed);
  const n = options.cells;
  const islandCount = options.islands ?? 60;
  const cellArea = options.cellAreaKm2 ?? 36.13;
  const maxGapKm = options.maxGapKm ?? 50;

  // Island areas: Pareto-like shares, a few large land masses and many small ones.
  const weight = Array.from({ length: islandCount }, () => Math.pow(1 - rng.next(), -1.2));
  const weightSum = weight.reduce((a, b) => a + b, 0);
  const counts = weight.map((w) => Math.max(1, Math.floor((w / weightSum) * n)));
  let assigned = counts.reduce((a, b) => a + b, 0);
  for (let i = 0; assigned !== n; i = (i + 1) % islandCount) {
    const c = counts[i] ?? 1;
    if (assigned < n) {
      counts[i] = c + 1;
      assigned++;
    } else if (c > 1) {
      counts[i] = c - 1;
      assigned--;
    }
  }
  const centreLat = counts.map(() => rng.range(LAT_MIN, LAT_MAX));
  const centreLon = counts.map(() => rng.range(LON_MIN, LON_MAX));
  const radiusKm = counts.map((c) => Math.sqrt((c * cellArea) / Math.PI));

  const rawLat = new Float32Array(n);
  const rawLon = new Float32Array(n);
  const rawIsland = new Uint16Array(n);
  let c = 0;
  counts.forEach((count, i) => {
    const r0 = radiusKm[i] ?? 0;
    const lat0 = centreLat[i] ?? 0;
    const lon0 = centreLon[i] ?? 0;
    for (let j = 0; j < count; j++, c++) {
      const r = r0 * Math.sqrt(rng.next());
      const theta = 2 * Math.PI * rng.next();
      const y = lat0 + (r * Math.cos(theta)) / KM_PER_DEG;
      const x = lon0 + (r * Math.sin(theta)) / (KM_PER_DEG * Math.cos(y * (Math.PI / 180)));
      rawLat[c] = y;
      rawLon[c] = x;
      rawIsland[c] = i;
    }
  });

  // Real tables are sorted by H3 index, which keeps neighbours close in memory; a Morton order does the same.
  const lat = new Float32Array(n);
  const lon = new Float32Array(n);
  const pop = new Uint32Array(n);
  const polygon = new Uint8Array(n);
  const island = new Uint16Array(n);
  mortonOrder(rawLat, rawLon).forEach((from, to) => {
    const x = rawLon[from] ?? 0;
    lat[to] = rawLat[from] ?? 0;
    lon[to] = x;
    island[to] = rawIsland[from] ?? 0;
    polygon[to] = polygonOf(x);
    pop[to] = Math.round(Math.exp(7.5 + 1.3 * rng.normal()));
  });

  // Gaps between round islands: centre distance minus both radii (0 when they touch).
  const islandGaps: IslandGap[] = [];
  for (let a = 0; a < islandCount; a++) {
    for (let b = a + 1; b < islandCount; b++) {
      const dy = ((centreLat[a] ?? 0) - (centreLat[b] ?? 0)) * KM_PER_DEG;
      const meanLat = (((centreLat[a] ?? 0) + (centreLat[b] ?? 0)) / 2) * (Math.PI / 180);
      const dx = ((centreLon[a] ?? 0) - (centreLon[b] ?? 0)) * KM_PER_DEG * Math.cos(meanLat);
      const gap = Math.max(0, Math.hypot(dx, dy) - (radiusKm[a] ?? 0) - (radiusKm[b] ?? 0));
      if (gap <= maxGapKm) islandGaps.push([a, b, Math.round(gap * 10) / 10]);
    }
  }

  // Places at cells drawn in proportion to population, jittered by up to ±2 km.
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cumulative[i] = total += pop[i] ?? 0;
  const m = options.places;
  const placeLat = new Float64Array(m);
  const placeLon = new Float64Array(m);
  const placePop = new Float64Array(m);
  const placePolygon = new Uint8Array(m);
  const placeId = new Float64Array(m);
  for (let p = 0; p < m; p++) {
    const target = rng.next() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) <= target) lo = mid + 1;
      else hi = mid;
    }
    placeLat[p] = (lat[lo] ?? 0) + rng.range(-2, 2) / KM_PER_DEG;
    placeLon[p] = (lon[lo] ?? 0) + rng.range(-2, 2) / KM_PER_DEG;
    placePop[p] = Math.round((pop[lo] ?? 0) * rng.range(2, 20));
    placePolygon[p] = polygon[lo] ?? 0;
    placeId[p] = 1_000_000 + p;
  }

  return {
    cells: {
      count: n,
      lat,
      lon,
      pop,
      polygon,
      island,
      h3hi: new Uint32Array(n),
      h3lo: new Uint32Array(n),
    },
    islandGaps,
    maxGapKm,
    places: { id: placeId, lat: placeLat, lon: placeLon, pop: placePop, polygon: placePolygon },
    isEast: Array.from(
      { length: POLYGONS },
      (_, p) => LON_MIN + ((p + 0.5) / POLYGONS) * (LON_MAX - LON_MIN) > 118,
    ),
  };
}
