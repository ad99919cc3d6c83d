/**
 * The sea mask: the map's bounding box minus Indonesia's land (turf union + difference, once at build time).
 * The map draws it above catchment zones and below neighbouring countries, so zones never paint the sea.
 */
import { bboxPolygon } from '@turf/bbox-polygon';
import { difference } from '@turf/difference';
import { featureCollection, multiPolygon } from '@turf/helpers';
import { union } from '@turf/union';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Area } from './boundaries';
import { roundCoords } from './boundaries';

export function seaMask(
  areas: readonly Area[],
  bbox: readonly [number, number, number, number],
): Feature<Polygon | MultiPolygon> {
  const land = union(
    featureCollection(areas.map((a) => multiPolygon(a.type === 'Polygon' ? [a.coordinates] : a.coordinates))),
  );
  if (!land) throw new Error('no land');
  const sea = difference(
    featureCollection([bboxPolygon([...bbox] as [number, number, number, number]), land]),
  );
  if (!sea) throw new Error('no sea');
  return {
    type: 'Feature',
    properties: {},
    geometry: { ...sea.geometry, coordinates: roundCoords(sea.geometry.coordinates) } as
      Polygon | MultiPolygon,
  };
}
