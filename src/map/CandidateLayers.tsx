import { Layer, Source, useMap } from '@vis.gl/react-maplibre';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { useEffect, useMemo, useRef, useState } from 'react';
import { zoneFeatures } from '../domain/zones';
import { selectInspection } from '../state/planner-selectors';
import type { Store } from '../state/store';
import { store, useStore } from '../state/store';
import { fitIndonesia, markFitted } from './fit';
import {
  CANDIDATES_SOURCE_ID,
  candidateAnchorLayer,
  candidateCircleLayer,
  candidateFeatures,
  candidateLeaderLayer,
  candidateNumberLayer,
  declutter,
  INSPECT_SOURCE_ID,
  inspectFillLayer,
  inspectOutlineLayer,
  LEADERS_SOURCE_ID,
  TOP_CANDIDATES,
  type CandidateProps,
} from './layers/candidates';

const EMPTY = candidateFeatures([], () => 'ranked');
const NONE: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The candidate whose catchment is drawn: the row under the pointer, else the inspected one. */
const drawnCandidate = (s: Store) => (s.panel === 'simulate' ? (s.previewed ?? s.inspected) : null);

/**
 * The simulation's places on the map while the "Plan roadshow" panel is open: the top ranked candidates, or the
 * planned stops, numbered; markers that would overlap are moved aside with a leader line to their place. The
 * inspected (or pointed-at) candidate's catchment is outlined. Opening the planner fits the planned region beside
 * the panel; the inspected catchment is brought on screen.
 */
