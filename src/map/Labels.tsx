import { useMap } from '@vis.gl/react-maplibre';
import { useEffect, useState } from 'react';
import type { Dataset } from '../data/dataset';

interface Placed {
  readonly key: string;
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly kind: 'province' | 'city';
}

const CHAR_W = { province: 6.6, city: 6 };
const LINE_H = 14;

/**
 * Labels drawn as HTML over the map (no glyph server needed, so nothing leaves the origin).
 * Province labels first, then cities by population; a label that would overlap an earlier one is skipped.
 */
export function Labels({ data }: { data: Dataset }) {
  const { current: map } = useMap();
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
      const tryPlace = (key: string, text: string, lon: number, lat: number, kind: Placed['kind']) => {
        const p = map.project([lon, lat]);
        const w = text.length * CHAR_W[kind];
        const box: [number, number, number, number] =
          kind === 'province'
            ? [p.x - w / 2, p.y - LINE_H / 2, p.x + w / 2, p.y + LINE_H / 2]
            : [p.x + 4, p.y - LINE_H / 2, p.x + 6 + w, p.y + LINE_H / 2];
        if (box[2] < 0 || box[0] > width || box[3] < 0 || box[1] > height) return;
        if (boxes.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) return;
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
  }, [map, data]);
  return (
    <div className="map-labels" aria-hidden="true">
      {placed.map((l) => (
        <span
          key={l.key}
          className={`map-label map-label-${l.kind}`}
          style={{ transform: `translate(${Math.round(l.x)}px, ${Math.round(l.y)}px)` }}
        >
          {l.kind === 'city' ? <i className="city-dot" /> : null}
          {l.text}
        </span>
      ))}
    </div>
  );
}
