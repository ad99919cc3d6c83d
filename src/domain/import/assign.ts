/**
 * Which polygon each point lies in: population cells and gazetteer places are re-assigned when the
 * user brings their own boundaries. Even-odd ray casting over every ring of a polygon (holes included), with
 * each ring's edges binned into horizontal bands so a test looks at a few edges only. Points outside every
 * polygon (coastal cells beyond a simplified coastline) go to the nearest polygon.
 */
import type { Area } from './geojson';

const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON = 111.32;

interface Ring {
  readonly polygon: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly minX: number;
  readonly maxX: number;
  readonly minY: number;
  readonly maxY: number;
  readonly bandH: number;
  readonly bandStart: Uint32Array;
  readonly bandEdges: Uint32Array;
}

function indexRing(polygon: number, coords: readonly (readonly number[])[]): Ring | null {
  const n = coords.length;
  if (n < 4) return null;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const p = coords[i]!;
    x[i] = p[0]!;
    y[i] = p[1]!;
    minX = Math.min(minX, x[i]!);
    maxX = Math.max(maxX, x[i]!);
    minY = Math.min(minY, y[i]!);
    maxY = Math.max(maxY, y[i]!);
  }
  let bands = Math.max(1, Math.min(4096, Math.ceil(Math.sqrt(n))));
  let bandH = 1;
  const bandOf = (v: number) => Math.min(bands - 1, Math.max(0, Math.floor((v - minY) / bandH)));
  // Long edges span many bands; keep the index within a few entries per edge (a zig-zag ring could explode it).
  for (;;) {
    bandH = Math.max((maxY - minY) / bands, 1e-12);
    let total = 0;
    for (let i = 0; i < n - 1; i++)
      total += bandOf(Math.max(y[i]!, y[i + 1]!)) - bandOf(Math.min(y[i]!, y[i + 1]!)) + 1;
    if (total <= 16 * n || bands === 1) break;
    bands = Math.max(1, Math.floor(bands / 4));
  }
  const counts = new Uint32Array(bands + 1);
  for (let i = 0; i < n - 1; i++) {
    const a = bandOf(Math.min(y[i]!, y[i + 1]!));
    const b = bandOf(Math.max(y[i]!, y[i + 1]!));
    for (let k = a; k <= b; k++) counts[k + 1]!++;
  }
  for (let k = 0; k < bands; k++) counts[k + 1]! += counts[k]!;
  const fill = counts.slice(0, bands);
  const bandEdges = new Uint32Array(counts[bands]!);
  for (let i = 0; i < n - 1; i++) {
    const a = bandOf(Math.min(y[i]!, y[i + 1]!));
    const b = bandOf(Math.max(y[i]!, y[i + 1]!));
    for (let k = a; k <= b; k++) bandEdges[fill[k]!++] = i;
  }
  return { polygon, x, y, minX, maxX, minY, maxY, bandH, bandStart: counts, bandEdges };
}

