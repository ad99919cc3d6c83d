/** Mini-map geometry: a Mercator projection fitted to the box, SVG path strings per polygon (d3 computes). */
import { geoArea, geoMercator, geoPath } from 'd3-geo';
import type { ProvinceFeatures } from '../../data/dataset';

type Ring = GeoJSON.Position[];
type Area = GeoJSON.Polygon | GeoJSON.MultiPolygon;

/**
 * The polygon as d3-geo reads it. GeoJSON (RFC 7946) winds outer rings anticlockwise; d3-geo works on the sphere,
 * where that winding means "everything except this polygon", so each province would cover the globe and the
 * fitted box would be empty. A polygon whose area is more than a hemisphere has its rings reversed.
 */
function forD3(rings: readonly Ring[]): Ring[] {
  const polygon: GeoJSON.Polygon = { type: 'Polygon', coordinates: rings as Ring[] };
  return geoArea(polygon) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : [...rings];
}

function rewound(geometry: Area): Area {
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: forD3(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(forD3) };
}

/** One SVG path per polygon id, in a box of `width` × `height` px. */
export function miniMapPaths(boundaries: ProvinceFeatures, width: number, height: number): string[] {
  const features: GeoJSON.Feature<Area, { id: number }>[] = boundaries.features.map((f) => ({
    type: 'Feature',
    properties: { id: f.properties.id },
    geometry: rewound(f.geometry),
  }));
  const projection = geoMercator().fitSize([width, height], { type: 'FeatureCollection', features });
  const path = geoPath(projection);
  const out: string[] = [];
  for (const f of features) out[f.properties.id] = path(f) ?? '';
  return out;
}
