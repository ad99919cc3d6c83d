/**
 * Catchment zone geometry: the union of the H3 cells a hub reaches, so the zone drawn is exactly the area whose
 * population is counted. Coastal cells reach a little into the sea; the sea mask layer drawn above the zones clips
 * them to land on screen.
 */
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { cellsToMultiPolygon, splitLongToH3Index } from 'h3-js';
import type { CellTable } from './types';

export interface ZoneProps {
  readonly hubId: string;
  readonly status: string;
}

/** @example zoneFeature(cells, reach.cells, 'hub-1', 'added') */
export function zoneFeature(
  cells: CellTable,
  ids: Uint32Array,
  hubId: string,
  status: string,
): Feature<MultiPolygon, ZoneProps> {
  const h3: string[] = new Array<string>(ids.length);
  for (let k = 0; k < ids.length; k++) {
    const c = ids[k]!;
    h3[k] = splitLongToH3Index(cells.h3lo[c]!, cells.h3hi[c]!);
  }
  return {
    type: 'Feature',
    properties: { hubId, status },
    geometry: { type: 'MultiPolygon', coordinates: h3.length ? cellsToMultiPolygon(h3, true) : [] },
  };
}

export const featureCollection = <T extends Feature>(features: T[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features,
});
