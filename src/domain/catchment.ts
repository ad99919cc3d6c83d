/**
 * The catchment rule: which population cells a roadshow stop ("hub") reaches.
 *
 * This is THE definition shared by the map and the optimiser: the map draws exactly the cells returned here.
 *
 * A hub at (lat, lon) sits on the island of its nearest cell (great-circle distance, ties go to the lower
 * cell id). A cell is in the catchment iff
 *   - its great-circle distance from the hub is ≤ `radiusKm` (haversine, R = 6371.0088 km), and
 *   - it is on the hub's island, or `sameIslandOnly` is off and the direct gap between the hub's island and
 *     the cell's island is ≤ `seaCrossingKm` (one hop; gaps come from `CellsMeta.islandGaps`, which only lists
 *     pairs up to `CellsMeta.maxGapKm`, so larger crossings never count), and, with `crossTo: 'smaller'`, the
 *     cell's island has fewer cells than the hub's (people cross to a hub on a bigger island, not away from it:
 *     a stop on Bali does not count Java, whatever the crossing).
 * Its reach weight falls linearly from 1 at the hub to `decayEdge` at the radius (1 = no decay).
 *
 * Implementation: a uniform lon/lat bucket grid (cells counting-sorted by bucket, row-major) prunes to one
 * contiguous run of positions per grid row (the buckets within the cap's longitude extent over that row's
 * latitudes); then an exact great-circle test runs on unit vectors stored in the same order. The test compares
 * chord lengths, which is the haversine test without trigonometry in the loop (haversine h = chord² / 4); within
 * float noise of the boundary the haversine formula itself decides, so membership is exactly "haversine ≤
 * radius". We measured KDBush (range boxes + exact filter, and geokdbush `around`) against this grid (see
 * bench/run.ts): the grid builds in O(n) and scans contiguous memory, which the 1M-cell case needs.
 */

import type { CellTable, IslandGap, Km } from './types';
import { km } from './types';

/** Mean Earth radius (IUGG), the R of every distance in this project. */
export const EARTH_RADIUS_KM: Km = km(6371.0088);

const RAD = Math.PI / 180;
/** Padding of query boxes in degrees (≈ 0.1 m), so float rounding never drops a cell the exact test keeps. */
const BOX_PAD_DEG = 1e-6;
/** First radius tried when looking for the nearest cell; doubled twice per miss. */
const NEAREST_START_KM = 8;
/** Average cells per bucket over the bounding box (most of which is sea, so land buckets hold more). */
export const CELLS_PER_BUCKET = 8;

/** Who a hub reaches. See the module comment for the exact rule. */
export interface CatchmentRule {
  /** Great-circle radius of the catchment. */
  readonly radiusKm: Km;
  /** When true, only cells on the hub's own island count. */
  readonly sameIslandOnly: boolean;
  /** Largest direct gap between two islands that a hub still reaches across (ignored if `sameIslandOnly`). */
  readonly seaCrossingKm: Km;
  /** Reach weight at the edge of the radius, in [0, 1]; 1 = no decay, linear fall-off from 1 at the centre. */
  readonly decayEdge: number;
  /**
   * Which islands a crossing may reach: any within `seaCrossingKm`, or only islands smaller (in cells) than the
   * hub's own. Absent = 'any' (the rule before this option existed).
   */
  readonly crossTo?: CrossTo;
}

/** Islands a sea crossing may reach: `any`, or only `smaller` ones than the hub's island. */
export type CrossTo = 'any' | 'smaller';

/** 50 km, sea crossings up to 10 km, no decay. */
export const DEFAULT_CATCHMENT_RULE: CatchmentRule = Object.freeze({
  radiusKm: km(50),
  sameIslandOnly: false,
  seaCrossingKm: km(10),
  decayEdge: 1,
});

/** A hub or candidate location in degrees (WGS84). */
export interface HubPoint {
  readonly lat: number;
  readonly lon: number;
}

/** Many points, columnar (e.g. places or candidates). `lat.length` is the number of points. */
export interface PointColumns {
  readonly lat: ArrayLike<number>;
  readonly lon: ArrayLike<number>;
}

/** Uniform lon/lat bucket grid over the cells' bounding box; bucket (row, col) is row-major. */
export interface CellGrid {
  readonly minLat: number;
  readonly minLon: number;
  /** Bucket edge in degrees (same for lat and lon). */
  readonly size: number;
  readonly rows: number;
  readonly cols: number;
}

