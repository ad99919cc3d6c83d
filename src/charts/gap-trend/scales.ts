/**
 * Geometry of the east–west trend chart: d3 computes scales, line and area paths; GapTrend.tsx renders.
 * Lines join only years with complete provincial coverage. Adjacent complete years get a solid segment; complete
 * years with only partial or missing years between them get a dashed "bridge", so no partial year is averaged in.
 * Years measured under different definitions are never joined: the change is marked as a break.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import type { Region } from '../../domain/gap';
import type { ChartOptions } from '../size';

/** Okabe–Ito vermillion and blue: distinguishable with the common colour-vision deficiencies. */
export const REGION_COLOUR: Readonly<Record<Region, string>> = { east: '#d55e00', west: '#0072b2' };
/** Darker shades of the region colours for small text (WCAG AA contrast ≥ 4.5:1 on light backgrounds). */
export const REGION_TEXT_COLOUR: Readonly<Record<Region, string>> = { east: '#a33f00', west: '#005a8c' };

/** One year of the series, as the chart needs it. */
export interface TrendDatum {
  readonly year: number;
  readonly east: number | null;
  readonly west: number | null;
  /** Every province on the basis is in the means. */
  readonly complete: boolean;
  /** What the figures measure that year, where it varies (e.g. a survey edition); a change is a break. */
  readonly definition?: string | null;
}

export type TrendOptions = ChartOptions;

export const TREND_DEFAULTS = {
  width: 520,
  height: 230,
  margin: { top: 14, right: 92, bottom: 26, left: 38 },
} as const;

export interface TrendSegment {
  readonly kind: 'solid' | 'bridge';
  readonly from: number;
  readonly to: number;
  readonly east: string;
  readonly west: string;
  /** The gap between the two lines, shaded. */
  readonly area: string;
}

export interface TrendPoint {
  readonly year: number;
  readonly region: Region;
  readonly value: number;
  readonly x: number;
  readonly y: number;
  readonly complete: boolean;
}

export interface TrendLayout {
  readonly width: number;
  readonly height: number;
  readonly margin: NonNullable<TrendOptions['margin']>;
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
  /** One tick per calendar year in range; `hasData` false for years without any figure (e.g. 2020). */
  readonly xTicks: readonly { readonly year: number; readonly x: number; readonly hasData: boolean }[];
  readonly yTicks: readonly { readonly value: number; readonly y: number }[];
  readonly segments: readonly TrendSegment[];
  /** Changes of definition between consecutive years with data, at x midway between them. */
  readonly breaks: readonly { readonly from: number; readonly to: number; readonly x: number }[];
  readonly points: readonly TrendPoint[];
  /** Line-end labels at the last complete year, else at the selected year (nudged apart so they never overlap). */
  readonly endLabels: readonly {
    readonly region: Region;
    readonly value: number;
    readonly x: number;
    readonly y: number;
  }[];
}

type Pair = readonly [x: number, east: number, west: number];

/**
 * @param data one entry per year with data, any order
 * @param selectedYear where to put the region labels when no year is complete
 * @example trendLayout([{ year: 2017, east: 27.5, west: 33.5, complete: true }]).points.length // 2
 */
export function trendLayout(
  data: readonly TrendDatum[],
  options: TrendOptions = {},
  selectedYear: number | null = null,
): TrendLayout {
  const width = options.width ?? TREND_DEFAULTS.width;
  const height = options.height ?? TREND_DEFAULTS.height;
  const margin = options.margin ?? TREND_DEFAULTS.margin;
  const rows = [...data].sort((a, b) => a.year - b.year);
  const years = rows.map((d) => d.year);
  const lo = years[0] ?? 0;
  const hi = years[years.length - 1] ?? 1;
  const x = scaleLinear()
    .domain(lo === hi ? [lo - 1, hi + 1] : [lo - 0.3, hi + 0.3])
    .range([margin.left, width - margin.right]);
  const values = rows.flatMap((d) => [d.east, d.west]).filter((v): v is number => v !== null);
  const vMin = values.length ? Math.min(...values) : 0;
  const vMax = values.length ? Math.max(...values) : 100;
  const y = scaleLinear()
    .domain([Math.max(0, vMin - 5), Math.min(100, vMax + 5)])
    .nice(5)
    .range([height - margin.bottom, margin.top]);

  const xTicks = [];
  for (let yr = Math.ceil(x.domain()[0]!); yr <= Math.floor(x.domain()[1]!); yr++)
    xTicks.push({ year: yr, x: x(yr), hasData: years.includes(yr) });
  const yTicks = y.ticks(5).map((value) => ({ value, y: y(value) }));

  const lineOf = line<Pair>()
    .x((p) => p[0])
    .y((p) => p[1]);
  const lineW = line<Pair>()
    .x((p) => p[0])
    .y((p) => p[2]);
  const areaOf = area<Pair>()
    .x((p) => p[0])
    .y0((p) => p[1])
    .y1((p) => p[2]);
  const definitionOf = (d: TrendDatum) => d.definition ?? null;
  const breaks = rows.flatMap((d, i) => {
    const prev = rows[i - 1];
    return prev && definitionOf(prev) !== definitionOf(d)
      ? [{ from: prev.year, to: d.year, x: (x(prev.year) + x(d.year)) / 2 }]
      : [];
  });
  const full = rows.filter((d) => d.complete && d.east !== null && d.west !== null);
  const segments: TrendSegment[] = [];
  for (let i = 1; i < full.length; i++) {
    const a = full[i - 1]!;
    const b = full[i]!;
    // A line across a change of definition would read as a trend.
    if (breaks.some((k) => k.from >= a.year && k.to <= b.year)) continue;
    const between = years.filter((yr) => yr > a.year && yr < b.year).length;
    const pair: Pair[] = [a, b].map((d) => [x(d.year), y(d.east!), y(d.west!)] as const);
    segments.push({
      kind: between === 0 && b.year - a.year === 1 ? 'solid' : 'bridge',
      from: a.year,
      to: b.year,
      east: lineOf(pair) ?? '',
      west: lineW(pair) ?? '',
      area: areaOf(pair) ?? '',
    });
  }

  const points: TrendPoint[] = rows.flatMap((d) =>
    (['west', 'east'] as const).flatMap((region) => {
      const v = d[region];
      return v === null
        ? []
        : [{ year: d.year, region, value: v, x: x(d.year), y: y(v), complete: d.complete }];
    }),
  );

  // Label the lines at their end; without any complete year, label the selected year's points instead.
  const last = full[full.length - 1] ?? rows.find((d) => d.year === selectedYear);
  const endLabels: { region: Region; value: number; x: number; y: number }[] = [];
  if (last) {
    for (const region of ['west', 'east'] as const) {
      const v = last[region];
      if (v !== null) endLabels.push({ region, value: v, x: x(last.year) + 8, y: y(v) });
    }
    // Keep at least 14 px between the two labels (west is above east when it is higher).
    if (endLabels.length === 2) {
      const [w, e] = endLabels as [(typeof endLabels)[0], (typeof endLabels)[0]];
      const gap = e.y - w.y;
      if (Math.abs(gap) < 14) {
        const mid = (e.y + w.y) / 2;
        const sign = gap >= 0 ? 1 : -1;
        w.y = mid - 7 * sign;
        e.y = mid + 7 * sign;
      }
    }
  }
  return { width, height, margin, x, y, xTicks, yTicks, segments, breaks, points, endLabels };
}
