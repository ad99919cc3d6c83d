import { Layer, Source, useMap } from '@vis.gl/react-maplibre';
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from '../state/store';
import {
  CANDIDATES_SOURCE_ID,
  candidateCircleLayer,
  candidateFeatures,
  candidateNumberLayer,
  TOP_CANDIDATES,
} from './layers/candidates';

const EMPTY = candidateFeatures([], () => 'ranked');
/**
 * The simulation's places on the map while the "Plan roadshow" panel is open: the top ranked candidates, or the
 * planned stops, numbered (issue #5).
 */
export function CandidateLayers() {
  const { current: mapRef } = useMap();
  const open = useStore((s) => s.panel === 'simulate');
  const view = useStore((s) => s.resultsView);
  const ranking = useStore((s) => s.ranking);
  const plan = useStore((s) => s.plan);
  const revealSeq = useStore((s) => s.revealSeq);

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
    map.fitBounds(
      [
        [Math.min(...lons), Math.min(...lats)],
        [Math.max(...lons), Math.max(...lats)],
      ],
      { padding: 70, maxZoom: 7, duration: 600 },
    );
  }, [mapRef, revealSeq, data]);

  return (
    <Source id={CANDIDATES_SOURCE_ID} type="geojson" data={data}>
      <Layer {...candidateCircleLayer} />
      <Layer {...candidateNumberLayer} />
    </Source>
  );
}