/**
 * Spatial index over one cell table plus the island-gap lookup. Build once per table; read-only afterwards.
 * Cells are stored in bucket order ("positions"), so a query scans a few contiguous runs of memory.
 */
export interface CellIndex {
  readonly cells: CellTable;
  /** 1 + the largest island id seen in the cells or the gaps. */
  readonly islandCount: number;
  readonly grid: CellGrid;
  /** First position of each bucket, length rows × cols + 1. */
  readonly bucketStart: Uint32Array;
  /** Cell id at each position. */
  readonly order: Uint32Array;
  /** Unit vectors (x, y, z) of the cells by position, stride 3. */
  readonly xyz: Float64Array;
  /** Island of the cell at each position. */
  readonly islandAt: Uint16Array;
  /** Polygon of the cell at each position. */
  readonly polygonAt: Uint8Array;
  /** Island adjacency (both directions) in CSR form: neighbours of island i are at gapOffsets[i]..gapOffsets[i+1]. */
  readonly gapOffsets: Uint32Array;
  readonly gapNeighbour: Uint32Array;
  readonly gapKm: Float64Array;
  /** Cells per island id (the island's size, for `crossTo: 'smaller'`). */
  readonly islandCells: Uint32Array;
}

/**
 * Catchments of many points in CSR form. Row r's entries are offsets[r]..offsets[r+1]; each entry is an index
 * position (cell id = `index.order[position]`), so that the optimiser reads per-cell arrays gathered into
 * position order sequentially (a catchment is a few contiguous runs of positions).
 */
export interface CatchmentLists {
  readonly rule: CatchmentRule;
  /** Number of rows (points). */
  readonly count: number;
  /** Row starts, length count + 1. */
  readonly offsets: Uint32Array;
  /** Index positions of the cells reached. */
  readonly positions: Uint32Array;
  /** Reach weight of each entry, in [decayEdge, 1]; null when the rule has no decay (every weight is 1). */
  readonly weights: Float32Array | null;
  /** Island each point sits on (-1 when the table is empty). */
  readonly hubIsland: Int32Array;
}

/** One hub's catchment, cells sorted by id. */
export interface Catchment {
  readonly cells: Uint32Array;
  readonly weights: Float32Array;
  readonly hubIsland: number;
}

/**
 * Great-circle distance by the haversine formula, R = {@link EARTH_RADIUS_KM}.
 *
 * @param lat1 Latitude of the first point, degrees.
 * @param lon1 Longitude of the first point, degrees.
 * @param lat2 Latitude of the second point, degrees.
 * @param lon2 Longitude of the second point, degrees.
 * @returns Distance in kilometres.
 * @example
 * haversineKm(-6.2, 106.8, -6.9, 107.6); // Jakarta–Bandung ≈ 118 km
 */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): Km {
  const s1 = Math.sin(((lat2 - lat1) * RAD) / 2);
  const s2 = Math.sin(((lon2 - lon1) * RAD) / 2);
  const h = s1 * s1 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * s2 * s2;
  return km(2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h))));
}

/**
 * Throws a RangeError when a rule is not usable (negative or NaN radius or crossing, decay outside [0, 1]).
 *
 * @param rule The rule to check.
 * @example
 * validateRule(DEFAULT_CATCHMENT_RULE); // ok
 * validateRule({ ...DEFAULT_CATCHMENT_RULE, decayEdge: 2 }); // throws RangeError
 */
export function validateRule(rule: CatchmentRule): void {
  if (!Number.isFinite(rule.radiusKm) || rule.radiusKm < 0) {
    throw new RangeError(`radiusKm must be a finite number ≥ 0, got ${rule.radiusKm}`);
  }
  if (Number.isNaN(rule.seaCrossingKm) || rule.seaCrossingKm < 0) {
    throw new RangeError(`seaCrossingKm must be ≥ 0, got ${rule.seaCrossingKm}`);
  }
  if (!Number.isFinite(rule.decayEdge) || rule.decayEdge < 0 || rule.decayEdge > 1) {
    throw new RangeError(`decayEdge must be in [0, 1], got ${rule.decayEdge}`);
  }
}

/** Tuning of {@link createCellIndex}. */
export interface CellIndexOptions {
  /** Bucket edge in degrees; default: about {@link CELLS_PER_BUCKET} cells per bucket of the bounding box. */
  readonly bucketDeg?: number;
}

