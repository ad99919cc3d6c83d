import { useMemo, type KeyboardEvent } from 'react';
import type { Region } from '../../domain/gap';
import { REGION_COLOUR, trendLayout, type TrendDatum, type TrendOptions, type TrendPoint } from './scales';

export interface GapTrendProps {
  /** One entry per year with data. */
  readonly data: readonly TrendDatum[];
  /** Year marked with a guide and the gap bracket (null: none). */
  readonly selectedYear: number | null;
  /** SVG `<title>`. */
  readonly title: string;
  /** SVG `<desc>`: the chart in one or two sentences. */
  readonly description: string;
  /** Region names for the line labels. */
  readonly regionLabel: Readonly<Record<Region, string>>;
  /** Accessible label of a point, with its numbers. */
  readonly pointLabel: (p: TrendPoint) => string;
  /** A share, e.g. "63.0%". */
  readonly formatValue: (v: number) => string;
  /** A gap, e.g. "7.7 pp". */
  readonly formatGap: (pp: number) => string;
  /** Under the chart: marker key, partial-coverage note and source. */
  readonly caption: {
    readonly complete: string;
    readonly partial: string;
    /** Shown when the series has a change of definition (drawn as a break). */
    readonly breakKey?: string;
    readonly note?: string;
    readonly source: string;
  };
  /** Called when a point is clicked or activated with Enter/Space. */
  readonly onSelectYear?: (year: number) => void;
  /** Size and margins (defaults: 520 × 230). */
  readonly options?: TrendOptions;
}

