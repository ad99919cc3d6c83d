/**
 * Camera sync. The store's camera carries its origin: the map records every finished move with origin
 * 'map'; a camera set by the app (a link, a scene) has origin 'app' and the map flies there, or jumps when the
 * user prefers reduced motion. Origins keep the map, the store and the URL from looping.
 */
import { useMap } from '@vis.gl/react-maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect } from 'react';
import type { Camera } from '../state/slices/view';
import { store } from '../state/store';
import { setActiveMap } from './active-map';
import { fitIndonesia, isFitted, markFitted } from './fit';

/** True when the user asked the system for less motion. */
export function prefersReducedMotion(): boolean {
  return (
    typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

/** Flight length: long enough to follow, short enough for a briefing. */
const FLIGHT_MS = 1600;

/**
 * Keeps the map's camera and the store's in step.
 *
 * @param map The MapLibre map (undefined until it exists).
 * @example useCameraSync(useMap().current?.getMap())
 */
export function useCameraSync(map: MapLibreMap | undefined): void {
  useEffect(() => {
    if (!map) return;
    /** The app camera being flown to; a resize mid-flight (presenter mode, full screen) re-aims the flight. */
    let flight: Camera | null = null;
    const go = (c: Camera, instant: boolean) => {
      markFitted(map, false);
      const target = { center: [c.lon, c.lat] as [number, number], zoom: c.zoom };
      if (instant || prefersReducedMotion()) map.jumpTo(target);
      else {
        map.flyTo({ ...target, duration: FLIGHT_MS, essential: true });
        // After flyTo: interrupting the previous flight fires its moveend, which clears `flight`.
        flight = c;
      }
    };
    // Every finished or interrupted move (a flight's end, a user gesture) is recorded with origin 'map'.
    const record = () => {
      flight = null;
      const c = map.getCenter();
      store.getState().setCamera({ lon: c.lng, lat: c.lat, zoom: map.getZoom() }, 'map');
    };
    // A flight keeps its target at the centre the map had when it started; after a resize that centre moved.
    // A map still showing the whole country keeps showing it in its new size.
    const onResize = () => {
      if (flight) go(flight, false);
      else if (isFitted(map)) fitIndonesia(map, false);
    };
    // A user's pan or zoom ends the fitted view.
    const onGesture = (e: { originalEvent?: unknown }) => {
      if (e.originalEvent) markFitted(map, false);
    };
    // A camera from the link (set before the map existed) applies at once, without a flight.
    const initial = store.getState();
    if (initial.camera && initial.cameraOrigin === 'app') go(initial.camera, true);
    else fitIndonesia(map, false);
    // Record the first view too, so a saved scene always has a camera.
    record();
    map.on('moveend', record);
    map.on('movestart', onGesture);
    map.on('resize', onResize);
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.camera && s.camera !== prev.camera && s.cameraOrigin === 'app') go(s.camera, false);
    });
    return () => {
      map.off('moveend', record);
      map.off('movestart', onGesture);
      map.off('resize', onResize);
      unsubscribe();
    };
  }, [map]);
}

/** Rendered inside `<Map>`: syncs the camera and registers the map for image export. */
export function MapSync(): null {
  const { current } = useMap();
  const map = current?.getMap();
  useCameraSync(map);
  useEffect(() => {
    if (!map) return;
    setActiveMap(map);
    return () => setActiveMap(null);
  }, [map]);
  return null;
}