/** Bucket grid over the cells' bounding box. */
function gridFor(cells: CellTable, bucketDeg: number | undefined): CellGrid {
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLon = Infinity;
  let maxLon = -Infinity;
  for (let c = 0; c < cells.count; c++) {
    const lat = cells.lat[c] ?? 0;
    const lon = cells.lon[c] ?? 0;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
  }
  if (cells.count === 0) return { minLat: 0, minLon: 0, size: 1, rows: 1, cols: 1 };
  const height = Math.max(maxLat - minLat, 1e-6);
  const width = Math.max(maxLon - minLon, 1e-6);
  const size = Math.max(
    1e-6,
    bucketDeg ?? Math.sqrt((height * width) / Math.max(1, cells.count / CELLS_PER_BUCKET)),
  );
  return {
    minLat,
    minLon,
    size,
    rows: Math.floor(height / size) + 1,
    cols: Math.floor(width / size) + 1,
  };
}

/**
 * Builds the spatial index and the island-gap lookup for a cell table. O(n log n); the table is not copied
 * or mutated, so keep it unchanged while the index is in use.
 *
 * @param cells The population surface.
 * @param islandGaps `CellsMeta.islandGaps`: [islandA, islandB, gapKm] triples (order of a and b is free).
 * @param options Grid tuning (tests use it to force fine buckets).
 * @returns A read-only index for {@link catchment}, {@link catchmentLists} and friends.
 * @example
 * const index = createCellIndex(cells, meta.islandGaps);
 * catchment(index, { lat: -6.2, lon: 106.8 }, DEFAULT_CATCHMENT_RULE).cells.length;
 */
export function createCellIndex(
  cells: CellTable,
  islandGaps: readonly IslandGap[],
  options: CellIndexOptions = {},
): CellIndex {
  const n = cells.count;
  for (const [name, column] of [
    ['lat', cells.lat],
    ['lon', cells.lon],
    ['pop', cells.pop],
    ['polygon', cells.polygon],
    ['island', cells.island],
  ] as const) {
    if (column.length < n) throw new RangeError(`cells.${name} has ${column.length} rows, expected ${n}`);
  }

  const grid = gridFor(cells, options.bucketDeg);
  const buckets = grid.rows * grid.cols;
  if (buckets > 4 * n + 1_000_000)
    throw new RangeError(`bucketDeg ${grid.size} makes ${buckets} buckets; use larger ones`);
  const bucketOf = new Uint32Array(n);
  const bucketStart = new Uint32Array(buckets + 1);
  for (let c = 0; c < n; c++) {
    const lat = cells.lat[c] ?? NaN;
    const lon = cells.lon[c] ?? NaN;
    if (!Number.isFinite(lat) || !Number.isFinite(lon))
      throw new RangeError(`cell ${c} has no valid lat/lon`);
    const row = Math.min(grid.rows - 1, Math.floor((lat - grid.minLat) / grid.size));
    const col = Math.min(grid.cols - 1, Math.floor((lon - grid.minLon) / grid.size));
    const bucket = row * grid.cols + col;
    bucketOf[c] = bucket;
    bucketStart[bucket + 1] = (bucketStart[bucket + 1] ?? 0) + 1;
  }
  for (let b = 0; b < buckets; b++) bucketStart[b + 1] = (bucketStart[b + 1] ?? 0) + (bucketStart[b] ?? 0);
  // Scatter in cell order: sequential reads, one write stream per array (cheaper than gathering by position).
  const fillAt = bucketStart.slice(0, buckets);
  const order = new Uint32Array(n);
  const xyz = new Float64Array(3 * n);
  const islandAt = new Uint16Array(n);
  const polygonAt = new Uint8Array(n);
  let islandCount = 0;
  for (let c = 0; c < n; c++) {
    const bucket = bucketOf[c] ?? 0;
    const p = fillAt[bucket] ?? 0;
    fillAt[bucket] = p + 1;
    order[p] = c;
    const lat = (cells.lat[c] ?? 0) * RAD;
    const lon = (cells.lon[c] ?? 0) * RAD;
    const cosLat = Math.cos(lat);
    xyz[3 * p] = cosLat * Math.cos(lon);
    xyz[3 * p + 1] = cosLat * Math.sin(lon);
    xyz[3 * p + 2] = Math.sin(lat);
    const island = cells.island[c] ?? 0;
    islandAt[p] = island;
    polygonAt[p] = cells.polygon[c] ?? 0;
    if (island >= islandCount) islandCount = island + 1;
  }

  for (const [a, b, gap] of islandGaps) {
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0 || Number.isNaN(gap)) {
      throw new RangeError(`invalid island gap [${a}, ${b}, ${gap}]`);
    }
    islandCount = Math.max(islandCount, a + 1, b + 1);
  }
  const degree = new Uint32Array(islandCount + 1);
  for (const [a, b] of islandGaps) {
    if (a === b) continue;
    degree[a + 1] = (degree[a + 1] ?? 0) + 1;
    degree[b + 1] = (degree[b + 1] ?? 0) + 1;
  }
  for (let i = 0; i < islandCount; i++) degree[i + 1] = (degree[i + 1] ?? 0) + (degree[i] ?? 0);
  const gapOffsets = degree;
  const fill = gapOffsets.slice(0, islandCount);
  const total = gapOffsets[islandCount] ?? 0;
  const gapNeighbour = new Uint32Array(total);
  const gapKm = new Float64Array(total);
  for (const [a, b, gap] of islandGaps) {
    if (a === b) continue;
    const ia = fill[a] ?? 0;
    gapNeighbour[ia] = b;
    gapKm[ia] = gap;
    fill[a] = ia + 1;
    const ib = fill[b] ?? 0;
    gapNeighbour[ib] = a;
    gapKm[ib] = gap;
    fill[b] = ib + 1;
  }

  const islandCells = new Uint32Array(islandCount);
  for (let c = 0; c < n; c++) {
    const island = cells.island[c] ?? 0;
    islandCells[island] = (islandCells[island] ?? 0) + 1;
  }

  return {
    cells,
    islandCount,
    grid,
    bucketStart,
    order,
    xyz,
    islandAt,
    polygonAt,
    gapOffsets,
    gapNeighbour,
    gapKm,
    islandCells,
  };
}

