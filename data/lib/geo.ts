/** Small geometry helpers for the data build (point in polygon, distance to a polygon's edges). */
import type { Position } from 'geojson';
import type { Area } from './boundaries';

function inRing(x: number, y: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i]!;
    const [xj = 0, yj = 0] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Even-odd point in (multi)polygon test, holes included. */
export function contains(area: Area, lon: number, lat: number): boolean {
  const polys = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  return polys.some(
    (p) => p.length > 0 && inRing(lon, lat, p[0]!) && !p.slice(1).some((h) => inRing(lon, lat, h)),
  );
}

/** Approximate distance in km from a point to the nearest edge of an area (local equirectangular projection). */
export function distanceToEdgeKm(area: Area, lon: number, lat: number): number {
  const kx = 111.32 * Math.cos((lat * Math.PI) / 180);
  const ky = 110.57;
  let best = Infinity;
  const polys = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  for (const poly of polys)
    for (const ring of poly)
      for (let i = 1; i < ring.length; i++) {
        const [ax = 0, ay = 0] = ring[i - 1]!;
        const [bx = 0, by = 0] = ring[i]!;
        const ux = (bx - ax) * kx;
        const uy = (by - ay) * ky;
        const px = (lon - ax) * kx;
        const py = (lat - ay) * ky;
        const len = ux * ux + uy * uy;
        const t = len === 0 ? 0 : Math.max(0, Math.min(1, (px * ux + py * uy) / len));
        const d = Math.hypot(px - t * ux, py - t * uy);
        if (d < best) best = d;
      }
  return best;
}

/** Index of the area containing the point, else of the nearest one (for coastal points). */
export function assignArea(
  areas: readonly Area[],
  lon: number,
  lat: number,
): { index: number; nearestKm: number } {
  const hit = areas.findIndex((a) => contains(a, lon, lat));
  if (hit >= 0) return { index: hit, nearestKm: 0 };
  let index = -1;
  let nearestKm = Infinity;
  areas.forEach((a, i) => {
    const d = distanceToEdgeKm(a, lon, lat);
    if (d < nearestKm) {
      nearestKm = d;
      index = i;
    }
  });
  return { index, nearestKm };
}

/** Great-circle distance in km. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}
