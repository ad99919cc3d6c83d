import { useMemo } from 'react';
import type { ProvinceFeatures } from '../../data/dataset';
import { miniMapPaths } from './scales';

/** A small SVG map of the polygons filled with the given colours (React renders; d3 computed the paths). */
export function MiniMap({
  boundaries,
  fill,
  title,
  width = 260,
  height = 110,
}: {
  boundaries: ProvinceFeatures;
  fill: readonly string[];
  title: string;
  width?: number;
  height?: number;
}) {
  const paths = useMemo(() => miniMapPaths(boundaries, width, height), [boundaries, width, height]);
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      <title>{title}</title>
      {paths.map((d, i) => (
        <path key={i} d={d} fill={fill[i] ?? '#ccc'} stroke="#fff" strokeWidth={0.4} />
      ))}
    </svg>
  );
}
