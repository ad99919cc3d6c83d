/**
 * Choropleth classification: quantile, equal interval and Jenks natural breaks.
 * Jenks uses Fisher's exact optimal grouping (minimal within-class sum of squares), computed with
 * simple-statistics' `ckmeans` (Wang & Song's dynamic programme, which solves the same objective as Jenks).
 */
import { ckmeans } from 'simple-statistics';

export type Scheme = 'quantile' | 'equal' | 'jenks';
export const SCHEMES: readonly Scheme[] = ['quantile', 'equal', 'jenks'];
export const MIN_CLASSES = 3;
export const MAX_CLASSES = 9;

export interface Classes {
  readonly scheme: Scheme;
  /** Class boundaries, length = classes + 1: [min, b1, …, max]. Class i holds values in [bounds[i], bounds[i+1]). */
  readonly bounds: readonly number[];
  /** Number of classes actually used (fewer than asked when there are fewer distinct values). */
  readonly count: number;
}

/**
 * Class boundaries for the values (nulls and NaN ignored).
 * @param values data values
 * @param scheme classification scheme
 * @param k wanted number of classes (3–9)
 * @example classify([1, 2, 4, 5, 7, 9, 10, 20], 'jenks', 3)?.bounds // [1, 7, 20, 20]: classes [1,7) [7,20) [20,20]
 */
export function classify(values: readonly (number | null)[], scheme: Scheme, k: number): Classes | null {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const distinct = new Set(xs).size;
  const n = Math.max(1, Math.min(Math.round(k), MAX_CLASSES, distinct));
  const min = xs[0]!;
  const max = xs[xs.length - 1]!;
  if (n === 1) return { scheme, bounds: [min, max], count: 1 };
  switch (scheme) {
    case 'equal': {
      const step = (max - min) / n;
      return {
        scheme,
        bounds: Array.from({ length: n + 1 }, (_, i) => (i === n ? max : min + i * step)),
        count: n,
      };
    }
    case 'quantile': {
      const bounds = [min];
      for (let i = 1; i < n; i++) bounds.push(quantileSorted(xs, i / n));
      bounds.push(max);
      return { scheme, bounds: dedupe(bounds), count: dedupe(bounds).length - 1 };
    }
    case 'jenks': {
      const groups = ckmeans(xs, n);
      const bounds = [...groups.map((g) => g[0]!), max];
      return { scheme, bounds, count: groups.length };
    }
    default:
      return scheme satisfies never;
  }
}

/** Linear interpolation quantile of a sorted array (R-7, as d3.quantileSorted). */
function quantileSorted(xs: readonly number[], p: number): number {
  const i = (xs.length - 1) * p;
  const lo = Math.floor(i);
  const a = xs[lo]!;
  const b = xs[Math.min(lo + 1, xs.length - 1)]!;
  return a + (b - a) * (i - lo);
}

function dedupe(bounds: number[]): number[] {
  return bounds.filter((b, i) => i === 0 || b > bounds[i - 1]!);
}

/**
 * Class index of a value (0-based); the maximum falls into the last class.
 * @example classOf({ scheme: 'equal', bounds: [0, 5, 10], count: 2 }, 5) // 1
 */
export function classOf(c: Classes, value: number): number {
  for (let i = c.count - 1; i > 0; i--) if (value >= c.bounds[i]!) return i;
  return 0;
}

/**
 * Classes for a share where most places are at zero (e.g. the share of people inside a hub's catchment): zero is a
 * class of its own and the positive values are classified by `scheme` into the other `k` − 1 classes. Without
 * this, quantiles over mostly zeros collapse into one class and the map shows no variation.
 * @example classifyZeroApart([0, 0, 0, 2, 10, 40], 'quantile', 4).bounds // [0, 2, …, 40]
 */
export function classifyZeroApart(
  values: readonly (number | null)[],
  scheme: Scheme,
  k: number,
): Classes | null {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (!xs.some((v) => v === 0) || !xs.some((v) => v > 0)) return classify(values, scheme, k);
  const rest = classify(
    xs.filter((v) => v > 0),
    scheme,
    Math.max(1, Math.round(k) - 1),
  );
  if (!rest) return classify(values, scheme, k);
  return { scheme, bounds: [0, ...rest.bounds], count: rest.count + 1 };
}
