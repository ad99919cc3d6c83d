import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  SEA_MASK_GRID,
  seaMaskKeys,
  seaMaskKeysNear,
  seaMaskPieces,
  seaMaskSquares,
} from '../../../src/domain/sea-mask';

const mask = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../public/data/sea-mask.geojson'), 'utf8'),
) as FeatureCollection<Polygon | MultiPolygon, { k: number }>;
const bounds = new Map(seaMaskSquares().map((s) => [s.k, s.bounds]));
const piecesAt = (lon: number, lat: number) =>
  mask.features.filter((f) => booleanPointInPolygon([lon, lat], f)).map((f) => f.properties.k);

describe('the sea mask in squares', () => {
  it('finds the squares a box touches, clamped to the grid', () => {
    const [k] = seaMaskKeys(123.6, -11.3, 123.6, -11.3);
    const b = bounds.get(k!)!;
    expect(b[0] <= 123.6 && 123.6 < b[2] && b[1] <= -11.3 && -11.3 < b[3]).toBe(true);
    expect(seaMaskKeys(100.5, -5.5, 103.5, -3.5)).toHaveLength(2 * 2);
    expect(seaMaskKeys(0, 0, 10, 5)).toEqual([]);
    expect(seaMaskKeys(140, 0.2, 200, 0.8)).toHaveLength(3); // 140–146: three squares, then the grid ends
    expect(seaMaskSquares()).toHaveLength(28 * 13);
    expect(SEA_MASK_GRID.step).toBe(2);
  });

  it('keeps every piece inside its own square', () => {
    for (const f of mask.features) {
      const [w, s, e, n] = bounds.get(f.properties.k)!;
      const coords = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(
        2,
      );
      for (const [x, y] of coords)
        expect(x! >= w && x! <= e && y! >= s && y! <= n, `${x},${y} in ${f.properties.k}`).toBe(true);
    }
  });

  it('covers open sea with exactly its square’s piece, and no land', () => {
    expect(piecesAt(123.6, -11.3)).toEqual(seaMaskKeys(123.6, -11.3, 123.6, -11.3)); // Timor Sea
    expect(piecesAt(109.0, -5.3)).toEqual(seaMaskKeys(109.0, -5.3, 109.0, -5.3)); // Java Sea
    expect(piecesAt(113.9, -1.5)).toEqual([]); // Central Kalimantan
    expect(piecesAt(110.4, -7.6)).toEqual([]); // Central Java
  });

  it('lists the squares near shapes, with a margin', () => {
    const zone: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: { type: 'Point', coordinates: [123.9, -10.1] },
        },
      ],
    };
    expect(seaMaskKeysNear(zone, 0)).toEqual(seaMaskKeys(123.9, -10.1, 123.9, -10.1));
    expect(seaMaskKeysNear(zone, 0.5)).toEqual(seaMaskKeys(123.4, -10.6, 124.4, -9.6));
    expect(seaMaskKeysNear({ type: 'FeatureCollection', features: [] }, 0.5)).toEqual([]);
    // A feature's own bbox member stands for its coordinates.
    const boxed: FeatureCollection = {
      type: 'FeatureCollection',
      features: [{ ...zone.features[0]!, bbox: [130.1, -3.9, 130.2, -3.8] }],
    };
    expect(seaMaskKeysNear(boxed, 0)).toEqual(seaMaskKeys(130.1, -3.9, 130.2, -3.8));
  });

  it('hands the map only the pieces in the squares asked for', () => {
    const keys = seaMaskKeys(123, -11.5, 124.5, -9.5);
    const pieces = seaMaskPieces(mask, keys);
    expect(pieces.features.length).toBeGreaterThan(0);
    expect(pieces.features.every((f) => keys.includes(f.properties.k))).toBe(true);
    expect(pieces.features).toEqual(mask.features.filter((f) => keys.includes(f.properties.k)));
    expect(seaMaskPieces(mask, []).features).toEqual([]);
  });
});
