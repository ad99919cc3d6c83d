// Issue #2: the base map style is valid MapLibre and fully offline.
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';

import {
  baseStyle,
  COUNTRIES_SOURCE_ID,
  COUNTRY_COLOUR,
  countriesFillLayer,
  countriesOutlineLayer,
  LAND_COLOUR,
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

  it('gives land, sea and neighbours colours the e2e pixel check can tell apart', () => {
    const colours = [LAND_COLOUR, SEA_COLOUR, COUNTRY_COLOUR];
    for (const a of colours) {
      for (const b of colours.filter((c) => c !== a)) {
        const gap = Math.max(...channels(a).map((v, i) => Math.abs(v - (channels(b)[i] ?? 0))));
        expect(gap, `${a} vs ${b}`).toBeGreaterThan(12);
      }
    }
  });
});
