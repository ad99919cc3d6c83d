/**
 * Geometry of the reach curve: cumulative underserved reach against the number of planned stops, with
 * each stop's marginal gain as a bar on the same scale, so diminishing returns show as shrinking bars under a
 * flattening line. d3 computes; ReachCurve.tsx renders.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import type { ChartOptions } from '../size';

/** One planned stop, in visit order. */
export interface ReachDatum {
  readonly name: string;
  /** Demand this stop newly reaches. */
  readonly gain: number;
  /** Demand the stops newly reach up to and including this one. */
  readonly cumulative: number;
  /** Also planned at radius −25% and +25%; null when not checked. */
  readonly robust: boolean | null;
}

export type ReachCurveOptions = ChartOptions;

export const REACH_DEFAULTS = {
  width: 520,
  height: 220,
  margin: { top: 14, right: 16, bottom: 34, left: 52 },
} as const;

export interface ReachPoint {
  /** 1-based stop number. */
  readonly stop: number;
  readonly datum: ReachDatum;
  readonly x: number;
  readonly y: number;
}

export interface ReachBar {
  readonly stop: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ReachLayout {
  readonly width: number;
  readonly height: number;
  readonly margin: NonNullable<ReachCurveOptions['margin']>;
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
  readonly xTicks: readonly { readonly value: number; readonly x: number }[];
  readonly yTicks: readonly { readonly value: number; readonly y: number }[];
  /** Cumulative reach from (0 stops, 0) through every stop. */
  readonly line: string;
  /** The area under the line. */
  readonly area: string;
  /** Marginal gain of each stop, centred on its x. */
  readonly bars: readonly ReachBar[];
  readonly points: readonly ReachPoint[];
}

/**
 * @param data Stops in visit order.
 * @param options Size and margins (defaults: 520 × 220).
 * @returns Scales, ticks, the line and area paths, bars and points.
 * @example reachLayout([{ name: 'Ambon', gain: 10, cumulative: 10, robust: true }]).points[0].stop // 1
 */
export function reachLayout(data: readonly ReachDatum[], options: ReachCurveOptions = {}): ReachLayout {
  const width = options.width ?? REACH_DEFAULTS.width;
  const height = options.height ?? REACH_DEFAULTS.height;
  const margin = options.margin ?? REACH_DEFAULTS.margin;
  const n = data.length;
  // Half a stop of room on the right keeps the last bar inside the plot.
  const x = scaleLinear()
    .domain([0, Math.max(1, n) + 0.5])
    .range([margin.left, width - margin.right]);
  const top = Math.max(0, ...data.map((d) => d.cumulative), ...data.map((d) => d.gain));
  const y = scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .nice(5)
    .range([height - margin.bottom, margin.top]);
  const everyStop = n <= 15;
  const xTicks = (everyStop ? Array.from({ length: n + 1 }, (_, i) => i) : x.ticks(Math.min(n, 8)))
    .filter((v) => Number.isInteger(v))
    .map((value) => ({ value, x: x(value) }));
  const yTicks = y.ticks(5).map((value) => ({ value, y: y(value) }));
  const series: [number, number][] = [[0, 0], ...data.map((d, i): [number, number] => [i + 1, d.cumulative])];
  const linePath =
    line<[number, number]>()
      .x((p) => x(p[0]))
      .y((p) => y(p[1]))(series) ?? '';
  const areaPath =
    area<[number, number]>()
      .x((p) => x(p[0]))
      .y0(y(0))
      .y1((p) => y(p[1]))(series) ?? '';
  const step = x(1) - x(0);
  const barWidth = Math.max(2, Math.min(22, step * 0.55));
  const bars = data.map((d, i) => ({
    stop: i + 1,
    x: x(i + 1) - barWidth / 2,
    y: y(Math.max(0, d.gain)),
    width: barWidth,
    height: y(0) - y(Math.max(0, d.gain)),
  }));
  const points = data.map((d, i) => ({ stop: i + 1, datum: d, x: x(i + 1), y: y(d.cumulative) }));
  return { width, height, margin, x, y, xTicks, yTicks, line: linePath, area: areaPath, bars, points };
}

/**
 * The fewest stops that bring at least `share` of the plan's reach (0 for an empty plan).
 *
 * @param data Stops in visit order.
 * @param share A fraction, e.g. 0.5.
 * @returns A stop count.
 * @example stopsForShare([{ cumulative: 6 }, { cumulative: 9 }, { cumulative: 10 }], 0.5) // 1
 */
export function stopsForShare(data: readonly Pick<ReachDatum, 'cumulative'>[], share: number): number {
  const total = data[data.length - 1]?.cumulative ?? 0;
  if (!(total > 0)) return 0;
  const i = data.findIndex((d) => d.cumulative >= share * total - 1e-9);
  return i + 1;
}
