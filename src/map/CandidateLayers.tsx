import { Layer, Source, useMap } from '@vis.gl/react-maplibre';
import { MAX_STOPS } from '../domain/optimizer/plan';
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from '../state/store';
import {
  CANDIDATES_SOURCE_ID,
  candidateCircleLayer,
  candidateFeatures,
  candidateNumberLayer,
  INK_COLOUR,
  numberImageId,
  TOP_CANDIDATES,
  type Ink,
} from './layers/candidates';

const INKS: readonly Ink[] = ['dark', 'light', 'plan'];

const EMPTY = candidateFeatures([], () => 'ranked');
const PIXEL_RATIO = 2;

/** A number drawn in `colour` on a transparent square (the circle layer draws the disc under it). */
function numberImage(n: number, colour: string): ImageData | null {
  const size = 13 * PIXEL_RATIO;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const digits = String(n);
  const px = (digits.length > 1 ? 10 : 11.5) * PIXEL_RATIO;
  ctx.font = `700 ${px}px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = colour;
  ctx.fillText(digits, size / 2, size / 2 + PIXEL_RATIO * 0.5);
  return ctx.getImageData(0, 0, size, size);
}

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

  // The number images (1–30 in each ink), added once: the style has no glyphs to draw text with.
  useEffect(() => {
    const map = mapRef?.getMap();
    if (!map) return;
    for (const ink of INKS)
      for (let n = 1; n <= MAX_STOPS; n++) {
        const id = numberImageId(ink, n);
        if (map.hasImage(id)) continue;
        const image = numberImage(n, INK_COLOUR[ink]);
        if (image) map.addImage(id, image, { pixelRatio: PIXEL_RATIO });
      }
  }, [mapRef]);

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
