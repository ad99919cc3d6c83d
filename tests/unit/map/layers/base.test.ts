// The base map style is valid MapLibre and fully offline.
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';

import {
  baseStyle,
  COUNTRIES_SOURCE_ID,
  COUNTRY_COLOUR,
  countriesFillLayer,
  countriesOutlineLayer,
  PROVINCES_SOURCE_ID,
  provincesFillLayer,
  provincesOutlineLayer,
  SEA_COLOUR,
} from '../../../../src/map/layers/base';

/** The style MapView ends up with once its <Source> and <Layer> elements are mounted. */
const mountedStyle = {
  ...baseStyle,
  sources: {
    [COUNTRIES_SOURCE_ID]: { type: 'geojson', data: '/data/countries.geojson' },
    [PROVINCES_SOURCE_ID]: { type: 'geojson', data: '/data/provinces.geojson' },
  },
  layers: [
    ...baseStyle.layers,
    countriesFillLayer,
    countriesOutlineLayer,
    provincesFillLayer,
    provincesOutlineLayer,
  ],
} as StyleSpecification;

function channels(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

describe('base map style', () => {
  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(mountedStyle).map((e) => e.message)).toEqual([]);
  });

  it('loads nothing from another origin: no glyphs, sprite or tiles', () => {
    expect(baseStyle).not.toHaveProperty('glyphs');
    expect(baseStyle).not.toHaveProperty('sprite');
    expect(baseStyle.sources).toEqual({});
  });

  it('keeps sea and neighbouring countries apart for the e2e pixel check (±3 per channel)', () => {
    const gap = Math.max(
      ...channels(SEA_COLOUR).map((v, i) => Math.abs(v - (channels(COUNTRY_COLOUR)[i] ?? 0))),
    );
    expect(gap).toBeGreaterThan(6);
  });
});
