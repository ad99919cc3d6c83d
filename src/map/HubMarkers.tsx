import { Marker, type MarkerDragEvent } from '@vis.gl/react-maplibre';
import { useStore } from '../state/store';
import type { Hub } from '../state/slices/scenario';

const STATUS_LABEL: Record<Hub['status'], string> = { held: 'held', planned: 'planned', added: 'added' };

/** Draggable hub markers. Dragging updates the store on every move, so reach updates live. */
export function HubMarkers() {
  const hubs = useStore((s) => s.hubs);
  const moveHub = useStore((s) => s.moveHub);
  return (
    <>
      {hubs.map((hub) => (
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
            role="img"
            aria-label={`Hub ${hub.name} (${STATUS_LABEL[hub.status]})`}
            title={`${hub.name} (${STATUS_LABEL[hub.status]}${hub.date ? `, ${hub.date}` : ''})`}
            data-hub-id={hub.id}
          />
        </Marker>
      ))}
    </>
  );
}
