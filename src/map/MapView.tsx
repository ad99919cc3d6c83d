import 'maplibre-gl/dist/maplibre-gl.css';

import { Layer, Map, Source, type MapLayerMouseEvent, type MapRef } from '@vis.gl/react-maplibre';
// Pass MapLibre statically so it downloads with this chunk (in parallel with the data), instead of the
// binding's own dynamic import after the component mounts.
import * as maplibregl from 'maplibre-gl';
import type { MapEvent } from '@vis.gl/react-maplibre';
// MapLibre 6 resolves its worker next to its own module, which Vite does not emit; hand it the worker
// that Vite bundles instead. Works in `vite dev` and in the production build (issue #2).
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Dataset } from '../data/dataset';
import { choroplethOf, NO_DATA_COLOUR, selectZones } from '../state/selectors';
import { store, useStore } from '../state/store';
import { exposeMapForTests } from './expose-for-tests';
import { CandidateLayers } from './CandidateLayers';
import { HubMarkers } from './HubMarkers';
import { Labels } from './Labels';
import { MapSync } from './useCameraSync';
import {
  baseStyle,
  COUNTRIES_SOURCE_ID,
  countriesFillLayer,
  countriesOutlineLayer,
  INDONESIA_BOUNDS,
  PROVINCES_SOURCE_ID,
  provincesOutlineLayer,
} from './layers/base';
import {
  choroplethLayer,
  divideLayer,
  HATCH_IMAGE,
  hatchImage,
  highlightLayer,
  noDataLayer,
  SEA_MASK_SOURCE_ID,
  seaMaskLayer,
  ZONES_SOURCE_ID,
  zonesFillLayer,
  zonesOutlineLayer,
} from './layers/thematic';
import { placeNear } from './nearestPlace';
import { COUNTRIES_URL, SEA_MASK_URL } from './sources';

const INITIAL_VIEW = { bounds: INDONESIA_BOUNDS, fitBoundsOptions: { padding: 16 } };

export interface HoverInfo {
  readonly polygon: number;
  readonly x: number;
  readonly y: number;
}

/**
 * The map of Indonesia's provinces. `data-map-idle` is "true" once MapLibre has drawn everything it
 * has (its `idle` event) and "false" again while the camera moves; browser tests wait for it.
 */