/** East and west across the years, the gap shaded between them; partial-coverage years drawn as hollow points. */
export function GapTrend({
  data,
  selectedYear,
  title,
  description,
  regionLabel,
  pointLabel,
  formatValue,
  formatGap,
  caption,
  onSelectYear,
  options,
}: GapTrendProps) {
  const L = useMemo(() => trendLayout(data, options, selectedYear), [data, options, selectedYear]);
  const sel = selectedYear === null ? undefined : data.find((d) => d.year === selectedYear);
  const onKey = (year: number) => (e: KeyboardEvent) => {
    if (onSelectYear && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      onSelectYear(year);
    }
  };
  const bottom = L.height - L.margin.bottom;
  return (
    <figure className="chart gap-trend">
      <svg
        xmlns="http://www.w3.org/2000/svg"
        width={L.width}
        height={L.height}
        viewBox={`0 0 ${L.width} ${L.height}`}
        role="group"
        aria-labelledby="gap-trend-title"
        aria-describedby="gap-trend-desc"
      >
        <title id="gap-trend-title">{title}</title>
        <desc id="gap-trend-desc">{description}</desc>
        <g className="axis y-axis" aria-hidden="true">
          {L.yTicks.map((t) => (
            <g key={t.value}>
              <line x1={L.margin.left} x2={L.width - L.margin.right} y1={t.y} y2={t.y} stroke="#e4e7eb" />
              <text x={L.margin.left - 6} y={t.y} dy="0.32em" textAnchor="end">
                {t.value}%
              </text>
            </g>
          ))}
        </g>
        <g className="axis x-axis" aria-hidden="true">
          {L.xTicks.map((t) => (
            <text
              key={t.year}
              x={t.x}
              y={bottom + 17}
              textAnchor="middle"
              className={t.hasData ? undefined : 'no-data'}
            >
              {t.year}
            </text>
          ))}
        </g>
        {sel ? (
          <line
            className="selected-year"
            x1={L.x(sel.year)}
            x2={L.x(sel.year)}
            y1={L.margin.top}
            y2={bottom}
          />
        ) : null}
        {L.breaks.length ? (
          <g className="series-breaks" aria-hidden="true">
            {L.breaks.map((k) => (
              <line
                key={`b${k.from}`}
                x1={k.x}
                x2={k.x}
                y1={L.margin.top}
                y2={bottom}
                stroke="#8a1c1c"
                strokeWidth={1.5}
                strokeDasharray="2 3"
              />
            ))}
          </g>
        ) : null}
        <g className="gap-area" aria-hidden="true">
          {L.segments.map((s) => (
            <path
              key={`a${s.from}`}
              d={s.area}
              fill="#9aa5b1"
              fillOpacity={s.kind === 'solid' ? 0.28 : 0.12}
            />
          ))}
        </g>
        <g className="lines" aria-hidden="true" fill="none" strokeWidth={2.5}>
          {L.segments.map((s) => (
            <g key={`l${s.from}`} strokeDasharray={s.kind === 'bridge' ? '5 4' : undefined}>
              <path d={s.west} stroke={REGION_COLOUR.west} />
              <path d={s.east} stroke={REGION_COLOUR.east} />
            </g>
          ))}
        </g>
        {sel && sel.east !== null && sel.west !== null ? (
          <g className="gap-bracket" aria-hidden="true">
            <line
              x1={L.x(sel.year)}
              x2={L.x(sel.year)}
              y1={L.y(sel.west)}
              y2={L.y(sel.east)}
              stroke="#1f2933"
              strokeWidth={1.5}
            />
            <GapLabel
              x={L.x(sel.year) - 8}
              y={(L.y(sel.west) + L.y(sel.east)) / 2}
              text={formatGap(sel.west - sel.east)}
            />
          </g>
        ) : null}
        <g className="points">
          {L.points.map((p) => (
            <circle
              key={`${p.region}${p.year}`}
              cx={p.x}
              cy={p.y}
              r={p.year === selectedYear ? 5.5 : 4}
              fill={p.complete ? REGION_COLOUR[p.region] : '#fff'}
              stroke={REGION_COLOUR[p.region]}
              strokeWidth={2}
              tabIndex={0}
              role={onSelectYear ? 'button' : 'img'}
              aria-label={pointLabel(p)}
              onClick={onSelectYear ? () => onSelectYear(p.year) : undefined}
              onKeyDown={onKey(p.year)}
            />
          ))}
        </g>
        <g className="end-labels" aria-hidden="true">
          {L.endLabels.map((l) => (
            <text
              key={l.region}
              x={l.x}
              y={l.y}
              dy="0.32em"
              fill={REGION_COLOUR[l.region]}
              className="halo end-label"
            >
              {regionLabel[l.region]} {formatValue(l.value)}
            </text>
          ))}
        </g>
      </svg>
      <figcaption>
        <span className="key">
          <svg width="10" height="10" aria-hidden="true">
            <circle cx="5" cy="5" r="3.5" fill="#52606d" />
          </svg>{' '}
          {caption.complete}
        </span>{' '}
        <span className="key">
          <svg width="10" height="10" aria-hidden="true">
            <circle cx="5" cy="5" r="3.5" fill="#fff" stroke="#52606d" strokeWidth="1.5" />
          </svg>{' '}
          {caption.partial}
        </span>
        {L.breaks.length && caption.breakKey ? (
          <span className="key">
            <svg width="10" height="10" aria-hidden="true">
              <line x1="5" x2="5" y1="0" y2="10" stroke="#8a1c1c" strokeWidth="1.5" strokeDasharray="2 2" />
            </svg>{' '}
            {caption.breakKey}
          </span>
        ) : null}
        {caption.note ? <span className="chart-note">{caption.note}</span> : null}
        <span className="chart-source">{caption.source}</span>
      </figcaption>
    </figure>
  );
}

/** The gap in pp on a white box, left of the bracket (the box width is estimated from the text length). */
function GapLabel({ x, y, text }: { x: number; y: number; text: string }) {
  const w = text.length * 7.4 + 10;
  return (
    <g transform={`translate(${x},${y})`}>
      <rect x={-w} y={-10} width={w} height={20} rx={3} fill="#fff" stroke="#9aa5b1" />
      <text x={-5} y={0} dy="0.32em" textAnchor="end">
        {text}
      </text>
    </g>
  );
}
