/**
 * Brute-force reference of the catchment rule and the objective: every cell against every point,
 * plain haversine, doubles, no index. Used by the property tests; deliberately shares no code with src/.
 */
import type { CellTable, IslandGap } from '../../../src/domain/types';

const R = 6371.0088;
const RAD = Math.PI / 180;

export interface RefRule {
  readonly radiusKm: number;
  readonly sameIslandOnly: boolean;
  readonly seaCrossingKm: number;
  readonly decayEdge: number;
}

export function refHaversine(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const a = Math.sin(((lat2 - lat1) * RAD) / 2);
  const b = Math.sin(((lon2 - lon1) * RAD) / 2);
  const h = a * a + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * b * b;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function refHubIsland(cells: CellTable, lat: number, lon: number): number {
  let best = -1;
  let bestD = Infinity;
  for (let c = 0; c < cells.count; c++) {
    const d = refHaversine(lat, lon, cells.lat[c]!, cells.lon[c]!);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best < 0 ? -1 : cells.island[best]!;
}

export function refGap(gaps: readonly IslandGap[], a: number, b: number): number {
  if (a === b) return 0;
  let best = Infinity;
  for (const [x, y, g] of gaps) if ((x === a && y === b) || (x === b && y === a)) best = Math.min(best, g);
  return best;
}

/** Weight of every cell for a point; -1 = outside the catchment (a member at the edge may weigh 0). */
export function refWeights(
  cells: CellTable,
  gaps: readonly IslandGap[],
  lat: number,
  lon: number,
  rule: RefRule,
): Float64Array {
  const out = new Float64Array(cells.count).fill(-1);
  const hubIsland = refHubIsland(cells, lat, lon);
  for (let c = 0; c < cells.count; c++) {
    const d = refHaversine(lat, lon, cells.lat[c]!, cells.lon[c]!);
    if (d > rule.radiusKm) continue;
    const island = cells.island[c]!;
    const ok =
      island === hubIsland || (!rule.sameIslandOnly && refGap(gaps, hubIsland, island) <= rule.seaCrossingKm);
    if (!ok) continue;
    out[c] = rule.radiusKm > 0 ? 1 - ((1 - rule.decayEdge) * d) / rule.radiusKm : 1;
  }
  return out;
}

export function refCoverage(
  cells: CellTable,
  gaps: readonly IslandGap[],
  hubs: readonly { lat: number; lon: number }[],
  rule: RefRule,
): Float64Array {
  const cov = new Float64Array(cells.count);
  for (const h of hubs) {
    const w = refWeights(cells, gaps, h.lat, h.lon, rule);
    for (let c = 0; c < cells.count; c++) cov[c] = Math.max(cov[c]!, w[c]!, 0);
  }
  return cov;
}

export function refGain(weights: Float64Array, covered: Float64Array, base: ArrayLike<number>): number {
  let sum = 0;
  for (let c = 0; c < weights.length; c++) sum += Math.max(0, weights[c]! - covered[c]!) * base[c]!; // -1 → 0
  return sum;
}

/** A cell table from plain rows (Float32 coordinates, like the real data). */
export function table(
  rows: readonly { lat: number; lon: number; pop: number; island: number; polygon: number }[],
): CellTable {
  const n = rows.length;
  return {
    count: n,
    lat: Float32Array.from(rows, (r) => r.lat),
    lon: Float32Array.from(rows, (r) => r.lon),
    pop: Uint32Array.from(rows, (r) => r.pop),
    polygon: Uint8Array.from(rows, (r) => r.polygon),
    island: Uint16Array.from(rows, (r) => r.island),
    h3hi: new Uint32Array(n),
    h3lo: new Uint32Array(n),
  };
}
