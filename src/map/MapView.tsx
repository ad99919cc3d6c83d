import 'maplibre-gl/dist/maplibre-gl.css';

import { Layer, Map, Source } from '@vis.gl/react-maplibre';
import type { MapEvent } from '@vis.gl/react-maplibre';
// MapLibre 6 resolves its worker next to its own module, which Vite does not emit; hand it the worker
// that Vite bundles instead. Works in `vite dev` and in the production build (issue #2).
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { useState } from 'react';

import { exposeMapForTests } from './expose-for-tests';
import {
  baseStyle,
  COUNTRIES_SOURCE_ID,
  countriesFillLayer,
  countriesOutlineLayer,
  INDONESIA_BOUNDS,
  PROVINCES_SOURCE_ID,
  provincesFillLayer,
  provincesOutlineLayer,
} from './layers/base';
import { COUNTRIES_URL, PROVINCES_URL } from './sources';

const INITIAL_VIEW = { bounds: INDONESIA_BOUNDS, fitBoundsOptions: { padding: 16 } };

/**
 * The map of Indonesia's provinces. `data-map-idle` is "true" once MapLibre has drawn everything it
 * has (its `idle` event) and "false" again while the camera moves; browser tests wait for it.
 */
export function MapView() {
  const [idle, setIdle] = useState(false);

  return (
    <div className="map-view" role="region" aria-label="Map of Indonesian provinces" data-map-idle={idle}>
      <Map
        initialViewState={INITIAL_VIEW}
        mapStyle={baseStyle}
        workerUrl={maplibreWorkerUrl}
        dragRotate={false}
        onLoad={(event: MapEvent) => exposeMapForTests(event.target)}
        onIdle={() => setIdle(true)}
        onMoveStart={() => setIdle(false)}
      >
        <Source id={COUNTRIES_SOURCE_ID} type="geojson" data={COUNTRIES_URL}>
          <Layer {...countriesFillLayer} />
          <Layer {...countriesOutlineLayer} />
        </Source>
        <Source id={PROVINCES_SOURCE_ID} type="geojson" data={PROVINCES_URL}>
          <Layer {...provincesFillLayer} />
          <Layer {...provincesOutlineLayer} />
        </Source>
      </Map>
    </div>
  );
}
