import type { Dataset } from '../data/dataset';
import type { Hub } from './slices/scenario';

/** The campaign's stops from the cited material, as the first hubs (held or planned). */
export function initialHubs(data: Dataset): Hub[] {
  return data.stats.stops.map((s) => ({
    id: s.id,
    name: s.city,
    lat: s.lat,
    lon: s.lon,
    status: s.status,
    date: s.date,
  }));
}
