import type { Map as MapLibreMap } from 'maplibre-gl';

declare global {
  interface Window {
    /** Set only in dev builds or with `?e2e` in the URL, for browser tests. */
    __jangkau?: { map: MapLibreMap };
  }
}

/** True outside production, or when the page was opened with `?e2e` (the Playwright specs do). */
export function shouldExposeForTests(): boolean {
  return import.meta.env.MODE !== 'production' || new URLSearchParams(window.location.search).has('e2e');
}

/** Puts the map instance on `window.__jangkau` so tests can query rendered features. */
export function exposeMapForTests(map: MapLibreMap): void {
  if (shouldExposeForTests()) window.__jangkau = { map };
}
