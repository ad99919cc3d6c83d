/**
 * Thematic layers: choropleth, no-data hatching, hover/selection outlines, catchment zones, sea mask,
 * the east–west divide. Pure specs; colours come from the domain's classes via a `match` expression.
 */
import type { ExpressionSpecification, FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import { SEA_COLOUR } from './base';

export const ZONES_SOURCE_ID = 'zones';
export const SEA_MASK_SOURCE_ID = 'sea-mask';
export const HATCH_IMAGE = 'no-data-hatch';
export const ZONE_COLOUR = '#d95f02';

/** Fill colour per polygon id, with a fallback for ids not listed. */
export function fillExpression(fill: readonly string[], fallback: string): ExpressionSpecification | string {
  if (fill.length === 0) return fallback;
  const pairs = fill.flatMap((colour, id) => [id, colour]);
  return ['match', ['get', 'id'], ...pairs, fallback] as unknown as ExpressionSpecification;
}

export const choroplethLayer = (fill: readonly string[], fallback: string): FillLayerSpecification => ({
  id: 'provinces-fill',
  type: 'fill',
  source: 'provinces',
  paint: { 'fill-color': fillExpression(fill, fallback) },
});

/** Hatching over polygons without data (ids listed). */
export const noDataLayer = (ids: readonly number[]): FillLayerSpecification => ({
  id: 'provinces-no-data',
  type: 'fill',
  source: 'provinces',
  filter: ['in', ['get', 'id'], ['literal', [...ids]]],
  paint: { 'fill-pattern': HATCH_IMAGE },
});

export const highlightLayer: LineLayerSpecification = {
  id: 'provinces-highlight',
  type: 'line',
  source: 'provinces',
  paint: {
    'line-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#111111', '#444444'],
    'line-width': [
      'case',
      ['boolean', ['feature-state', 'selected'], false],
      3,
      ['boolean', ['feature-state', 'hover'], false],
      2,
      0,
    ],
  },
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
  paint: {
    'fill-color': ZONE_COLOUR,
    'fill-opacity': ['case', ['==', ['get', 'status'], 'planned'], 0.22, 0.38],
  },
};

export const zonesOutlineLayer: LineLayerSpecification = {
  id: 'zones-outline',
  type: 'line',
  source: ZONES_SOURCE_ID,
  paint: { 'line-color': ZONE_COLOUR, 'line-width': 1.2 },
};

/** Sea colour over everything outside Indonesia's land, above the zones: zones never paint the sea. */
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