export function MapView({ data, onHover }: { data: Dataset; onHover: (h: HoverInfo | null) => void }) {
  const { t } = useTranslation();
  const [idle, setIdle] = useState(false);
  const [hatchReady, setHatchReady] = useState(false);
  const mapRef = useRef<MapRef>(null);
  const hoverRef = useRef<number | null>(null);
  const choropleth = useStore(choroplethOf);
  const hubs = useStore((s) => s.hubs);
  const rule = useStore((s) => s.rule);
  const selected = useStore((s) => s.selected);
  const armed = useStore((s) => s.addHubArmed);
  const showDivide = useStore((s) => s.showDivide);
  const grouping = useStore((s) => s.grouping);
  const { zones } = selectZones(data, hubs, rule);

  const fill = choropleth?.fill ?? [];
  const noData = choropleth
    ? choropleth.result.values.filter((v) => v.value === null).map((v) => v.polygonId as number)
    : [];
  const eastIds = data.isEast[grouping].flatMap((e, i) => (e ? [i] : []));

  // Selection outline through feature state (no data re-upload).
  const lastSelected = useRef<number | null>(null);
  useEffect(() => {
    const map = mapRef.current?.getMap();
    if (!map || !map.getSource(PROVINCES_SOURCE_ID)) return;
    if (lastSelected.current !== null)
      map.setFeatureState({ source: PROVINCES_SOURCE_ID, id: lastSelected.current }, { selected: false });
    if (selected !== null)
      map.setFeatureState({ source: PROVINCES_SOURCE_ID, id: selected }, { selected: true });
    lastSelected.current = selected;
  }, [selected, idle]);

  const setHover = useCallback((id: number | null) => {
    const map = mapRef.current?.getMap();
    if (!map || hoverRef.current === id) return;
    if (hoverRef.current !== null)
      map.setFeatureState({ source: PROVINCES_SOURCE_ID, id: hoverRef.current }, { hover: false });
    if (id !== null) map.setFeatureState({ source: PROVINCES_SOURCE_ID, id }, { hover: true });
    hoverRef.current = id;
    store.getState().hover(id);
  }, []);

  // Linked highlighting from outside the map (charts, table) shows on the map too.
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.hovered !== prev.hovered && s.hovered !== hoverRef.current) setHover(s.hovered);
      }),
    [setHover],
  );

  const onMouseMove = (e: MapLayerMouseEvent) => {
    const f = e.features?.[0];
    const id = f && typeof f.id === 'number' ? f.id : null;
    setHover(id);
    onHover(id === null ? null : { polygon: id, x: e.point.x, y: e.point.y });
  };

  const onClick = (e: MapLayerMouseEvent) => {
    const s = store.getState();
    if (s.addHubArmed) {
      const { lat, lng } = e.lngLat;
      const i = placeNear(data.places, lat, lng, 40);
      s.addHub(
        i === null
          ? { name: `${lat.toFixed(2)}, ${lng.toFixed(2)}`, lat, lon: lng, status: 'added', date: null }
          : {
              name: data.places.name[i]!,
              lat: data.places.lat[i]!,
              lon: data.places.lon[i]!,
              status: 'added',
              date: null,
            },
      );
      return;
    }
    const f = e.features?.[0];
    s.select(f && typeof f.id === 'number' ? f.id : null);
  };

  const onLoad = (event: MapEvent) => {
    const map = event.target;
    if (!map.hasImage(HATCH_IMAGE)) map.addImage(HATCH_IMAGE, hatchImage(), { pixelRatio: 1 });
    setHatchReady(true);
    exposeMapForTests(map);
  };

  return (
    <div
      className={`map-view${armed ? ' map-armed' : ''}`}
      role="region"
      aria-label={t('map.label')}
      data-map-idle={idle}
    >
      <Map
        ref={mapRef}
        initialViewState={INITIAL_VIEW}
        mapStyle={baseStyle}
        mapLib={maplibregl}
        workerUrl={maplibreWorkerUrl}
        dragRotate={false}
        pitchWithRotate={false}
        touchPitch={false}
        interactiveLayerIds={['provinces-fill']}
        cursor={armed ? 'crosshair' : 'default'}
        onLoad={onLoad}
        onIdle={() => {
          if (performance.getEntriesByName('jangkau:map-idle').length === 0)
            performance.mark('jangkau:map-idle');
          setIdle(true);
        }}
        onMoveStart={() => setIdle(false)}
        onMoveEnd={(e) => {
          const c = e.target.getCenter();
          if (e.originalEvent)
            store.getState().setCamera({ lon: c.lng, lat: c.lat, zoom: e.target.getZoom() }, 'map');
        }}
        onMouseMove={onMouseMove}
        onMouseLeave={() => {
          setHover(null);
          onHover(null);
        }}
        onClick={onClick}
      >
        <Source id={PROVINCES_SOURCE_ID} type="geojson" data={data.boundaries} promoteId="id">
          <Layer {...choroplethLayer(fill, NO_DATA_COLOUR)} />
          {hatchReady ? <Layer {...noDataLayer(noData)} beforeId="zones-fill" /> : null}
        </Source>
        <Source id={ZONES_SOURCE_ID} type="geojson" data={zones}>
          <Layer {...zonesFillLayer} />
          <Layer {...zonesOutlineLayer} />
        </Source>
        <Source id={SEA_MASK_SOURCE_ID} type="geojson" data={SEA_MASK_URL}>
          <Layer {...seaMaskLayer} />
        </Source>
        <Source id={COUNTRIES_SOURCE_ID} type="geojson" data={COUNTRIES_URL}>
          <Layer {...countriesFillLayer} />
          <Layer {...countriesOutlineLayer} />
        </Source>
        <Layer {...provincesOutlineLayer} />
        <Layer {...divideLayer(showDivide ? eastIds : [])} />
        <Layer {...highlightLayer} />
        <CandidateLayers />
        <HubMarkers />
        <Labels data={data} />
        <MapSync />
      </Map>
    </div>
  );
}
