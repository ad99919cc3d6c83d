import { useMemo } from 'react';
import { reachLayout, type ReachCurveOptions, type ReachDatum } from './scales';

/** Okabe–Ito blue (cumulative reach) and orange (each stop's gain): distinct under common colour-vision deficiencies. */
export const REACH_COLOUR = { cumulative: '#0072b2', gain: '#e69f00' } as const;

export interface ReachCurveProps {
  /** Planned stops in visit order. */
  readonly data: readonly ReachDatum[];
  /** SVG `<title>` (the chart's accessible name). */
  readonly title: string;
  /** SVG `<desc>`: the chart in a sentence, with its main numbers. */
  readonly description: string;
  /** An axis value or a total, e.g. "1.2M". */
  readonly formatValue: (v: number) => string;
  /** Axis titles and key entries. */
  readonly labels: {
    readonly xAxis: string;
    readonly cumulative: string;
    readonly gain: string;
    readonly robust: string;
    readonly notRobust: string;
  };
  /** Size and margins (defaults: 520 × 220). */
  readonly options?: ReachCurveOptions;
}

/**
 * Cumulative reach against the number of stops (line and points) over each stop's marginal gain (bars). Robust
 * stops (kept at radius ±25%) are filled points, the others hollow; without a robustness check all are filled.
 */
export function ReachCurve({ data, title, description, formatValue, labels, options }: ReachCurveProps) {
  const L = useMemo(() => reachLayout(data, options), [data, options]);
  const bottom = L.height - L.margin.bottom;
  const checked = data.some((d) => d.robust !== null);
  const last = L.points[L.points.length - 1];
  return (
    <figure className="chart reach-curve">
      <svg
        xmlns="http://www.w3.org/2000/svg"
        width={L.width}
        height={L.height}
        viewBox={`0 0 ${L.width} ${L.height}`}
        role="img"
        aria-labelledby="reach-curve-title reach-curve-desc"
      >
        <title id="reach-curve-title">{title}</title>
        <desc id="reach-curve-desc">{description}</desc>
        <g className="axis y-axis" aria-hidden="true">
          {L.yTicks.map((t) => (
            <g key={t.value}>
              <line x1={L.margin.left} x2={L.width - L.margin.right} y1={t.y} y2={t.y} stroke="#e4e7eb" />
              <text x={L.margin.left - 6} y={t.y} dy="0.32em" textAnchor="end">
                {formatValue(t.value)}
              </text>
            </g>
          ))}
        </g>
        <g className="axis x-axis" aria-hidden="true">
          <line x1={L.margin.left} x2={L.width - L.margin.right} y1={bottom} y2={bottom} stroke="#9aa5b1" />
          {L.xTicks.map((t) => (
            <text key={t.value} x={t.x} y={bottom + 14} textAnchor="middle">
              {t.value}
            </text>
          ))}
          <text x={(L.margin.left + L.width - L.margin.right) / 2} y={L.height - 4} textAnchor="middle">
            {labels.xAxis}
          </text>
        </g>
        <g className="bars" aria-hidden="true" fill={REACH_COLOUR.gain} fillOpacity={0.75}>
          {L.bars.map((b) => (
            <rect key={b.stop} x={b.x} y={b.y} width={b.width} height={b.height} />
          ))}
        </g>
        <path d={L.area} fill={REACH_COLOUR.cumulative} fillOpacity={0.08} aria-hidden="true" />
        <path d={L.line} fill="none" stroke={REACH_COLOUR.cumulative} strokeWidth={2.5} aria-hidden="true" />
        <g className="points" aria-hidden="true">
          {L.points.map((p) => (
            <circle
              key={p.stop}
              cx={p.x}
              cy={p.y}
              r={4}
              fill={p.datum.robust === false ? '#fff' : REACH_COLOUR.cumulative}
              stroke={REACH_COLOUR.cumulative}
              strokeWidth={2}
            >
              <title>{`${p.stop}. ${p.datum.name}: +${formatValue(p.datum.gain)} → ${formatValue(p.datum.cumulative)}`}</title>
            </circle>
          ))}
        </g>
        {last ? (
          <text
            className="halo end-label"
            x={last.x - 6}
            y={last.y - 10}
            textAnchor="end"
            fill={REACH_COLOUR.cumulative}
            aria-hidden="true"
          >
            {formatValue(last.datum.cumulative)}
          </text>
        ) : null}
      </svg>
      <figcaption>
        <span className="key">
          <svg width="18" height="10" aria-hidden="true">
            <line x1="1" x2="17" y1="5" y2="5" stroke={REACH_COLOUR.cumulative} strokeWidth="2.5" />
          </svg>{' '}
          {labels.cumulative}
        </span>{' '}
        <span className="key">
          <svg width="10" height="10" aria-hidden="true">
            <rect x="1" y="1" width="8" height="8" fill={REACH_COLOUR.gain} fillOpacity="0.75" />
          </svg>{' '}
          {labels.gain}
        </span>
        {checked ? (
          <>
            {' '}
            <span className="key">
              <svg width="10" height="10" aria-hidden="true">
                <circle cx="5" cy="5" r="3.5" fill={REACH_COLOUR.cumulative} />
              </svg>{' '}
              {labels.robust}
            </span>{' '}
            <span className="key">
              <svg width="10" height="10" aria-hidden="true">
                <circle
                  cx="5"
                  cy="5"
                  r="3.5"
                  fill="#fff"
                  stroke={REACH_COLOUR.cumulative}
                  strokeWidth="1.5"
                />
              </svg>{' '}
              {labels.notRobust}
            </span>
          </>
        ) : null}
      </figcaption>
    </figure>
  );
}
