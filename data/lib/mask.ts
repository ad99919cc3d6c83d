/**
 * The sea mask: the map's box minus Indonesia's land (turf difference, once at build time), cut into the squares
 * of SEA_MASK_GRID (src/domain/sea-mask.ts). The map draws the pieces near catchment zones above the zones and
 * below neighbouring countries, so zones never paint the sea.
 */
import { bbox as bboxOf } from '@turf/bbox';
import { bboxPolygon } from '@turf/bbox-polygon';
import { difference } from '@turf/difference';
import { featureCollection, multiPolygon } from '@turf/helpers';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { seaMaskSquares } from '../../src/domain/sea-mask';
import type { Area } from './boundaries';
import { roundCoords } from './boundaries';

export function seaMask(areas: readonly Area[]): FeatureCollection<Polygon | MultiPolygon, { k: number }> {
  // Each island of each area on its own, with its box: a square is cut by the islands that touch it only.
  const islands = areas.flatMap((a) => (a.type === 'Polygon' ? [a.coordinates] : a.coordinates));
  const land = islands.map((rings) => {
    const f = multiPolygon([rings]);
    return { f, box: bboxOf(f) };
  });
  const features: Feature<Polygon | MultiPolygon, { k: number }>[] = [];
  for (const { k, bounds } of seaMaskSquares()) {
    const [w, s, e, n] = bounds;
    const near = land
      .filter(({ box }) => box[0] < e && box[2] > w && box[1] < n && box[3] > s)
      .map((l) => l.f);
    const square = bboxPolygon(bounds);
    const sea =
      near.length === 0 ? square : difference(featureCollection<Polygon | MultiPolygon>([square, ...near]));
    if (!sea) continue; // all land
    features.push({
      type: 'Feature',
      properties: { k },
      geometry: { ...sea.geometry, coordinates: roundCoords(sea.geometry.coordinates) } as
        Polygon | MultiPolygon,
    });
  }
  return { type: 'FeatureCollection', features };
}