/**
 * Shortest listed gap between two islands: 0 for the same island, Infinity when the pair is not listed
 * (farther apart than `CellsMeta.maxGapKm`).
 *
 * @param index From {@link createCellIndex}.
 * @param a Island id.
 * @param b Island id.
 * @returns Gap in kilometres.
 * @example
 * islandGapKm(index, 3, 7); // e.g. 4.2, or Infinity
 */
export function islandGapKm(index: CellIndex, a: number, b: number): Km {
  if (a === b) return km(0);
  let best = Infinity;
  const end = index.gapOffsets[a + 1] ?? 0;
  for (let k = index.gapOffsets[a] ?? 0; k < end; k++) {
    if (index.gapNeighbour[k] === b) best = Math.min(best, index.gapKm[k] ?? Infinity);
  }
  return km(best);
}

/** Squared chord length between unit vectors that are `distanceKm` apart along the sphere. */
function chord2(distanceKm: number): number {
  const angle = distanceKm / EARTH_RADIUS_KM;
  if (angle >= Math.PI) return Infinity;
  const c = 2 * Math.sin(angle / 2);
  return c * c;
}

/**
 * Float noise of a squared chord between unit vectors built from rounded trigonometry (≈ 1e-16 per coordinate),
 * with a 100× margin. Inside this band the chord cannot decide, so the haversine formula does.
 */
function chordTolerance(c2: number): number {
  return c2 === Infinity ? 0 : 4e-14 * Math.sqrt(c2) + 1e-27;
}

/** Haversine distance from a point to a cell (the defining formula; used only near decision boundaries). */
function cellKm(index: CellIndex, lat: number, lon: number, cell: number): number {
  return haversineKm(lat, lon, index.cells.lat[cell] ?? NaN, index.cells.lon[cell] ?? NaN);
}

/** Longitude in [-180, 180). */
function normaliseLon(lon: number): number {
  return lon >= -180 && lon < 180 ? lon : ((((lon + 180) % 360) + 360) % 360) - 180;
}

/** Reusable buffers for many queries against one index (never shared across calls of exported functions). */
interface Scratch {
  /** Pairs [start, end) of positions to scan. */
  readonly ranges: Uint32Array;
  readonly allowed: Uint8Array;
}

function createScratch(index: CellIndex): Scratch {
  return {
    // At most two lon intervals per grid row.
    ranges: new Uint32Array(4 * index.grid.rows + 4),
    allowed: new Uint8Array(index.islandCount),
  };
}

