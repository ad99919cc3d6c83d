/** Label anchors: the pole of inaccessibility (polylabel) of a polygon's largest part. */
import polylabel from 'polylabel';
import type { Area } from './boundaries';

function ringArea(ring: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return Math.abs(s / 2);
}

export function labelPoint(area: Area): [number, number] {
  const polys = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  const largest = [...polys].sort((a, b) => ringArea(b[0] ?? []) - ringArea(a[0] ?? []))[0] ?? [];
  const [x, y] = polylabel(largest, 0.01);
  return [Math.round(x * 1e3) / 1e3, Math.round(y * 1e3) / 1e3];
}
