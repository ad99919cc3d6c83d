/**
 * The MapLibre map on screen, for code outside React that needs it (image export). Set by `MapSync`
 * inside `<Map>`; null while the map is not mounted.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

let active: MapLibreMap | null = null;
const listeners = new Set<() => void>();

export function setActiveMap(map: MapLibreMap | null): void {
  active = map;
  listeners.forEach((l) => l());
}

export function getActiveMap(): MapLibreMap | null {
  return active;
}

/** For `useSyncExternalStore`: UI that needs to know whether a map exists (e.g. to enable "Export image"). */
export function subscribeActiveMap(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