export function CandidateLayers() {
  const { current: mapRef } = useMap();
  const open = useStore((s) => s.panel === 'simulate');
  const view = useStore((s) => s.resultsView);
  const ranking = useStore((s) => s.ranking);
  const plan = useStore((s) => s.plan);
  const revealSeq = useStore((s) => s.revealSeq);
  const drawn = useStore(drawnCandidate);
  const inspected = useStore((s) => (s.panel === 'simulate' ? s.inspected : null));
  const inspection = useStore((s) => selectInspection(s, drawnCandidate(s)));
  const dataset = useStore((s) => s.dataset);
  const region = useStore((s) => s.filter.region);
  const grouping = useStore((s) => s.grouping);

  const data = useMemo(() => {
    if (!open) return EMPTY;
    if (view === 'plan' && plan)
      return candidateFeatures(plan.stops, (s) => (s.robust === false ? 'planned-unstable' : 'planned'));
    if (view === 'rank' && ranking)
      return candidateFeatures(
        ranking.rows.slice(0, TOP_CANDIDATES).filter((r) => r.gain > 0),
        () => 'ranked',
      );
    return EMPTY;
  }, [open, view, ranking, plan]);

  // Re-declutter after every zoom (pixel distances change with it).
  const [zoomTick, setZoomTick] = useState(0);
  useEffect(() => {
    const map = mapRef?.getMap();
    if (!map) return;
    const bump = () => setZoomTick((n) => n + 1);
    map.on('zoomend', bump);
    return () => {
      map.off('zoomend', bump);
    };
  }, [mapRef]);

  const { markers, leaders } = useMemo(() => {
    const map = mapRef?.getMap();
    if (!map || data.features.length < 2) return { markers: data, leaders: NONE };
    const projected = data.features.map((f) => {
      const p = map.project(f.geometry.coordinates as [number, number]);
      return [p.x, p.y] as const;
    });
    const spots = declutter(projected);
    const lines: Feature<LineString | Point>[] = [];
    const features = data.features.map((f, i): Feature<Point, CandidateProps> => {
      const [x, y] = spots[i]!;
      const [px, py] = projected[i]!;
      if (x === px && y === py) return f;
      const moved = map.unproject([x, y]);
      const at = f.geometry.coordinates as [number, number];
      lines.push(
        {
          type: 'Feature',
          properties: {},
          geometry: { type: 'LineString', coordinates: [at, [moved.lng, moved.lat]] },
        },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: at } },
      );
      return { ...f, geometry: { type: 'Point', coordinates: [moved.lng, moved.lat] } };
    });
    const markers: FeatureCollection<Point, CandidateProps> = { type: 'FeatureCollection', features };
    const leaders: FeatureCollection = { type: 'FeatureCollection', features: lines };
    return { markers, leaders };
    // zoomTick: recompute when the zoom changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, mapRef, zoomTick]);

  const zone = useMemo((): FeatureCollection => {
    if (!dataset || drawn === null || !inspection) return NONE;
    return {
      type: 'FeatureCollection',
      features: zoneFeatures(dataset.cells, inspection.cells, `inspect-${drawn}`, 'inspect'),
    };
  }, [dataset, drawn, inspection]);

  // Results the user asked for are brought into view when some of their places are off screen.
  const revealed = useRef(revealSeq);
  useEffect(() => {
    const map = mapRef?.getMap();
    if (!map || revealed.current === revealSeq) return;
    revealed.current = revealSeq;
    const points = data.features.map((f) => f.geometry.coordinates as [number, number]);
    if (points.length === 0) return;
    const view = map.getBounds();
    if (points.every((p) => view.contains(p))) return;
    const lons = points.map((p) => p[0]);
    const lats = points.map((p) => p[1]);
    markFitted(map, false);
    map.fitBounds(
      [
        [Math.min(...lons), Math.min(...lats)],
        [Math.max(...lons), Math.max(...lats)],
      ],
      { padding: 70, maxZoom: 7, duration: 600 },
    );
  }, [mapRef, revealSeq, data]);

  // Opening the planner fits the planned region into the map beside the panel (the map narrows as it opens).
  useEffect(() => {
    const map = mapRef?.getMap();
    if (!map || !open || !dataset) return;
    const fit = (animate: boolean) => {
      let w = Infinity;
      let s = Infinity;
      let e = -Infinity;
      let n = -Infinity;
      const east = dataset.isEast[grouping];
      for (let c = 0; c < dataset.cells.count; c++) {
        const p = dataset.cells.polygon[c] ?? 0;
        if (region !== 'all' && east[p] !== (region === 'east')) continue;
        const lon = dataset.cells.lon[c] ?? 0;
        const lat = dataset.cells.lat[c] ?? 0;
        if (lon < w) w = lon;
        if (lon > e) e = lon;
        if (lat < s) s = lat;
        if (lat > n) n = lat;
      }
      if (w <= e) markFitted(map, false);
      map.fitBounds(
        [
          [w, s],
          [e, n],
        ],
        { padding: 24, duration: animate ? 500 : 0 },
      );
    };
    // The map narrows as the panel lays out (and again on any later resize): fit again at each new size until
    // the user moves the map.
    let moved = false;
    const onMoveStart = (e: { originalEvent?: unknown }) => {
      if (e.originalEvent) moved = true;
    };
    const onResize = () => {
      if (!moved) fit(false);
    };
    const frame = requestAnimationFrame(() => fit(true));
    map.on('movestart', onMoveStart);
    map.on('resize', onResize);
    return () => {
      cancelAnimationFrame(frame);
      map.off('movestart', onMoveStart);
      map.off('resize', onResize);
      // Leaving the planner without having moved the map: back to the whole country.
      if (!moved) fitIndonesia(map, false);
    };
  }, [mapRef, open, dataset, region, grouping]);

  // The inspected catchment is brought on screen (panned, never zoomed in).
  useEffect(() => {
    const map = mapRef?.getMap();
    if (!map || inspected === null) return;
    const box = zone.features[0]?.bbox;
    if (!box) return;
    const sw: [number, number] = [box[0], box[1]];
    const ne: [number, number] = [box[2], box[3]];
    const view = map.getBounds();
    if (view.contains(sw) && view.contains(ne)) return;
    markFitted(map, false);
    map.fitBounds([sw, ne], { padding: 60, maxZoom: map.getZoom(), duration: 500 });
    // Only when the inspected candidate changes, not when the pointer previews another.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mapRef, inspected]);

  return (
    <>
      <Source id={INSPECT_SOURCE_ID} type="geojson" data={zone}>
        <Layer {...inspectFillLayer} />
        <Layer {...inspectOutlineLayer} />
      </Source>
      <Source id={LEADERS_SOURCE_ID} type="geojson" data={leaders}>
        <Layer {...candidateLeaderLayer} />
        <Layer {...candidateAnchorLayer} />
      </Source>
      <Source id={CANDIDATES_SOURCE_ID} type="geojson" data={markers}>
        <Layer {...candidateCircleLayer} />
        <Layer {...candidateNumberLayer} />
      </Source>
    </>
  );
}

/** A click on a numbered marker inspects its place and keeps the planner open. */
export function inspectMarker(props: { readonly placeId?: unknown }): boolean {
  const id = Number(props.placeId);
  if (!Number.isFinite(id) || id < 0) return false;
  store.getState().inspect(id);
  return true;
}
