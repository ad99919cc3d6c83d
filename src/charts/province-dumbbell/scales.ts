/**
 * Geometry of the province dumbbell chart: provinces ranked by the selected year's value, a dot for the
 * first year with data and one for the selected year, joined by a bar. d3 computes; Dumbbell.tsx renders.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { Region } from '../../domain/gap';

export interface DumbbellDatum {
  /** Stable key (the province's BPS code). */
  readonly key: string;
  readonly label: string;
  /** The map polygon that holds the province (several provinces may share one). */
  readonly polygonId: number;
  readonly region: Region;
  /** First year with data; null (or the same year as `to`) draws a single dot. */
  readonly from: { readonly year: number; readonly value: number } | null;
  readonly to: { readonly year: number; readonly value: number };
  /** Marked, e.g. when the province's class differs between BPS and APJII. */
  readonly flagged?: boolean;
}

export interface DumbbellOptions {
  /** Outer width in px (default 520). */
  readonly width?: number;
  /** Height of one row in px (default 17). */
  readonly rowHeight?: number;
  /** Space for the province names on the left in px (default 178). */
  readonly labelWidth?: number;
  /** Space for the selected year's value on the right in px (default 50). */
  readonly valueWidth?: number;
}

export const DUMBBELL_DEFAULTS = { width: 520, rowHeight: 17, labelWidth: 178, valueWidth: 50 } as const;
/** Room for the key (first line) and the tick labels (second line). */
const TOP = 38;
const BOTTOM = 6;

export interface DumbbellRow {
  readonly datum: DumbbellDatum;
  readonly rank: number;
  readonly y: number;
  /** x of the first-year dot (null: no separate first year). */
  readonly x0: number | null;
  readonly x1: number;
}

export interface DumbbellLayout {
  readonly width: number;
  readonly height: number;
  readonly rowHeight: number;
  readonly labelWidth: number;
  readonly plot: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
  };
  readonly x: ScaleLinear<number, number>;
  readonly ticks: readonly { readonly value: number; readonly x: number }[];
  readonly rows: readonly DumbbellRow[];
}

/**
 * @param data one entry per province with a value in the selected year
 * @example dumbbellLayout([{ key: '31', label: 'DKI Jakarta', polygonId: 10, region: 'west', from: null, to: { year: 2023, value: 84 } }]).rows[0].rank // 1
 */
export function dumbbellLayout(
  data: readonly DumbbellDatum[],
  options: DumbbellOptions = {},
): DumbbellLayout {
  const width = options.width ?? DUMBBELL_DEFAULTS.width;
  const rowHeight = options.rowHeight ?? DUMBBELL_DEFAULTS.rowHeight;
  const labelWidth = options.labelWidth ?? DUMBBELL_DEFAULTS.labelWidth;
  const valueWidth = options.valueWidth ?? DUMBBELL_DEFAULTS.valueWidth;
  const sorted = [...data].sort((a, b) => b.to.value - a.to.value || a.label.localeCompare(b.label));
  const values = sorted.flatMap((d) => (d.from ? [d.from.value, d.to.value] : [d.to.value]));
  const lo = values.length ? Math.min(...values) : 0;
  const hi = values.length ? Math.max(...values) : 100;
  const plot = {
    left: labelWidth,
    right: width - valueWidth,
    top: TOP,
    bottom: TOP + sorted.length * rowHeight,
  };
  const x = scaleLinear()
    .domain([Math.max(0, lo - 3), Math.min(100, hi + 3)])
    .nice(6)
    .range([plot.left + 6, plot.right - 6]);
  const rows = sorted.map((datum, i): DumbbellRow => ({
    datum,
    rank: i + 1,
    y: plot.top + (i + 0.5) * rowHeight,
    x0: datum.from && datum.from.year !== datum.to.year ? x(datum.from.value) : null,
    x1: x(datum.to.value),
  }));
  return {
    width,
    height: plot.bottom + BOTTOM,
    rowHeight,
    labelWidth,
    plot,
    x,
    ticks: x.ticks(6).map((value) => ({ value, x: x(value) })),
    rows,
  };
}
