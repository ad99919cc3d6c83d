/**
 * The map's code (MapView with MapLibre) is a chunk of its own. It starts loading when this module runs
 * (index.html preloads it too), and the first render waits for it (src/app/main.tsx): the map is then created in
 * the first commit, before the data arrive, rather than after the whole dashboard has rendered with them
 * (time to idle).
 */
import { lazy } from 'react';
import type { MapView as MapViewComponent } from '../map/MapView';

let loaded: typeof MapViewComponent | null = null;

/** Resolves when the map's code is in. */
export const mapCode = import('../map/MapView').then((m) => {
  loaded = m.MapView;
  return m.MapView;
});

const LazyMapView = lazy(() => mapCode.then((MapView) => ({ default: MapView })));

/**
 * The map component: the loaded one when its code is in (it renders without suspending, so the map is created
 * in that commit), else a lazy one that suspends until it is.
 * @example const [MapView] = useState(mapViewComponent);
 */
export function mapViewComponent(): typeof MapViewComponent | typeof LazyMapView {
  return loaded ?? LazyMapView;
}
