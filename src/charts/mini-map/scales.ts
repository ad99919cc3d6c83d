/** Mini-map geometry: a Mercator projection fitted to the box, SVG path strings per polygon (d3 computes). */
import { geoMercator, geoPath } from 'd3-geo';
import type { ProvinceFeatures } from '../../data/dataset';

export function miniMapPaths(boundaries: ProvinceFeatures, width: number, height: number): string[] {
  const projection = geoMercator().fitSize([width, height], boundaries);
  const path = geoPath(projection);
  const out: string[] = [];
  for (const f of boundaries.features) out[f.properties.id] = path(f) ?? '';
  return out;
}
