import { useMap } from '@vis.gl/react-maplibre';
import { useEffect, useState } from 'react';
import type { Dataset } from '../data/dataset';
import { useStore } from '../state/store';

interface Placed {
  readonly key: string;
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly kind: 'province' | 'city' | 'hub';
  /** Hub names go left of the marker where the right side is taken or off the map. */
  readonly side?: 'left' | 'right';
}

const CHAR_W = { province: 6.6, city: 6, hub: 7.4 };
const LINE_H = 14;
/** Half a hub marker plus the gap to its name (px). */
const HUB_GAP = 13;

/**
 * Labels drawn as HTML over the map (no glyph server needed, so nothing leaves the origin).
 * Province labels first, then cities by population; a label that would overlap an earlier one is skipped.
 */
export function Labels({ data }: { data: Dataset }) {
  const { current: map } = useMap();
  const hubs = useStore((s) => s.hubs);
  const presenter = useStore((s) => s.presenter);
  const [placed, setPlaced] = useState<Placed[]>([]);
  useEffect(() => {
    if (!map) return;
    let frame = 0;
    const cityOrder = data.places.pop
      .map((p, i) => [p, i] as const)
      .filter(([p]) => p >= 100_000)
      .sort((a, b) => b[0] - a[0]);
    const layout = () => {
      frame = 0;
      const { width, height } = map.getContainer().getBoundingClientRect();
      const zoom = map.getZoom();
      const boxes: [number, number, number, number][] = [];
      const out: Placed[] = [];
      // Projector sizes in presenter mode (see app.css): wider and taller boxes.
      const scale = presenter ? 1.3 : 1;
      const overlaps = (box: readonly number[]) =>
        boxes.some((b) => box[0]! < b[2] && box[2]! > b[0] && box[1]! < b[3] && box[3]! > b[1]);
      // Hub names first: a hub's name is what the presenter talks about. Right of the marker, else left.
      for (const hub of hubs) {
        const p = map.project([hub.lon, hub.lat]);
        const w = hub.name.length * CHAR_W.hub * scale;
        const h = (LINE_H * scale) / 2;
        const right = [p.x + HUB_GAP, p.y - h, p.x + HUB_GAP + w, p.y + h];
        const left = [p.x - HUB_GAP - w, p.y - h, p.x - HUB_GAP, p.y + h];
        const fitsRight = right[2]! <= width - 4 && !overlaps(right);
        const box = fitsRight ? right : left;
        boxes.push([p.x - HUB_GAP, p.y - HUB_GAP, p.x + HUB_GAP, p.y + HUB_GAP]);
        if (!fitsRight && overlaps(box)) continue;
        boxes.push(box as [number, number, number, number]);
        out.push({
          key: `h${hub.id}`,
          text: hub.name,
          x: p.x,
          y: p.y,
          kind: 'hub',
          side: fitsRight ? 'right' : 'left',
        });
      }
      const tryPlace = (key: string, text: string, lon: number, lat: number, kind: Placed['kind']) => {
        const p = map.project([lon, lat]);
        const w = text.length * CHAR_W[kind] * scale;
        const box: [number, number, number, number] =
          kind === 'province'
            ? [p.x - w / 2, p.y - LINE_H / 2, p.x + w / 2, p.y + LINE_H / 2]
            : [p.x + 4, p.y - LINE_H / 2, p.x + 6 + w, p.y + LINE_H / 2];
        if (box[2] < 0 || box[0] > width || box[3] < 0 || box[1] > height) return;
        if (overlaps(box)) return;
        boxes.push(box);
        out.push({ key, text, x: p.x, y: p.y, kind });
      };
      data.provinces.polygons.forEach((g) => {
        const name = g.label.split(' incl. ')[0] ?? g.label;
        tryPlace(`p${g.id}`, name, g.labelAt[0], g.labelAt[1], 'province');
      });
      const minPop = zoom < 5 ? 1_000_000 : zoom < 6 ? 400_000 : zoom < 7 ? 150_000 : 100_000;
      for (const [pop, i] of cityOrder) {
        if (pop < minPop) break;
        tryPlace(
          `c${data.places.id[i]}`,
          data.places.name[i]!,
          data.places.lon[i]!,
          data.places.lat[i]!,
          'city',
        );
      }
      setPlaced(out);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(layout);
    };
    schedule();
    map.on('move', schedule);
    map.on('resize', schedule);
    return () => {
      map.off('move', schedule);
      map.off('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [map, data, hubs, presenter]);
  return (
    <div className="map-labels" aria-hidden="true">
      {placed.map((l) => (
        <span
          key={l.key}
          className={`map-label map-label-${l.kind}${l.side ? ` ${l.side}` : ''}`}
          style={{ transform: `translate(${Math.round(l.x)}px, ${Math.round(l.y)}px)` }}
        >
          {l.kind === 'city' ? <i className="city-dot" /> : null}
          {l.text}
        </span>
      ))}
    </div>
  );
}
