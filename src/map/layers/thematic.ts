/**
 * Thematic layers: choropleth, no-data hatching, hover/selection outlines, catchment zones, sea mask,
 * the east–west divide. Pure specs; the choropleth's colours come from the domain's classes through feature state.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import { SEA_COLOUR } from './base';

export const ZONES_SOURCE_ID = 'zones';
export const SEA_MASK_SOURCE_ID = 'sea-mask';
export const HATCH_IMAGE = 'no-data-hatch';
export const ZONE_COLOUR = '#d95f02';
/** The zone colour at 22 % (planned stops) and 38 % (held and added). */
const ZONE_COLOUR_PLANNED = 'rgba(217, 95, 2, 0.22)';
const ZONE_COLOUR_HELD = 'rgba(217, 95, 2, 0.38)';

/**
 * The feature state that colours each polygon (index = polygon id): the choropleth is drawn through feature
 * state, so a new metric, year or palette changes 33 states on the main thread instead of re-tiling the
 * provinces in MapLibre's worker (and the data arriving after the map started costs no re-tiling either).
 * @example provinceStates(['#fee', '#fcc']) // [{ fill: '#fee' }, { fill: '#fcc' }]
 */
export function provinceStates(fill: readonly string[]): { fill: string }[] {
  return fill.map((colour) => ({ fill: colour }));
}

/** Until its state is set (the data are still loading), a polygon is drawn in `fallback`. */
export const choroplethLayer = (fallback: string): FillLayerSpecification => ({
  id: 'provinces-fill',
  type: 'fill',
  source: 'provinces',
  // No antialiased edge: the province outline is drawn over it, and the edge would need a shader of its own.
  paint: {
    'fill-color': ['to-color', ['coalesce', ['feature-state', 'fill'], fallback]],
    'fill-antialias': false,
  },
});

export const NO_DATA_SOURCE_ID = 'no-data';

/**
 * The polygons the metric has no value for, copied into a small source of their own: the hatching then draws
 * only where it shows, and a new metric does not re-tile the provinces.
 * @example noDataFeatures(data.boundaries, [31, 32]).features.length // 2
 */
export function noDataFeatures<F extends Feature<Polygon | MultiPolygon, { id: number }>>(
  boundaries: FeatureCollection<F['geometry'], F['properties']>,
  ids: readonly number[],
): FeatureCollection<F['geometry'], F['properties']> {
  const none = new Set(ids);
  return {
    type: 'FeatureCollection',
    features: boundaries.features.filter((f) => none.has(f.properties.id)),
  };
}

/** Hatching over polygons without data (the no-data source). */
export const noDataLayer: FillLayerSpecification = {
  id: 'provinces-no-data',
  type: 'fill',
  source: NO_DATA_SOURCE_ID,
  paint: { 'fill-pattern': HATCH_IMAGE, 'fill-antialias': false },
};

export const HIGHLIGHT_SOURCE_ID = 'highlight';

/**
 * The hovered and the selected polygon, copied into a small source of their own (kind "hover" or "selected";
 * a polygon both hovered and selected is drawn as selected).
 * @example highlightFeatures(data.boundaries, 4, null) // one feature, properties { id: 4, kind: 'hover' }
 */
export function highlightFeatures(
  boundaries: FeatureCollection<Polygon | MultiPolygon, { id: number }>,
  hover: number | null,
  selected: number | null,
): FeatureCollection<Polygon | MultiPolygon, { id: number; kind: 'hover' | 'selected' }> {
  const pick = (id: number | null, kind: 'hover' | 'selected') => {
    const f = id === null ? undefined : boundaries.features.find((x) => x.properties.id === id);
    return f
      ? [{ type: 'Feature' as const, geometry: f.geometry, properties: { id: f.properties.id, kind } }]
      : [];
  };
  return {
    type: 'FeatureCollection',
    features: [...pick(selected, 'selected'), ...(hover === selected ? [] : pick(hover, 'hover'))],
  };
}

/**
 * Hover and selection outlines. They draw a small source of their own with constant widths and colours,
 * rather than per-feature state on the provinces, which would need a shader of its own (time to idle).
 */
export const hoverOutlineLayer: LineLayerSpecification = {
  id: 'provinces-hover',
  type: 'line',
  source: HIGHLIGHT_SOURCE_ID,
  filter: ['==', ['get', 'kind'], 'hover'],
  paint: { 'line-color': '#444444', 'line-width': 2 },
};

export const selectedOutlineLayer: LineLayerSpecification = {
  id: 'provinces-selected',
  type: 'line',
  source: HIGHLIGHT_SOURCE_ID,
  filter: ['==', ['get', 'kind'], 'selected'],
  paint: { 'line-color': '#111111', 'line-width': 3 },
};

/** The east–west divide: eastern polygons outlined in a strong purple line (no choropleth colour is altered). */
export const divideLayer = (eastIds: readonly number[]): LineLayerSpecification => ({
  id: 'east-divide',
  type: 'line',
  source: 'provinces',
  filter: ['in', ['get', 'id'], ['literal', [...eastIds]]],
  paint: {
    'line-color': '#7a0177',
    'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1.2, 8, 2.5],
    'line-opacity': 0.85,
  },
});

export const zonesFillLayer: FillLayerSpecification = {
  id: 'zones-fill',
  type: 'fill',
  source: ZONES_SOURCE_ID,
  filter: ['==', ['get', 'part'], 'fill'],
  // Planned stops lighter. The alpha is in the colour, not in `fill-opacity`, so the layer shares the
  // choropleth's shader (each combination of per-feature properties compiles one; time to idle).
  paint: {
    'fill-color': ['case', ['==', ['get', 'status'], 'planned'], ZONE_COLOUR_PLANNED, ZONE_COLOUR_HELD],
    'fill-antialias': false,
  },
};

export const zonesOutlineLayer: LineLayerSpecification = {
  id: 'zones-outline',
  type: 'line',
  source: ZONES_SOURCE_ID,
  // The union's boundary (not every cell's edges; see src/domain/zones.ts).
  filter: ['==', ['get', 'part'], 'outline'],
  layout: { 'line-join': 'round' },
  paint: { 'line-color': ZONE_COLOUR, 'line-width': 1.2 },
};

/**
 * Sea colour over the sea near catchment zones (the source holds the mask's pieces there, see
 * src/domain/sea-mask.ts), above the zones: zones never paint the sea.
 */
export const seaMaskLayer: FillLayerSpecification = {
  id: 'sea-mask',
  type: 'fill',
  source: SEA_MASK_SOURCE_ID,
  paint: { 'fill-color': SEA_COLOUR, 'fill-antialias': false },
};

/** A diagonal hatch image (ImageData) for polygons without data. */
export function hatchImage(size = 8): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const on = (x + y) % size < 2;
      const i = (y * size + x) * 4;
      data.set(on ? [150, 150, 150, 255] : [236, 236, 236, 255], i);
    }
  return { width: size, height: size, data };
}
