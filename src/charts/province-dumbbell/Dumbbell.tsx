import { useMemo, type KeyboardEvent } from 'react';
import { store, useStore } from '../../state/store';
import { REGION_COLOUR } from '../gap-trend/scales';
import { dumbbellLayout, type DumbbellDatum, type DumbbellOptions, type DumbbellRow } from './scales';

export interface DumbbellProps {
  /** One entry per province with a value in the selected year. */
  readonly data: readonly DumbbellDatum[];
  /** SVG `<title>`. */
  readonly title: string;
  /** SVG `<desc>`. */
  readonly description: string;
  /** Accessible label of a row, with its numbers. */
  readonly rowLabel: (row: DumbbellRow) => string;
  /** A share, e.g. "63.0%". */
  readonly formatValue: (v: number) => string;
  /** Key above the plot: the region names and what the two dots mean. */
  readonly legend: {
    readonly east: string;
    readonly west: string;
    /** e.g. "first year with data" */
    readonly from: string;
    /** e.g. "2023" */
    readonly to: string;
  };
  /** Width and row sizes (defaults: 520 wide, 17 px rows). */
  readonly options?: DumbbellOptions;
}

/**
 * Provinces ranked by the selected year's value, coloured by region; a hollow dot for the first year with data and a
 * filled dot for the selected year. Linked highlighting goes through the selection slice: hovering or focusing a row
 * hovers its polygon (the map follows), clicking or Enter selects it, and a polygon hovered on the map is highlighted.
 */
export function Dumbbell({
  data,
  title,
  description,
  rowLabel,
  formatValue,
  legend,
  options,
}: DumbbellProps) {
  const L = useMemo(() => dumbbellLayout(data, options), [data, options]);
  const hovered = useStore((s) => s.hovered);
  const selected = useStore((s) => s.selected);
  const act = (id: number) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      store.getState().select(id);
    }
  };
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      className="chart dumbbell"
      width={L.width}
      height={L.height}
      viewBox={`0 0 ${L.width} ${L.height}`}
      role="group"
      aria-labelledby="dumbbell-title"
      aria-describedby="dumbbell-desc"
    >
      <title id="dumbbell-title">{title}</title>
      <desc id="dumbbell-desc">{description}</desc>
      <g className="axis" aria-hidden="true">
        <g className="key" transform="translate(0,11)">
          <circle cx={5} cy={0} r={4.5} fill={REGION_COLOUR.east} />
          <text x={14} y={0} dy="0.32em">
            {legend.east}
          </text>
          <circle cx={135} cy={0} r={4.5} fill={REGION_COLOUR.west} />
          <text x={144} y={0} dy="0.32em">
            {legend.west}
          </text>
          <circle cx={275} cy={0} r={3.5} fill="#fff" stroke="#52606d" strokeWidth={1.5} />
          <text x={284} y={0} dy="0.32em">
            {legend.from}
          </text>
          <circle cx={420} cy={0} r={4.5} fill="#52606d" />
          <text x={429} y={0} dy="0.32em">
            {legend.to}
          </text>
        </g>
        {L.ticks.map((t) => (
          <g key={t.value}>
            <line x1={t.x} x2={t.x} y1={L.plot.top - 4} y2={L.plot.bottom} stroke="#e4e7eb" />
            <text x={t.x} y={L.plot.top - 8} textAnchor="middle">
              {t.value}%
            </text>
          </g>
        ))}
      </g>
      {L.rows.map((r) => {
        const d = r.datum;
        const colour = REGION_COLOUR[d.region];
        const lit = d.polygonId === hovered;
        return (
          <g
            key={d.key}
            className={`row${lit ? ' lit' : ''}${d.polygonId === selected ? ' selected' : ''}`}
            tabIndex={0}
            role="button"
            aria-label={rowLabel(r)}
            onMouseEnter={() => store.getState().hover(d.polygonId)}
            onMouseLeave={() => store.getState().hover(null)}
            onFocus={() => store.getState().hover(d.polygonId)}
            onBlur={() => store.getState().hover(null)}
            onClick={() => store.getState().select(d.polygonId)}
            onKeyDown={act(d.polygonId)}
          >
            <rect className="row-bg" x={0} y={r.y - L.rowHeight / 2} width={L.width} height={L.rowHeight} />
            <text x={L.labelWidth - 8} y={r.y} dy="0.32em" textAnchor="end" className="row-label">
              {d.flagged ? (
                <tspan className="flag" fill="#7a4d00">
                  {'◆ '}
                </tspan>
              ) : null}
              {d.label}
            </text>
            {r.x0 !== null ? (
              <>
                <line
                  x1={r.x0}
                  x2={r.x1}
                  y1={r.y}
                  y2={r.y}
                  stroke={colour}
                  strokeOpacity={0.45}
                  strokeWidth={3}
                />
                <circle cx={r.x0} cy={r.y} r={3.5} fill="#fff" stroke={colour} strokeWidth={1.5} />
              </>
            ) : null}
            <circle cx={r.x1} cy={r.y} r={4.5} fill={colour} />
            <text x={L.width - 4} y={r.y} dy="0.32em" textAnchor="end" className="row-value">
              {formatValue(d.to.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
