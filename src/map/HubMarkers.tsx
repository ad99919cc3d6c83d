import { Marker, type MarkerDragEvent } from '@vis.gl/react-maplibre';
import type { TFunction } from 'i18next';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hub } from '../state/slices/scenario';
import { store, useStore } from '../state/store';
import { statusText } from './hub-labels';

/** Degrees a hub moves per arrow key press (about 5.5 km); Shift moves five times as far. */
const KEY_STEP_DEG = 0.05;
const ARROWS: Record<string, readonly [number, number]> = {
  ArrowUp: [1, 0],
  ArrowDown: [-1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/**
 * A marker's accessible name, worded like the hub list: "Hub Makassar (held Nov 20, 2018)",
 * "Hub Makassar (sudah, 20 Nov 2018)".
 */
export function markerLabel(t: TFunction, locale: string, hub: Hub): string {
  return t('hubs.marker', { name: hub.name, status: statusText(t, locale, hub) });
}

/**
 * Hub markers: draggable with the mouse or touch, and focusable buttons that move with the arrow keys
 * (Delete removes the hub). Every move updates the store, so zones and reach update live.
 */
export function HubMarkers() {
  const { t, i18n } = useTranslation();
  const hubs = useStore((s) => s.hubs);
  const moveHub = useStore((s) => s.moveHub);
  const onKeyDown = (hub: Hub, e: KeyboardEvent) => {
    const dir = ARROWS[e.key];
    if (dir) {
      e.preventDefault();
      const step = KEY_STEP_DEG * (e.shiftKey ? 5 : 1);
      moveHub(hub.id, hub.lat + dir[0] * step, hub.lon + dir[1] * step);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      store.getState().removeHub(hub.id);
    }
  };
  return (
    <>
      {hubs.map((hub) => {
        const label = markerLabel(t, i18n.language, hub);
        return (
          <Marker
            key={hub.id}
            longitude={hub.lon}
            latitude={hub.lat}
            draggable
            anchor="center"
            onDrag={(e: MarkerDragEvent) => moveHub(hub.id, e.lngLat.lat, e.lngLat.lng)}
          >
            <div
              className={`hub-marker hub-${hub.status}`}
              role="button"
              tabIndex={0}
              aria-label={label}
              aria-keyshortcuts="ArrowUp ArrowDown ArrowLeft ArrowRight Delete"
              title={`${label} · ${t('hubs.markerKeys')}`}
              data-hub-id={hub.id}
              onKeyDown={(e) => onKeyDown(hub, e)}
            />
          </Marker>
        );
      })}
    </>
  );
}
