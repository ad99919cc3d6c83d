import { Layer, Map, Source, type MapLayerMouseEvent, type MapRef } from '@vis.gl/react-maplibre';
import type { GeoJSONSource } from 'maplibre-gl';
// Pass MapLibre statically so it downloads with this chunk (in parallel with the data), instead of the
// binding's own dynamic import after the component mounts.
import * as maplibregl from 'maplibre-gl';
import type { MapEvent } from '@vis.gl/react-maplibre';
// MapLibre 6 resolves its worker next to its own module, which Vite does not emit; hand it the worker
// that Vite bundles instead. Works in `vite dev` and in the production build.
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { boundariesUrl, type Dataset } from '../data/dataset';
import { seaMaskKeysNear, seaMaskPieces, type SeaMaskCollection } from '../domain/sea-mask';
import { choroplethOf, selectZones } from '../state/selectors';
import { store, useStore } from '../state/store';
import { exposeMapForTests } from './expose-for-tests';
import { CandidateLayers, inspectMarker } from './CandidateLayers';
import { CANDIDATE_CIRCLE_LAYER } from './layers/candidates';
import { HubMarkers } from './HubMarkers';
import { FIT_PADDING } from './fit';
import { Labels } from './Labels';
import { MapButtons } from './MapButtons';
import { StyleImages } from './StyleImages';
import { MapSync } from './useCameraSync';
import {
  baseStyle,
  COUNTRIES_SOURCE_ID,
  countriesFillLayer,
  countriesOutlineLayer,
  INDONESIA_BOUNDS,
  LAND_COLOUR,
  PROVINCES_SOURCE_ID,
  provincesOutlineLayer,
} from './layers/base';
import {
  choroplethLayer,
  divideLayer,
  HIGHLIGHT_SOURCE_ID,
  highlightFeatures,
  hoverOutlineLayer,
  selectedOutlineLayer,
  NO_DATA_SOURCE_ID,
  noDataFeatures,
  noDataLayer,
  provinceStates,
  SEA_MASK_SOURCE_ID,
  seaMaskLayer,
  ZONES_SOURCE_ID,
  zonesFillLayer,
  zonesOutlineLayer,
} from './layers/thematic';
import { placeNear } from './nearestPlace';
import { REGENCIES_FILL_LAYER_ID } from './layers/regencies';
import { RegencyLayer } from './layers/RegencyLayer';
import { COUNTRIES_URL, PROVINCES_URL, SEA_MASK_URL } from './sources';

// Start MapLibre's worker now, while React renders and the data download, rather than when the map is built:
// fetching and starting the worker was on the first frame's critical path (time to idle).
maplibregl.setWorkerUrl(maplibreWorkerUrl);
maplibregl.prewarm();
/**
 * Whether MapLibre's worker script is there: when it is not, MapLibre logs an error but tells the page nothing and
 * the map stays blank, so the page checks for itself (from the HTTP cache when the worker already came).
 */
const mapWorkerReachable: Promise<boolean> = fetch(maplibreWorkerUrl, {
  method: 'HEAD',
  cache: 'force-cache',
}).then(
  (r) => r.ok,
  () => false,
);
const INITIAL_VIEW = { bounds: INDONESIA_BOUNDS, fitBoundsOptions: { padding: FIT_PADDING } };
const EMPTY_COLLECTION: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
/** The sea mask's pieces (see src/domain/sea-mask.ts), fetched as soon as the map's code runs (index.html preloads it). */
const seaMaskFile: Promise<SeaMaskCollection> = fetch(SEA_MASK_URL).then((r) => {
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return r.json() as Promise<SeaMaskCollection>;
});
seaMaskFile.catch(() => undefined);

export interface HoverInfo {
  readonly polygon: number;
  /** The regency under the pointer, when the regency layer shows. */
  readonly regency?: number;
  readonly x: number;
  readonly y: number;
}

/**
 * The map of Indonesia's provinces. It starts before the data files are in (`data` null): the base map
 * (sea, countries, province outlines, loaded by MapLibre's worker) draws at once and the choropleth, zones,
 * hubs and labels fill in when the data arrive. `data-map-idle` is "true" once MapLibre has drawn
 * everything it has (its `idle` event) with the data applied, and "false" again while the camera moves;
 * browser tests wait for it. The performance mark `jangkau:map-idle` (benchmark) is set then too.
 */
