/**
 * "Fit Indonesia": the whole country, Sabang to Papua's eastern border, in the map's current size. A map stays
 * fitted until someone moves it (a gesture, a scene, a link), so it fits again whenever it changes size (a side
 * panel opening or closing, presenter mode, a phone turned sideways).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { INDONESIA_BOUNDS } from './layers/base';

/** Room around the country (px), so that hubs at the border and the coastline are not cut. */
export const FIT_PADDING = 28;

const fitted = new WeakSet<MapLibreMap>();

export function isFitted(map: MapLibreMap): boolean {
  return fitted.has(map);
}

export function markFitted(map: MapLibreMap, on: boolean): void {
  if (on) fitted.add(map);
  else fitted.delete(map);
}

/** Fits the country; `animate` false jumps (a resize, reduced motion). */
export function fitIndonesia(map: MapLibreMap, animate: boolean): void {
  map.fitBounds(INDONESIA_BOUNDS, { padding: FIT_PADDING, duration: animate ? 600 : 0 });
  fitted.add(map);
}