/** Appends the position runs of the buckets in one lat/lon box (lon within [-180, 180]) to `ranges`. */
function boxRanges(
  index: CellIndex,
  minLat: number,
  maxLat: number,
  minLon: number,
  maxLon: number,
  ranges: Uint32Array,
  start: number,
): number {
  const { grid, bucketStart } = index;
  const rowA = Math.max(0, Math.floor((minLat - grid.minLat) / grid.size));
  const rowB = Math.min(grid.rows - 1, Math.floor((maxLat - grid.minLat) / grid.size));
  const colA = Math.max(0, Math.floor((minLon - grid.minLon) / grid.size));
  const colB = Math.min(grid.cols - 1, Math.floor((maxLon - grid.minLon) / grid.size));
  let len = start;
  if (colA > colB) return len;
  for (let row = rowA; row <= rowB; row++) {
    const s = bucketStart[row * grid.cols + colA] ?? 0;
    const e = bucketStart[row * grid.cols + colB + 1] ?? 0;
    if (e > s) {
      ranges[len++] = s;
      ranges[len++] = e;
    }
  }
  return len;
}

/** Appends the position run of one grid row between two longitudes (within [-180, 180]). */
function rowRange(
  index: CellIndex,
  row: number,
  minLon: number,
  maxLon: number,
  ranges: Uint32Array,
  len: number,
): number {
  const { grid, bucketStart } = index;
  const colA = Math.max(0, Math.floor((minLon - grid.minLon) / grid.size));
  const colB = Math.min(grid.cols - 1, Math.floor((maxLon - grid.minLon) / grid.size));
  if (colA > colB) return len;
  const s = bucketStart[row * grid.cols + colA] ?? 0;
  const e = bucketStart[row * grid.cols + colB + 1] ?? 0;
  if (e > s) {
    ranges[len++] = s;
    ranges[len++] = e;
  }
  return len;
}

/**
 * Position runs covering the spherical cap of `radiusKm` around the point (a superset of the cells within the
 * radius): per grid row, the buckets within the cap's longitude extent over that row's latitude band. Near a
 * pole (or for caps of a quarter sphere and more) whole rows are taken. Handles the antimeridian.
 * Returns 2 × runs.
 */
function capRanges(index: CellIndex, lat: number, lon: number, radiusKm: number, scratch: Scratch): number {
  const ranges = scratch.ranges;
  if (index.order.length === 0) return 0;
  const angle = radiusKm / EARTH_RADIUS_KM;
  const dLat = angle / RAD + BOX_PAD_DEG;
  const minLat = lat - dLat;
  const maxLat = lat + dLat;
  if (angle >= Math.PI / 2 || maxLat >= 90 || minLat <= -90 || Math.sin(angle) >= Math.cos(lat * RAD)) {
    return boxRanges(index, minLat, maxLat, -180, 180, ranges, 0);
  }
  const { grid } = index;
  const x = normaliseLon(lon);
  const sinLat0 = Math.sin(lat * RAD);
  const cosLat0 = Math.cos(lat * RAD);
  const cosAngle = Math.cos(angle);
  // The cap is widest (in longitude) at this latitude; its half-width shrinks monotonically away from it.
  const widest = Math.asin(Math.min(1, sinLat0 / cosAngle)) / RAD;
  const rowA = Math.max(0, Math.floor((minLat - grid.minLat) / grid.size));
  const rowB = Math.min(grid.rows - 1, Math.floor((maxLat - grid.minLat) / grid.size));
  let len = 0;
  for (let row = rowA; row <= rowB; row++) {
    // The row's band, widened a little (a wider band can only widen the extent), clipped to the cap.
    const bandLo = Math.max(grid.minLat + row * grid.size - 1e-9, minLat);
    const bandHi = Math.min(grid.minLat + (row + 1) * grid.size + 1e-9, maxLat);
    const phi = Math.min(bandHi, Math.max(bandLo, widest)) * RAD;
    const cosDLon = (cosAngle - sinLat0 * Math.sin(phi)) / (cosLat0 * Math.cos(phi));
    const dLon = (cosDLon <= -1 ? 180 : Math.acos(Math.min(1, cosDLon)) / RAD) + BOX_PAD_DEG;
    const minLon = x - dLon;
    const maxLon = x + dLon;
    if (dLon >= 180) {
      len = rowRange(index, row, -180, 180, ranges, len);
    } else if (minLon < -180) {
      len = rowRange(index, row, minLon + 360, 180, ranges, len);
      len = rowRange(index, row, -180, maxLon, ranges, len);
    } else if (maxLon > 180) {
      len = rowRange(index, row, minLon, 180, ranges, len);
      len = rowRange(index, row, -180, maxLon - 360, ranges, len);
    } else {
      len = rowRange(index, row, minLon, maxLon, ranges, len);
    }
  }
  return len;
}