export function MapView({ data, onHover }: { data: Dataset | null; onHover: (h: HoverInfo | null) => void }) {
  const { t } = useTranslation();
  const [idle, setIdle] = useState(false);
  const [workerFailed, setWorkerFailed] = useState(false);
  useEffect(() => {
    let alive = true;
    void mapWorkerReachable.then((ok) => alive && !ok && setWorkerFailed(true));
    return () => {
      alive = false;
    };
  }, []);
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
  // The sea mask's pieces near the zones (half a degree around each), as a stable list while they stay the same.
  // Only those pieces go to MapLibre (its worker then tiles a few squares, not the whole mask), and the zones
  // are drawn once the mask is in, so they never paint the sea.
  const maskKeyText = seaMaskKeysNear(zones, 0.5).join(',');
  const [seaMask, setSeaMask] = useState<SeaMaskCollection | null>(null);
  useEffect(() => {
    let alive = true;
    seaMaskFile.then(
      (m) => alive && setSeaMask(m),
      (e: unknown) => console.error(`sea-mask.geojson: ${String(e)}`),
    );
    return () => {
      alive = false;
    };
  }, []);
  const seaMaskShown = useMemo(
    () =>
      seaMask && maskKeyText ? seaMaskPieces(seaMask, maskKeyText.split(',').map(Number)) : EMPTY_COLLECTION,
    [seaMask, maskKeyText],
  );

  const eastIds = data ? data.isEast[grouping].flatMap((e, i) => (e ? [i] : [])) : [];
  // The embedded boundaries are drawn from their URL (parsed in MapLibre's worker, not on the main thread,
  // and not waiting for the other data files); imported boundaries are handed over as an object.
  const provinces = data ? (boundariesUrl(data.boundaries) ?? data.boundaries) : PROVINCES_URL;
  // The polygons without a value; the source only changes when they do (each change is a round trip to the worker).
  const noDataIds = (choropleth?.result.values ?? [])
    .flatMap((v) => (v.value === null ? [v.polygonId] : []))
    .join(',');
  const boundaries = data?.boundaries;
  const noData = useMemo(
    () =>
      boundaries && noDataIds
        ? noDataFeatures(boundaries, noDataIds.split(',').map(Number))
        : EMPTY_COLLECTION,
    [boundaries, noDataIds],
  );
  // The choropleth through feature state, once the provinces source exists.
  // Idle only counts once they are on the map (set after the commit that applied them).
  const [provincesReady, setProvincesReady] = useState(false);
  const dataOnMap = useRef(false);
  useEffect(() => {
    const map = mapRef.current?.getMap();
    if (!map || !provincesReady || !map.getSource(PROVINCES_SOURCE_ID)) return;
    if (choropleth)
      provinceStates(choropleth.fill).forEach((state, id) =>
        map.setFeatureState({ source: PROVINCES_SOURCE_ID, id }, state),
      );
    dataOnMap.current = data !== null && seaMask !== null;
  }, [choropleth, data, provincesReady, seaMask]);

  // Hover and selection outlines: the one or two polygons go to a small source of their own.
  const latest = useRef({ data, selected });
  const drawn = useRef<{
    source: unknown;
    boundaries: unknown;
    hover: number | null;
    selected: number | null;
  } | null>(null);
  const drawHighlight = useCallback(() => {
    const map = mapRef.current?.getMap();
    const source = map?.getSource<GeoJSONSource>(HIGHLIGHT_SOURCE_ID);
    const { data, selected } = latest.current;
    if (!source || !data) return;
    const next = { source, boundaries: data.boundaries, hover: hoverRef.current, selected };
    const last = drawn.current;
    // Nothing to draw and nothing drawn, or the same as drawn: no round trip to the worker.
    const same =
      last && (['source', 'boundaries', 'hover', 'selected'] as const).every((k) => last[k] === next[k]);
    if (same || (!last && next.hover === null && next.selected === null)) return;
    drawn.current = next;
    void source.setData(highlightFeatures(data.boundaries, next.hover, next.selected));
  }, []);
  useEffect(() => {
    latest.current = { data, selected };
    drawHighlight();
  }, [selected, data, idle, drawHighlight]);

  const setHover = useCallback(
    (id: number | null) => {
      if (hoverRef.current === id) return;
      hoverRef.current = id;
      drawHighlight();
      store.getState().hover(id);
    },
    [drawHighlight],
  );

  // Linked highlighting from outside the map (charts, table) shows on the map too.
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.hovered !== prev.hovered && s.hovered !== hoverRef.current) setHover(s.hovered);
      }),
    [setHover],
  );

  /** The province polygon (and regency) under the pointer: the regency layer lies above the provinces. */
  const pointed = (e: MapLayerMouseEvent): { polygon: number; regency?: number } | null => {
    const f = e.features?.find((x) => x.layer.id !== CANDIDATE_CIRCLE_LAYER);
    if (!f || typeof f.id !== 'number') return null;
    if (f.layer.id !== REGENCIES_FILL_LAYER_ID) return { polygon: f.id };
    const r = data?.regencies.regencies[f.id];
    return r ? { polygon: r.polygon, regency: f.id } : null;
  };

  // A finger has no hover: a tap selects the province (its sheet shows the figures), without a tooltip that would
  // sit under the finger or off the screen.
  const pointerType = useRef<string>('mouse');
  const onMouseMove = (e: MapLayerMouseEvent) => {
    const p = pointed(e);
    setHover(p === null ? null : p.polygon);
    onHover(p === null || pointerType.current === 'touch' ? null : { ...p, x: e.point.x, y: e.point.y });
  };
  const leave = () => {
    setHover(null);
    onHover(null);
  };
  // The tooltip goes when a panel opens or closes (the map changes size under a still pointer).
  useEffect(() => store.subscribe((s, prev) => s.panel !== prev.panel && onHover(null)), [onHover]);

  const onClick = (e: MapLayerMouseEvent) => {
    const s = store.getState();
    if (!data) return;
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
    // A numbered planner marker inspects its place; the planner stays open.
    const marker = e.features?.find((x) => x.layer.id === CANDIDATE_CIRCLE_LAYER);
    if (marker && inspectMarker(marker.properties)) return;
    const p = pointed(e);
    if (p?.regency !== undefined) s.selectRegency(p.regency);
    else s.select(p === null ? null : p.polygon);
  };

  const onLoad = (event: MapEvent) => {
    performance.mark('jangkau:map-load');
    exposeMapForTests(event.target);
  };

  return (
    <div
      className={`map-view${armed ? ' map-armed' : ''}`}
      role="region"
      aria-label={t('map.label')}
      data-map-idle={idle}
      onPointerDown={(e) => (pointerType.current = e.pointerType)}
      onPointerMove={(e) => (pointerType.current = e.pointerType)}
      onPointerLeave={leave}
    >
      {workerFailed ? (
        <div className="notice error map-failed" role="alert">
          <p>{t('map.failed')}</p>
        </div>
      ) : null}
      <Map
        ref={mapRef}
        initialViewState={INITIAL_VIEW}
        mapStyle={baseStyle}
        mapLib={maplibregl}
        dragRotate={false}
        pitchWithRotate={false}
        touchPitch={false}
        interactiveLayerIds={[CANDIDATE_CIRCLE_LAYER, 'provinces-fill', REGENCIES_FILL_LAYER_ID]}
        cursor={armed ? 'crosshair' : 'default'}
        onLoad={onLoad}
        onIdle={() => {
          if (!dataOnMap.current) return;
          if (performance.getEntriesByName('jangkau:map-idle').length === 0)
            performance.mark('jangkau:map-idle');
          setIdle(true);
        }}
        onMoveStart={(e) => {
          setIdle(false);
          if (e.originalEvent) onHover(null);
        }}
        onMoveEnd={(e) => {
          const c = e.target.getCenter();
          if (e.originalEvent)
            store.getState().setCamera({ lon: c.lng, lat: c.lat, zoom: e.target.getZoom() }, 'map');
        }}
        onSourceData={(e) => {
          if (e.sourceId === PROVINCES_SOURCE_ID) setProvincesReady(true);
        }}
        onMouseMove={onMouseMove}
        onMouseLeave={leave}
        onClick={onClick}
      >
        <StyleImages />
        <Source id={PROVINCES_SOURCE_ID} type="geojson" data={provinces} promoteId="id">
          <Layer {...choroplethLayer(LAND_COLOUR)} />
        </Source>
        <Source id={NO_DATA_SOURCE_ID} type="geojson" data={noData}>
          <Layer {...noDataLayer} />
        </Source>
        {data ? <RegencyLayer data={data} /> : null}
        <Source id={ZONES_SOURCE_ID} type="geojson" data={seaMask ? zones : EMPTY_COLLECTION}>
          <Layer {...zonesFillLayer} />
          <Layer {...zonesOutlineLayer} />
        </Source>
        <Source id={SEA_MASK_SOURCE_ID} type="geojson" data={seaMaskShown}>
          <Layer {...seaMaskLayer} />
        </Source>
        <Source id={COUNTRIES_SOURCE_ID} type="geojson" data={COUNTRIES_URL}>
          <Layer {...countriesFillLayer} />
          <Layer {...countriesOutlineLayer} />
        </Source>
        <Layer {...provincesOutlineLayer} />
        <Layer {...divideLayer(showDivide ? eastIds : [])} />
        <Source id={HIGHLIGHT_SOURCE_ID} type="geojson" data={EMPTY_COLLECTION}>
          <Layer {...hoverOutlineLayer} />
          <Layer {...selectedOutlineLayer} />
        </Source>
        <CandidateLayers />
        {data ? <HubMarkers /> : null}
        {data ? <Labels data={data} /> : null}
        <MapSync />
        <MapButtons />
      </Map>
    </div>
  );
}
