/**
 * The naive baseline for bench/run.ts: per candidate, a 64-step Turf circle polygon and a
 * point-in-polygon test of every cell. No index, no island rule (it only has to be as fast as it can be).
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import circle from '@turf/circle';
import { point } from '@turf/helpers';
import type { Feature, Point } from 'geojson';

import type { CellTable } from '../src/domain/types';

/** GeoJSON points of all cells, built once outside the timed part. */
export function cellPoints(cells: CellTable): Feature<Point>[] {
  return Array.from({ length: cells.count }, (_, c) => point([cells.lon[c]!, cells.lat[c]!]));
}

/** Σ demand of the cells inside the 64-step circle around one candidate. */
export function naiveReach(
  points: readonly Feature<Point>[],
  demand: Float64Array,
  lat: number,
  lon: number,
  radiusKm: number,
): number {
  const disc = circle([lon, lat], radiusKm, { steps: 64, units: 'kilometers' });
  let sum = 0;
  for (let c = 0; c < points.length; c++) if (booleanPointInPolygon(points[c]!, disc)) sum += demand[c]!;
  return sum;
}
