/**
 * Base map style: sea, neighbouring countries and Indonesian provinces.
 * Offline only: no tiles, glyphs or sprites, so the page never contacts another origin.
 */
import type {
  BackgroundLayerSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  LngLatBoundsLike,
  StyleSpecification,
} from 'maplibre-gl';

export const SEA_COLOUR = '#eaf0f4';
export const LAND_COLOUR = '#d9d4c7';
export const COUNTRY_COLOUR = '#eeede9';
export const PROVINCE_OUTLINE_COLOUR = '#ffffff';
export const COUNTRY_OUTLINE_COLOUR = '#d6d6d2';

/** Source ids, shared by the `<Source>` elements and the layers that draw them. */
export const PROVINCES_SOURCE_ID = 'provinces';
export const COUNTRIES_SOURCE_ID = 'countries';

/** West, south, east, north: the whole archipelago, used for the first camera. */
export const INDONESIA_BOUNDS: LngLatBoundsLike = [
  [94.5, -11.5],
  [141.5, 6.5],
];

export const backgroundLayer: BackgroundLayerSpecification = {
  id: 'background',
  type: 'background',
  paint: { 'background-color': SEA_COLOUR },
};

/** The empty style the `<Source>`/`<Layer>` elements are added to. */
export const baseStyle: StyleSpecification = {
  version: 8,
  name: 'Jangkau base',
  sources: {},
  layers: [backgroundLayer],
};

export const countriesFillLayer: FillLayerSpecification = {
  id: 'countries-fill',
  type: 'fill',
  source: COUNTRIES_SOURCE_ID,
  paint: { 'fill-color': COUNTRY_COLOUR, 'fill-antialias': false },
};

export const countriesOutlineLayer: LineLayerSpecification = {
  id: 'countries-outline',
  type: 'line',
  source: COUNTRIES_SOURCE_ID,
  paint: { 'line-color': COUNTRY_OUTLINE_COLOUR, 'line-width': 0.5 },
};

export const provincesFillLayer: FillLayerSpecification = {
  id: 'provinces-fill',
  type: 'fill',
  source: PROVINCES_SOURCE_ID,
  paint: { 'fill-color': LAND_COLOUR },
};

export const provincesOutlineLayer: LineLayerSpecification = {
  id: 'provinces-outline',
  type: 'line',
  source: PROVINCES_SOURCE_ID,
  paint: { 'line-color': PROVINCE_OUTLINE_COLOUR, 'line-width': 0.8 },
};