/** Nearest cell id to a unit vector (ties: lower id), or -1 for an empty table. */
function nearestCellXyz(
  index: CellIndex,
  lat: number,
  lon: number,
  hx: number,
  hy: number,
  hz: number,
  scratch: Scratch,
): number {
  const { xyz, order } = index;
  for (let radius = NEAREST_START_KM; ; radius *= 4) {
    const full = radius / EARTH_RADIUS_KM >= Math.PI;
    const n = capRanges(index, lat, lon, full ? Math.PI * EARTH_RADIUS_KM : radius, scratch);
    let best = -1;
    let bestC2 = Infinity;
    let hi = Infinity; // above: farther than the best for sure
    let lo = Infinity; // below: nearer than the best for sure
    for (let q = 0; q < n; q += 2) {
      const end = scratch.ranges[q + 1] ?? 0;
      for (let p = scratch.ranges[q] ?? 0; p < end; p++) {
        const dx = (xyz[3 * p] ?? 0) - hx;
        const dy = (xyz[3 * p + 1] ?? 0) - hy;
        const dz = (xyz[3 * p + 2] ?? 0) - hz;
        const c2 = dx * dx + dy * dy + dz * dz;
        if (c2 > hi) continue;
        const id = order[p] ?? 0;
        // Within float noise of the best: decide by the haversine distance itself (ties: lower id).
        if (c2 >= lo) {
          const d = cellKm(index, lat, lon, id);
          const bestD = cellKm(index, lat, lon, best);
          if (d > bestD || (d === bestD && id > best)) continue;
        }
        bestC2 = c2;
        best = id;
        hi = c2 + chordTolerance(c2);
        lo = c2 - chordTolerance(c2);
      }
    }
    // Accept once the best cell lies inside the searched cap: every closer cell would have been in the box.
    if (full || (best >= 0 && bestC2 <= chord2(radius))) return best;
  }
}

/**
 * The cell nearest to a point (great-circle; ties go to the lower cell id), or -1 for an empty table.
 *
 * @param index From {@link createCellIndex}.
 * @param point Location in degrees.
 * @returns A cell id.
 * @example
 * const c = nearestCell(index, { lat: -6.2, lon: 106.8 });
 * index.cells.island[c]; // the hub's island
 */
export function nearestCell(index: CellIndex, point: HubPoint): number {
  const [hx, hy, hz] = unitVector(point.lat, point.lon);
  return nearestCellXyz(index, point.lat, point.lon, hx, hy, hz, createScratch(index));
}

function unitVector(lat: number, lon: number): [number, number, number] {
  const cosLat = Math.cos(lat * RAD);
  return [cosLat * Math.cos(lon * RAD), cosLat * Math.sin(lon * RAD), Math.sin(lat * RAD)];
}

/**
 * Catchments of many points at once, in CSR form. This is the hot path of the optimiser: one allocation per
 * output array (amortised growth), no per-cell objects.
 *
 * @param index From {@link createCellIndex}.
 * @param points Columnar locations (degrees).
 * @param rule The catchment rule (validated).
 * @returns One row per point; entries within a row are in index order (use {@link catchment} for sorted output).
 * @example
 * const lists = catchmentLists(index, { lat: [-6.2], lon: [106.8] }, DEFAULT_CATCHMENT_RULE);
 * lists.positions.subarray(lists.offsets[0], lists.offsets[1]).map((p) => index.order[p]); // first point's cells
 */
