/**
 * Candidate stops: the populated places the optimiser may pick, after the user's filters.
 */
import type { HubPoint } from '../catchment';
import { haversineKm } from '../catchment';
import type { PlaceKind } from '../planner/fields';
import type { Km } from '../types';
import { km } from '../types';

/** Populated places, columnar (`PlacesFile` without names, or typed arrays). Row i is place i. */
export interface PlaceColumns {
  readonly id: ArrayLike<number>;
  readonly lat: ArrayLike<number>;
  readonly lon: ArrayLike<number>;
  readonly pop: ArrayLike<number>;
  readonly polygon: ArrayLike<number>;
}

export type Region = 'all' | 'east' | 'west';

export interface CandidateFilter {
  /** East or west by the per-polygon `isEast` flags; polygons without a flag only pass 'all'. */
  readonly region: Region;
  /** Smallest place population to keep. */
  readonly minPop: number;
  /** Polygon ids to keep; null = every polygon. */
  readonly polygons: readonly number[] | null;
  /** Drop places within {@link EXISTING_HUB_KM} of a current hub (they are hubs already). */
  readonly excludeExisting: boolean;
  /**
   * Kinds of place that can host an event (kota, regency seat, province capital); null or absent = any place.
   * Applied by the caller through `allowed` in {@link selectCandidates} (the worker has no place kinds).
   */
  readonly kinds?: readonly PlaceKind[] | null;
}

/** A place this close to a hub counts as that hub. */
export const EXISTING_HUB_KM: Km = km(1);

export const DEFAULT_CANDIDATE_FILTER: CandidateFilter = Object.freeze({
  region: 'all',
  minPop: 0,
  polygons: null,
  excludeExisting: true,
});

function inRegion(region: Region, east: boolean | undefined): boolean {
  switch (region) {
    case 'all':
      return true;
    case 'east':
      return east === true;
    case 'west':
      return east === false;
    default:
      return region satisfies never;
  }
}

/**
 * Rows of the places that pass the filter, ascending (the candidate order used for tie-breaks).
 *
 * @param places All places.
 * @param filter Region, minimum population, polygon set, exclude-existing.
 * @param hubs Current hubs (for `excludeExisting`).
 * @param isEast Per polygon id: true = east, false = west (see `ProvinceRecord.kti17` / `ktiSe2016`).
 * @param allowed Per place row: 1 = may be a candidate (kinds, exclusions); absent = every place.
 * @returns A new Uint32Array of place rows.
 * @example
 * selectCandidates(places, { ...DEFAULT_CANDIDATE_FILTER, region: 'east', minPop: 10_000 }, hubs, isEast);
 */
export function selectCandidates(
  places: PlaceColumns,
  filter: CandidateFilter,
  hubs: readonly HubPoint[],
  isEast: ArrayLike<boolean>,
  allowed?: ArrayLike<number> | null,
): Uint32Array {
  const n = places.lat.length;
  const polygons = filter.polygons ? new Set(filter.polygons) : null;
  const rows = new Uint32Array(n);
  let len = 0;
  for (let i = 0; i < n; i++) {
    const polygon = places.polygon[i] ?? -1;
    if ((places.pop[i] ?? 0) < filter.minPop) continue;
    if (allowed && allowed[i] !== 1) continue;
    if (polygons && !polygons.has(polygon)) continue;
    if (!inRegion(filter.region, isEast[polygon])) continue;
    if (
      filter.excludeExisting &&
      nearestHubKm(places.lat[i] ?? NaN, places.lon[i] ?? NaN, hubs) <= EXISTING_HUB_KM
    ) {
      continue;
    }
    rows[len++] = i;
  }
  return rows.slice(0, len);
}

/**
 * Great-circle distance from a point to the nearest hub (Infinity without hubs).
 *
 * @param lat Latitude, degrees.
 * @param lon Longitude, degrees.
 * @param hubs Current hubs.
 * @returns Kilometres.
 * @example
 * nearestHubKm(-6.2, 106.8, [{ lat: -6.9, lon: 107.6 }]); // ≈ 118
 */
export function nearestHubKm(lat: number, lon: number, hubs: readonly HubPoint[]): Km {
  let best = Infinity;
  for (const hub of hubs) best = Math.min(best, haversineKm(lat, lon, hub.lat, hub.lon));
  return km(best);
}