/** Ray-casting parity of one ring for a point inside its bounding box. */
function crosses(r: Ring, px: number, py: number): boolean {
  const k = Math.min(r.bandStart.length - 2, Math.max(0, Math.floor((py - r.minY) / r.bandH)));
  let inside = false;
  for (let e = r.bandStart[k]!; e < r.bandStart[k + 1]!; e++) {
    const i = r.bandEdges[e]!;
    const xi = r.x[i]!;
    const yi = r.y[i]!;
    const xj = r.x[i + 1]!;
    const yj = r.y[i + 1]!;
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Squared distance (km²) from a point to a ring's edges, in a local equirectangular projection. */
function ringDistance2(r: Ring, px: number, py: number, kx: number, best: number): number {
  let d2 = best;
  for (let i = 0; i < r.x.length - 1; i++) {
    const ax = (r.x[i]! - px) * kx;
    const ay = (r.y[i]! - py) * KM_PER_DEG_LAT;
    const bx = (r.x[i + 1]! - px) * kx;
    const by = (r.y[i + 1]! - py) * KM_PER_DEG_LAT;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
    const cx = ax + t * dx;
    const cy = ay + t * dy;
    const d = cx * cx + cy * cy;
    if (d < d2) d2 = d;
  }
  return d2;
}

export interface Assignment {
  /** Polygon index of each point. */
  readonly polygon: Uint8Array;
  /** Points inside some polygon. */
  readonly inside: number;
  /** Points outside every polygon (assigned to the nearest). */
  readonly outside: number;
  /** Which points those are. */
  readonly outsideIndex: Uint32Array;
  /** Largest distance (km) from an outside point to the polygon it was given. */
  readonly maxOutsideKm: number;
}

/**
 * Assigns every point to the polygon containing it, else to the nearest polygon.
 * @param areas the polygons (at most 255)
 * @param lat latitudes of the points
 * @param lon longitudes of the points
 * @param onProgress fraction done, 0–1
 * @example assignPoints([square], [0.5], [0.5]).polygon // Uint8Array [0]
 */
export function assignPoints(
  areas: readonly Area[],
  lat: ArrayLike<number>,
  lon: ArrayLike<number>,
  onProgress?: (fraction: number) => void,
): Assignment {
  if (areas.length > 255) throw new RangeError('at most 255 polygons can be assigned');
  const rings: Ring[] = [];
  areas.forEach((a, j) => {
    const polys = a.type === 'Polygon' ? [a.coordinates] : a.coordinates;
    for (const p of polys)
      for (const ring of p) {
        const r = indexRing(j, ring);
        if (r) rings.push(r);
      }
  });
  // Coarse grid of ring bounding boxes (1° cells) to find the rings around a point.
  let gx0 = Infinity;
  let gy0 = Infinity;
  let gx1 = -Infinity;
  let gy1 = -Infinity;
  for (const r of rings) {
    gx0 = Math.min(gx0, r.minX);
    gy0 = Math.min(gy0, r.minY);
    gx1 = Math.max(gx1, r.maxX);
    gy1 = Math.max(gy1, r.maxY);
  }
  const cols = rings.length ? Math.min(720, Math.floor(gx1 - gx0) + 1) : 1;
  const rows = rings.length ? Math.min(360, Math.floor(gy1 - gy0) + 1) : 1;
  const cellOf = (x: number, y: number) => {
    const c = Math.floor(x - gx0);
    const r = Math.floor(y - gy0);
    return c < 0 || r < 0 || c >= cols || r >= rows ? -1 : r * cols + c;
  };
  // Sparse: a province file covers a small part of its bounding box's cells.
  const grid = new Map<number, number[]>();
  rings.forEach((r, k) => {
    for (let y = Math.floor(r.minY - gy0); y <= Math.min(rows - 1, Math.floor(r.maxY - gy0)); y++)
      for (let x = Math.floor(r.minX - gx0); x <= Math.min(cols - 1, Math.floor(r.maxX - gx0)); x++) {
        const list = grid.get(y * cols + x);
        if (list) list.push(k);
        else grid.set(y * cols + x, [k]);
      }
  });

  const n = lat.length;
  const polygon = new Uint8Array(n);
  const parity = new Uint8Array(areas.length);
  const outsideIdx: number[] = [];
  let inside = 0;
  for (let i = 0; i < n; i++) {
    const px = lon[i]!;
    const py = lat[i]!;
    const g = cellOf(px, py);
    let hit = -1;
    if (g >= 0) {
      const cand = grid.get(g) ?? [];
      parity.fill(0);
      for (const k of cand) {
        const r = rings[k]!;
        if (px < r.minX || px > r.maxX || py < r.minY || py > r.maxY) continue;
        if (crosses(r, px, py)) parity[r.polygon]! ^= 1;
      }
      for (let j = 0; j < areas.length; j++)
        if (parity[j]) {
          hit = j;
          break;
        }
    }
    if (hit >= 0) {
      polygon[i] = hit;
      inside++;
    } else outsideIdx.push(i);
    if (onProgress && i % 4096 === 0) onProgress((0.8 * i) / Math.max(1, n));
  }

  let maxOutsideKm = 0;
  outsideIdx.forEach((i, done) => {
    const px = lon[i]!;
    const py = lat[i]!;
    const kx = KM_PER_DEG_LON * Math.cos((py * Math.PI) / 180);
    const boxD2 = (r: Ring) => {
      const dx = Math.max(r.minX - px, 0, px - r.maxX) * kx;
      const dy = Math.max(r.minY - py, 0, py - r.maxY) * KM_PER_DEG_LAT;
      return dx * dx + dy * dy;
    };
    const order = rings.map((r, k) => [boxD2(r), k] as const).sort((a, b) => a[0] - b[0]);
    let best = Infinity;
    let bestPoly = 0;
    for (const [bd, k] of order) {
      if (bd >= best) break;
      const r = rings[k]!;
      const d = ringDistance2(r, px, py, kx, best);
      if (d < best) {
        best = d;
        bestPoly = r.polygon;
      }
    }
    polygon[i] = bestPoly;
    if (Number.isFinite(best)) maxOutsideKm = Math.max(maxOutsideKm, Math.sqrt(best));
    if (onProgress && done % 256 === 0) onProgress(0.8 + (0.2 * done) / Math.max(1, outsideIdx.length));
  });
  onProgress?.(1);
  return {
    polygon,
    inside,
    outside: outsideIdx.length,
    outsideIndex: Uint32Array.from(outsideIdx),
    maxOutsideKm,
  };
}