export function catchmentLists(index: CellIndex, points: PointColumns, rule: CatchmentRule): CatchmentLists {
  validateRule(rule);
  const count = points.lat.length;
  if (points.lon.length !== count) throw new RangeError('points.lat and points.lon differ in length');
  const scratch = createScratch(index);
  const { xyz, order, islandAt, gapOffsets, gapNeighbour, gapKm, islandCells } = index;
  const smallerOnly = rule.crossTo === 'smaller';
  const islands = index.cells.island;
  const { ranges, allowed } = scratch;
  const radius = rule.radiusKm;
  const maxC2 = chord2(radius);
  // Squared chords below loC2 are inside and above hiC2 outside for sure; between them haversine decides.
  const loC2 = maxC2 - chordTolerance(maxC2);
  const hiC2 = maxC2 + chordTolerance(maxC2);
  const drop = 1 - rule.decayEdge;
  const hasDecay = drop !== 0 && radius > 0;
  const twoR = 2 * EARTH_RADIUS_KM;

  // Pass 1: an upper bound of the entries (the runs of every cap), so the output is allocated once.
  let capacity = 0;
  for (let r = 0; r < count; r++) {
    const lat = points.lat[r] ?? NaN;
    const lon = points.lon[r] ?? NaN;
    if (!Number.isFinite(lat) || !Number.isFinite(lon))
      throw new RangeError(`point ${r} has no valid lat/lon`);
    const n = capRanges(index, lat, lon, radius, scratch);
    for (let q = 0; q < n; q += 2) capacity += (ranges[q + 1] ?? 0) - (ranges[q] ?? 0);
  }

  // Pass 2: exact test per cell of each cap.
  const offsets = new Uint32Array(count + 1);
  const hubIsland = new Int32Array(count);
  const positions = new Uint32Array(capacity);
  const weights = hasDecay ? new Float32Array(capacity) : null;
  let len = 0;
  for (let r = 0; r < count; r++) {
    const lat = points.lat[r] ?? 0;
    const lon = points.lon[r] ?? 0;
    const cosLat = Math.cos(lat * RAD);
    const hx = cosLat * Math.cos(lon * RAD);
    const hy = cosLat * Math.sin(lon * RAD);
    const hz = Math.sin(lat * RAD);
    const nearest = nearestCellXyz(index, lat, lon, hx, hy, hz, scratch);
    const island = nearest < 0 ? -1 : (islands[nearest] ?? 0);
    hubIsland[r] = island;
    if (island >= 0) {
      allowed[island] = 1;
      const end = rule.sameIslandOnly ? 0 : (gapOffsets[island + 1] ?? 0);
      for (let k = rule.sameIslandOnly ? 0 : (gapOffsets[island] ?? 0); k < end; k++) {
        const other = gapNeighbour[k] ?? 0;
        if ((gapKm[k] ?? Infinity) > rule.seaCrossingKm) continue;
        if (smallerOnly && (islandCells[other] ?? 0) >= (islandCells[island] ?? 0)) continue;
        allowed[other] = 1;
      }

      const n = capRanges(index, lat, lon, radius, scratch);
      for (let q = 0; q < n; q += 2) {
        const stop = ranges[q + 1] ?? 0;
        for (let p = ranges[q] ?? 0; p < stop; p++) {
          const dx = (xyz[3 * p] ?? 0) - hx;
          const dy = (xyz[3 * p + 1] ?? 0) - hy;
          const dz = (xyz[3 * p + 2] ?? 0) - hz;
          const c2 = dx * dx + dy * dy + dz * dz;
          if (c2 > hiC2 || allowed[islandAt[p] ?? 0] === 0) continue;
          if (c2 >= loC2 && cellKm(index, lat, lon, order[p] ?? 0) > radius) continue;
          if (weights) {
            // Below ~0.6 km the chord loses relative precision, so take the haversine distance there.
            const d =
              c2 > 1e-14
                ? twoR * Math.asin(Math.min(1, Math.sqrt(c2) / 2))
                : cellKm(index, lat, lon, order[p] ?? 0);
            weights[len] = 1 - drop * Math.min(1, d / radius);
          }
          positions[len++] = p;
        }
      }

      allowed[island] = 0;
      for (let k = gapOffsets[island] ?? 0; k < (gapOffsets[island + 1] ?? 0); k++)
        allowed[gapNeighbour[k] ?? 0] = 0;
    }
    offsets[r + 1] = len;
  }

  return {
    rule,
    count,
    offsets,
    // The bound overshoots by the box corners and other islands; trim when that wastes much memory.
    positions: trim(positions, len),
    weights: weights ? trim(weights, len) : null,
    hubIsland,
  };
}

/** The first `len` entries: a view when little would be wasted, else a tight copy. */
function trim<T extends Uint32Array | Float32Array>(array: T, len: number): T {
  return (len >= 0.8 * array.length ? array.subarray(0, len) : array.slice(0, len)) as T;
}

/**
 * Gathers a per-cell array into index-position order (for the optimiser's sequential reads).
 *
 * @param index From {@link createCellIndex}.
 * @param perCell One value per cell id.
 * @returns A new Float64Array: out[position] = perCell[order[position]].
 * @example
 * const basePos = byPosition(index, demand.values);
 */
