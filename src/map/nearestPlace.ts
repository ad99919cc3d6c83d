import type { PlacesFile } from '../domain/types';
import { haversineKm } from '../domain/catchment';

/** The most populous place within `maxKm` of a point, else the nearest; null when none within `maxKm`. */
export function placeNear(places: PlacesFile, lat: number, lon: number, maxKm: number): number | null {
  let best: number | null = null;
  let bestScore = -Infinity;
  for (let i = 0; i < places.id.length; i++) {
    const d = haversineKm(lat, lon, places.lat[i]!, places.lon[i]!);
    if (d > maxKm) continue;
    // Prefer the nearest, then the larger place: score falls with distance, rises slowly with population.
    const score = -Number(d) + Math.log10(1 + (places.pop[i] ?? 0)) * 2;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}
