/**
 * The regency layer: outlines and a choropleth of the 514 kabupaten/kota (public/data/regencies.geojson, loaded only
 * when the layer is first shown). Colours come from feature state `c`, set per regency by RegencyLayer.
 */
import { scaleQuantile } from 'd3-scale';
import { interpolateYlGnBu } from 'd3-scale-chromatic';
import type { FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import type { RegencyRecord } from '../../domain/types';
import type { RegencyMeasure } from '../../state/slices/regencies';

export const REGENCIES_SOURCE_ID = 'regencies';
export const REGENCIES_FILL_LAYER_ID = 'regencies-fill';
/** Zoom from which the layer shows by itself (mode 'auto'). */
export const REGENCY_AUTO_ZOOM = 7.5;
export const TERTINGGAL_COLOUR = '#d9822b';

/** Absolute URL of the regency outlines, honouring Vite's `base`; MapLibre fetches it in its worker. */
export const regenciesUrl = (): string =>
  new URL(`${import.meta.env.BASE_URL}data/regencies.geojson`, window.location.href).href;

export const regenciesFillLayer: FillLayerSpecification = {
  id: REGENCIES_FILL_LAYER_ID,
  type: 'fill',
  source: REGENCIES_SOURCE_ID,
  paint: {
    'fill-color': ['coalesce', ['feature-state', 'c'], 'rgba(0,0,0,0)'],
    'fill-opacity': 0.85,
  },
};

export const regenciesOutlineLayer: LineLayerSpecification = {
  id: 'regencies-outline',
  type: 'line',
  source: REGENCIES_SOURCE_ID,
  paint: { 'line-color': '#5f6b76', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.2, 9, 0.8] },
};

export const regencySelectedLayer = (id: number | null): LineLayerSpecification => ({
  id: 'regencies-selected',
  type: 'line',
  source: REGENCIES_SOURCE_ID,
  filter: ['==', ['id'], id ?? -1],
  paint: { 'line-color': '#111827', 'line-width': 2.2 },
});

/** Residents per km² in 2020 (null without an area). */
export const density = (r: RegencyRecord): number | null =>
  r.areaKm2 === null || r.areaKm2 <= 0 ? null : r.pop2020 / r.areaKm2;

/** The value a measure shows for a regency (tertinggal: 1 or 0). */
export function regencyValue(r: RegencyRecord, measure: RegencyMeasure): number | null {
  return measure === 'population' ? r.pop2020 : measure === 'density' ? density(r) : r.tertinggal ? 1 : 0;
}

export interface RegencyFill {
  /** Colour per regency (null: no colour, e.g. a regency not in the 62 daerah tertinggal). */
  readonly colours: (string | null)[];
  /** Legend: [lower bound, colour] per class, ascending. */
  readonly classes: readonly (readonly [number, string])[];
}

/**
 * Seven quantile classes for population and density; daerah tertinggal in one colour.
 * @example regencyFill(data.regencies.regencies, 'density')
 */
export function regencyFill(regencies: readonly RegencyRecord[], measure: RegencyMeasure): RegencyFill {
  if (measure === 'tertinggal')
    return {
      colours: regencies.map((r) => (r.tertinggal ? TERTINGGAL_COLOUR : null)),
      classes: [[1, TERTINGGAL_COLOUR]],
    };
  const values = regencies.map((r) => regencyValue(r, measure));
  const known = values.filter((v): v is number => v !== null);
  const range = Array.from({ length: 7 }, (_, i) => interpolateYlGnBu(0.12 + (i * 0.86) / 6));
  const scale = scaleQuantile<string>().domain(known).range(range);
  const bounds = [Math.min(...known), ...scale.quantiles()];
  return {
    colours: values.map((v) => (v === null ? null : scale(v))),
    classes: bounds.map((b, i) => [b, range[i]!] as const),
  };
}