export function byPosition(index: CellIndex, perCell: ArrayLike<number>): Float64Array {
  const { order } = index;
  const out = new Float64Array(order.length);
  for (let p = 0; p < order.length; p++) out[p] = perCell[order[p] ?? 0] ?? 0;
  return out;
}

/**
 * The catchment of one hub: the cells it reaches (sorted by id) and their reach weights.
 *
 * @param index From {@link createCellIndex}.
 * @param hub Hub location in degrees.
 * @param rule The catchment rule.
 * @returns Cells, weights and the hub's island.
 * @example
 * const { cells, weights, hubIsland } = catchment(index, { lat: -6.2, lon: 106.8 }, DEFAULT_CATCHMENT_RULE);
 */
export function catchment(index: CellIndex, hub: HubPoint, rule: CatchmentRule): Catchment {
  const lists = catchmentLists(index, { lat: [hub.lat], lon: [hub.lon] }, rule);
  const n = lists.positions.length;
  const ids = lists.positions.map((p) => index.order[p] ?? 0);
  const byId = new Uint32Array(n);
  for (let k = 0; k < n; k++) byId[k] = k;
  byId.sort((a, b) => (ids[a] ?? 0) - (ids[b] ?? 0));
  const cells = new Uint32Array(n);
  const weights = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    const from = byId[k] ?? 0;
    cells[k] = ids[from] ?? 0;
    weights[k] = lists.weights ? (lists.weights[from] ?? 0) : 1;
  }
  return { cells, weights, hubIsland: lists.hubIsland[0] ?? -1 };
}

/**
 * Coverage of the current hubs: per cell, the largest reach weight of any hub (0 = outside every catchment).
 *
 * @param index From {@link createCellIndex}.
 * @param hubs Current hubs.
 * @param rule The catchment rule.
 * @returns A new Float32Array with one value in [0, 1] per cell.
 * @example
 * const covered = coverageOf(index, [{ lat: -6.2, lon: 106.8 }], DEFAULT_CATCHMENT_RULE);
 */
export function coverageOf(index: CellIndex, hubs: readonly HubPoint[], rule: CatchmentRule): Float32Array {
  const covered = new Float32Array(index.cells.count);
  const lists = catchmentLists(index, hubColumns(hubs), rule);
  for (let k = 0; k < lists.positions.length; k++) {
    const c = index.order[lists.positions[k] ?? 0] ?? 0;
    const w = lists.weights ? (lists.weights[k] ?? 0) : 1;
    if (w > (covered[c] ?? 0)) covered[c] = w;
  }
  return covered;
}

/**
 * Converts hub objects to columns.
 *
 * @param hubs Hubs.
 * @returns Their latitudes and longitudes as columns.
 * @example
 * hubColumns([{ lat: -6.2, lon: 106.8 }]); // { lat: [-6.2], lon: [106.8] }
 */
export function hubColumns(hubs: readonly HubPoint[]): PointColumns {
  return { lat: hubs.map((h) => h.lat), lon: hubs.map((h) => h.lon) };
}

/** What one hub reaches. */
export interface Reach {
  /** Residents of the catchment cells (a headcount; weights ignored). */
  readonly people: number;
  /** Σ demand × reach weight over the catchment. */
  readonly underserved: number;
  /** Number of catchment cells. */
  readonly cells: number;
}

/**
 * People and underserved demand within one hub's catchment.
 *
 * @param index From {@link createCellIndex}.
 * @param hub Hub location.
 * @param rule The catchment rule.
 * @param demand Per-cell demand (e.g. `buildDemand(...).values`).
 * @returns Headcount, weighted demand and cell count.
 * @example
 * reachOf(index, { lat: -6.2, lon: 106.8 }, DEFAULT_CATCHMENT_RULE, demand.values).underserved;
 */
export function reachOf(
  index: CellIndex,
  hub: HubPoint,
  rule: CatchmentRule,
  demand: ArrayLike<number>,
): Reach {
  const lists = catchmentLists(index, { lat: [hub.lat], lon: [hub.lon] }, rule);
  let people = 0;
  let underserved = 0;
  for (let k = 0; k < lists.positions.length; k++) {
    const c = index.order[lists.positions[k] ?? 0] ?? 0;
    people += index.cells.pop[c] ?? 0;
    underserved += (demand[c] ?? 0) * (lists.weights ? (lists.weights[k] ?? 0) : 1);
  }
  return { people, underserved, cells: lists.positions.length };
}
