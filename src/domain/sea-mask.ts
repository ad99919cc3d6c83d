/**
 * The sea mask (public/data/sea-mask.geojson: the map's box minus Indonesia's land) comes cut into the squares
 * of a fixed grid, each piece with its square's key `k`. The map draws only the pieces near catchment zones:
 * the sea elsewhere needs no mask, and the whole mask cost a full-screen fill in every frame and its
 * triangulation at start-up (time to idle).
 */
import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';

/** The grid: the map's box (west, south, east, north) in squares of `step` degrees. */
export const SEA_MASK_GRID = { west: 90, south: -15, east: 146, north: 10, step: 2 } as const;

const COLS = Math.ceil((SEA_MASK_GRID.east - SEA_MASK_GRID.west) / SEA_MASK_GRID.step);
const ROWS = Math.ceil((SEA_MASK_GRID.north - SEA_MASK_GRID.south) / SEA_MASK_GRID.step);

/** Every square's key with its bounds [west, south, east, north], column by column. */
export function seaMaskSquares(): { k: number; bounds: [number, number, number, number] }[] {
  const { west, south, east, north, step } = SEA_MASK_GRID;
  const out: { k: number; bounds: [number, number, number, number] }[] = [];
  for (let col = 0; col < COLS; col++)
    for (let row = 0; row < ROWS; row++) {
      const w = west + col * step;
      const s = south + row * step;
      out.push({ k: col * ROWS + row, bounds: [w, s, Math.min(w + step, east), Math.min(s + step, north)] });
    }
  return out;
}

/**
 * Keys of the squares a box (degrees) touches, clamped to the grid; ascending.
 * @example seaMaskKeys(123, -11, 124, -10) // the squares around Kupang
 */
export function seaMaskKeys(west: number, south: number, east: number, north: number): number[] {
  const { step } = SEA_MASK_GRID;
  if (east < SEA_MASK_GRID.west || west > SEA_MASK_GRID.east) return [];
  if (north < SEA_MASK_GRID.south || south > SEA_MASK_GRID.north) return [];
  const clamp = (x: number, n: number) => Math.min(n - 1, Math.max(0, x));
  const c0 = clamp(Math.floor((west - SEA_MASK_GRID.west) / step), COLS);
  const c1 = clamp(Math.floor((east - SEA_MASK_GRID.west) / step), COLS);
  const r0 = clamp(Math.floor((south - SEA_MASK_GRID.south) / step), ROWS);
  const r1 = clamp(Math.floor((north - SEA_MASK_GRID.south) / step), ROWS);
  const keys: number[] = [];
  for (let c = c0; c <= c1; c++) for (let r = r0; r <= r1; r++) keys.push(c * ROWS + r);
  return keys;
}

/**
 * Keys of the squares within `margin` degrees of any of the shapes (their boxes: a feature's `bbox` member when
 * it has one, else its coordinates' extent), ascending. The margin keeps the set unchanged while a hub is dragged
 * a little, so the mask is not re-sent on every move.
 * @example seaMaskKeysNear(zones, 0.5)
 */
export function seaMaskKeysNear(shapes: FeatureCollection, margin: number): number[] {
  const keys = new Set<number>();
  for (const f of shapes.features) {
    const box = f.bbox ? [...f.bbox] : extent(f.geometry);
    if (!box) continue;
    const [w, s, e, n] = box.length === 6 ? [box[0], box[1], box[3], box[4]] : box;
    for (const k of seaMaskKeys(w! - margin, s! - margin, e! + margin, n! + margin)) keys.add(k);
  }
  return [...keys].sort((a, b) => a - b);
}

/** West, south, east, north of a geometry's coordinates, or null when it has none. */
function extent(geometry: Geometry | null): number[] | null {
  if (!geometry || !('coordinates' in geometry)) return null;
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] !== 'number') return c.forEach(visit);
    const [x, y] = c as [number, number];
    box[0] = Math.min(box[0]!, x);
    box[1] = Math.min(box[1]!, y);
    box[2] = Math.max(box[2]!, x);
    box[3] = Math.max(box[3]!, y);
  };
  visit(geometry.coordinates);
  return box[0] === Infinity ? null : box;
}

/** The sea mask file: its pieces, each with its square's key. */
export type SeaMaskCollection = FeatureCollection<Polygon | MultiPolygon, { k: number }>;

/**
 * The pieces of the mask in the given squares (the rest of the sea needs no mask).
 * @example seaMaskPieces(mask, seaMaskKeysNear(zones, 0.5))
 */
export function seaMaskPieces(mask: SeaMaskCollection, keys: readonly number[]): SeaMaskCollection {
  const wanted = new Set(keys);
  return { type: 'FeatureCollection', features: mask.features.filter((f) => wanted.has(f.properties.k)) };
}
