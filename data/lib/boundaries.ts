/** Simplifying the Kemendagri boundaries for the web, and neighbouring countries (world-atlas). */
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { feature } from 'topojson-client';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);

export type Area = Polygon | MultiPolygon;

/** Round coordinates (default 4 decimals, about 11 m: enough for a national map) so output is stable across runs. */
export function roundCoords<T>(x: T, decimals = 4): T {
  const k = 10 ** decimals;
  if (typeof x === 'number') return (Math.round(x * k) / k) as T;
  if (Array.isArray(x)) return x.map((y: unknown) => roundCoords(y, decimals)) as T;
  return x;
}

/**
 * Topology-preserving simplification (shared borders stay shared) with topojson-simplify.
 * @param minWeight planar triangle area in square degrees below which a vertex is dropped
 * @param decimals decimals kept in the coordinates
 * @param minPartArea parts (islets) smaller than this, in square degrees, are left out of the map
 */
export function simplifyAreas(
  areas: ReadonlyMap<string, Area>,
  minWeight: number,
  decimals = 4,
  minPartArea = 1e-7,
): Map<string, Area> {
  const fc: FeatureCollection<Area, { iso: string }> = {
    type: 'FeatureCollection',
    features: [...areas].map(([iso, geometry]) => ({ type: 'Feature', properties: { iso }, geometry })),
  };
  const topo = topology({ p: fc }, 1e6);
  const simple = simplify(
    presimplify(topo as unknown as Topology<Objects<object>>),
    minWeight,
  ) as unknown as Topology<{
    p: GeometryCollection<{ iso: string }>;
  }>;
  const back = feature(simple, simple.objects.p) as FeatureCollection<Area, { iso: string }>;
  const out = new Map<string, Area>();
  for (const f of back.features) {
    const g = dropDegenerate(f.geometry, minPartArea);
    out.set(f.properties.iso, { type: 'MultiPolygon', coordinates: roundCoords(g.coordinates, decimals) });
  }
  return out;
}

function ringArea(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j]!;
    const b = ring[i]!;
    s += (a[0]! - b[0]!) * (a[1]! + b[1]!);
  }
  return Math.abs(s / 2);
}

/** Drop parts that simplification collapsed to (near) zero area, or smaller than `minArea` (square degrees). */
function dropDegenerate(g: Area, minArea: number): MultiPolygon {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const kept = polys.filter((p) => p[0] !== undefined && p[0].length >= 4 && ringArea(p[0]) > minArea);
  return { type: 'MultiPolygon', coordinates: kept };
}

/** Neighbouring countries from world-atlas (Natural Earth 1:50m), for context only. */
export function loadNeighbours(
  bbox: readonly [number, number, number, number],
): Feature<Area, { name: string }>[] {
  const topo = require('world-atlas/countries-50m.json') as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const fc = feature(topo, topo.objects.countries) as FeatureCollection<Area, { name: string }>;
  const [w, s, e, n] = bbox;
  return fc.features
    .filter((f) => f.properties.name !== 'Indonesia')
    .filter((f) => {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      return polys.some((p) => (p[0] ?? []).some(([x = 0, y = 0]) => x >= w && x <= e && y >= s && y <= n));
    })
    .map((f): Feature<Area, { name: string }> => ({
      type: 'Feature',
      properties: { name: f.properties.name },
      geometry: { ...f.geometry, coordinates: roundCoords(f.geometry.coordinates) } as Area,
    }))
    .sort((a, b) => a.properties.name.localeCompare(b.properties.name));
}
