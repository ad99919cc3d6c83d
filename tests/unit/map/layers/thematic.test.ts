import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { highlightFeatures, noDataFeatures, provinceStates } from '../../../../src/map/layers/thematic';

const square = (id: number): Feature<Polygon, { id: number; label: string }> => ({
  type: 'Feature',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [id, 0],
        [id + 1, 0],
        [id + 1, 1],
        [id, 0],
      ],
    ],
  },
  properties: { id, label: `P${id}` },
});
const boundaries: FeatureCollection<Polygon, { id: number; label: string }> = {
  type: 'FeatureCollection',
  features: [square(0), square(1), square(2)],
};

describe('map feature helpers', () => {
  it('colours each polygon through its feature state, by polygon id', () => {
    expect(provinceStates(['#111', '#222', '#333'])).toEqual([
      { fill: '#111' },
      { fill: '#222' },
      { fill: '#333' },
    ]);
  });

  it('hatches exactly the polygons without a value, with their geometry', () => {
    const none = noDataFeatures(boundaries, [2, 0]);
    expect(none.features.map((f) => f.properties.id)).toEqual([0, 2]);
    expect(none.features[1]!.geometry).toBe(boundaries.features[2]!.geometry);
    expect(noDataFeatures(boundaries, []).features).toEqual([]);
  });

  it('outlines the hovered and the selected polygon; one both hovered and selected is drawn as selected', () => {
    const kinds = (hover: number | null, selected: number | null) =>
      highlightFeatures(boundaries, hover, selected).features.map((f) => [
        f.properties.id,
        f.properties.kind,
      ]);
    expect(kinds(1, null)).toEqual([[1, 'hover']]);
    expect(kinds(null, 2)).toEqual([[2, 'selected']]);
    expect(kinds(1, 2)).toEqual([
      [2, 'selected'],
      [1, 'hover'],
    ]);
    expect(kinds(2, 2)).toEqual([[2, 'selected']]);
    expect(kinds(7, null)).toEqual([]);
  });
});
