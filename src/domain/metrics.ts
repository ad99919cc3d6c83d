/**
 * Choropleth metrics: cited figures aggregated onto polygons, and clearly-labelled estimates derived from them.
 */
import { aggregateToPolygons, censusWeights, type PolygonValue, type Weights } from './aggregate';
import type { BpsCode, FacebookShareDefinition, MetricId, ProvincesFile, StatsFile } from './types';

export type ChoroplethMetric =
  | 'internet_use_bps'
  | 'internet_use_apjii'
  | 'internet_users'
  | 'facebook_users'
  | 'offline_population'
  | 'households_internet'
  | 'ip_tik'
  | 'msme_total'
  | 'population'
  | 'training_coverage';

/** `index`: a score on a fixed scale (IP-TIK: 0–10). */
export type Unit = 'percent' | 'people' | 'establishments' | 'index';

export interface MetricDef {
  readonly id: ChoroplethMetric;
  readonly unit: Unit;
  /** True for figures computed by a model rather than cited. */
  readonly estimate: boolean;
  /** The cited metric whose years this metric follows (null: no years). */
  readonly yearsFrom: MetricId | null;
}

export const METRICS: readonly MetricDef[] = [
  { id: 'internet_use_bps', unit: 'percent', estimate: false, yearsFrom: 'internet_use_bps' },
  { id: 'internet_use_apjii', unit: 'percent', estimate: false, yearsFrom: 'internet_use_apjii' },
  { id: 'internet_users', unit: 'people', estimate: true, yearsFrom: 'internet_use_bps' },
  { id: 'facebook_users', unit: 'people', estimate: true, yearsFrom: 'internet_use_bps' },
  { id: 'offline_population', unit: 'people', estimate: true, yearsFrom: 'internet_use_bps' },
  { id: 'households_internet', unit: 'percent', estimate: false, yearsFrom: 'households_internet' },
  { id: 'ip_tik', unit: 'index', estimate: false, yearsFrom: 'ip_tik' },
  { id: 'msme_total', unit: 'establishments', estimate: false, yearsFrom: 'msme_total' },
  { id: 'population', unit: 'people', estimate: false, yearsFrom: 'population' },
  { id: 'training_coverage', unit: 'percent', estimate: true, yearsFrom: null },
];

export const metricDef = (id: ChoroplethMetric): MetricDef => METRICS.find((m) => m.id === id)!;

/** Everything the metric functions need, prepared once from the loaded files. */
export interface MetricContext {
  readonly provinces: ProvincesFile;
  readonly stats: StatsFile;
  readonly weights: Weights;
  /** SP2020 census population per polygon (the basis of the population surface). */
  readonly censusByPolygon: readonly number[];
}

/** @example createMetricContext(provincesFile, statsFile) */
export function createMetricContext(provinces: ProvincesFile, stats: StatsFile): MetricContext {
  const changed = new Set<BpsCode>(
    provinces.provinces.filter((p) => p.splitYear !== null && p.splitYear >= 2022).map((p) => p.splitFrom!),
  );
  const weights = censusWeights(stats.observations, changed);
  const census = aggregateToPolygons(
    stats.observations.filter((o) => o.metric === 'population' && o.year === 2020 && o.basis === '34'),
    provinces.polygons,
    weights,
  );
  // The data build gives each polygon its 2020 residents (its regencies' sum); an imported polygon has the
  // census figure of the provinces it wholly holds, or none.
  const censusByPolygon = provinces.polygons.map((p, i) => p.pop2020 ?? census[i]?.value ?? 0);
  return { provinces, stats, weights, censusByPolygon };
}

/** Years with at least one observation, ascending. */
export function metricYears(ctx: MetricContext, metric: ChoroplethMetric): number[] {
  const from = metricDef(metric).yearsFrom;
  if (from === null) return [];
  return [...new Set(ctx.stats.observations.filter((o) => o.metric === from).map((o) => o.year))].sort(
    (a, b) => a - b,
  );
}

export interface MetricValue extends PolygonValue {
  readonly estimate: boolean;
}

export interface MetricResult {
  readonly metric: ChoroplethMetric;
  readonly year: number | null;
  readonly values: readonly MetricValue[];
  /** For Facebook users: the year, value and definition of the national share used. */
  readonly facebookShare?: FacebookShare;
}

export interface FacebookShare {
  readonly year: number;
  readonly value: number;
  readonly sourceId: string;
  /** Use at all, or the social-media app used most: a different measure, so a break in the series. */
  readonly definition: FacebookShareDefinition;
}

function cited(ctx: MetricContext, metric: MetricId, year: number): PolygonValue[] {
  return aggregateToPolygons(
    ctx.stats.observations.filter((o) => o.metric === metric && o.year === year),
    ctx.provinces.polygons,
    ctx.weights,
    ctx.provinces.provinces,
  );
}

/**
 * The national share of internet users on Facebook for the year nearest to `year` (ties: the later year).
 * @example nearestFacebookShare(stats, 2019) // { year: 2018, value: 80, definition: 'uses', … }
 */
export function nearestFacebookShare(stats: StatsFile, year: number): FacebookShare | undefined {
  const rows = stats.national.filter((n) => n.metric === 'facebook_share_of_internet_users');
  let best: (typeof rows)[number] | undefined;
  for (const r of rows)
    if (
      !best ||
      Math.abs(r.year - year) < Math.abs(best.year - year) ||
      (Math.abs(r.year - year) === Math.abs(best.year - year) && r.year > best.year)
    )
      best = r;
  return best
    ? {
        year: best.year,
        value: best.value,
        sourceId: best.sourceId,
        definition: best.definition === 'most_used' ? 'most_used' : 'uses',
      }
    : undefined;
}

/**
 * What a metric's figure measures in a year, where that varies between years: the Facebook share behind the
 * Facebook-users estimate, or the APJII survey edition. Years with different definitions are a break in the series
 * (drawn and listed apart, never as a trend); null for metrics whose definition is the same every year.
 * @example seriesDefinition(stats, 'facebook_users', 2019) // 'uses'
 * @example seriesDefinition(stats, 'facebook_users', 2023) // 'most_used'
 */
export function seriesDefinition(stats: StatsFile, metric: ChoroplethMetric, year: number): string | null {
  if (metric === 'facebook_users') return nearestFacebookShare(stats, year)?.definition ?? null;
  if (metric !== 'internet_use_apjii') return null;
  const editions = new Set(
    stats.observations.flatMap((o) =>
      o.metric === metric && o.year === year && o.definition ? [o.definition] : [],
    ),
  );
  return editions.size ? [...editions].sort().join(' + ') : null;
}

/**
 * Values of a metric for every polygon.
 * @param coverage share (0..1) of each polygon's estimated population inside hub catchments (training coverage)
 * @example metricValues(ctx, 'internet_use_bps', 2023)
 */
export function metricValues(
  ctx: MetricContext,
  metric: ChoroplethMetric,
  year: number | null,
  coverage?: readonly number[],
): MetricResult {
  const polygons = ctx.provinces.polygons;
  const mark = (vs: readonly PolygonValue[], estimate: boolean): MetricValue[] =>
    vs.map((v) => ({ ...v, estimate }));
  switch (metric) {
    case 'internet_use_bps':
    case 'internet_use_apjii':
    case 'households_internet':
    case 'ip_tik':
    case 'msme_total':
    case 'population':
      return { metric, year, values: mark(year === null ? [] : cited(ctx, metric, year), false) };
    case 'internet_users':
    case 'offline_population':
    case 'facebook_users': {
      const share = year === null ? [] : cited(ctx, 'internet_use_bps', year);
      const fb = year === null ? undefined : nearestFacebookShare(ctx.stats, year);
      const popSource = ctx.stats.observations.find(
        (o) => o.metric === 'population' && o.year === 2020,
      )?.sourceId;
      const values = polygons.map((p, i): MetricValue => {
        const s = share[i];
        const pop = ctx.censusByPolygon[i] ?? 0;
        if (!s || s.value === null || pop <= 0 || (metric === 'facebook_users' && !fb))
          return {
            polygonId: p.id,
            value: null,
            aggregated: false,
            basis: null,
            sourceIds: [],
            missing: s?.missing ?? [],
            notes: s?.notes ?? [],
            estimate: true,
          };
        const users = (pop * s.value) / 100;
        const value =
          metric === 'internet_users'
            ? users
            : metric === 'offline_population'
              ? pop - users
              : (users * fb!.value) / 100;
        const sourceIds = [
          ...(popSource ? [popSource] : []),
          ...s.sourceIds,
          ...(metric === 'facebook_users' && fb ? [fb.sourceId] : []),
        ];
        return {
          polygonId: p.id,
          value: Math.round(value),
          aggregated: s.aggregated,
          basis: s.basis,
          ...(s.widerArea === undefined ? {} : { widerArea: s.widerArea }),
          sourceIds,
          missing: [],
          notes: s.notes,
          estimate: true,
        };
      });
      return { metric, year, values, ...(metric === 'facebook_users' && fb ? { facebookShare: fb } : {}) };
    }
    case 'training_coverage':
      return {
        metric,
        year: null,
        values: polygons.map((p, i) => ({
          polygonId: p.id,
          value: coverage?.[i] === undefined ? null : coverage[i] * 100,
          aggregated: false,
          basis: null,
          sourceIds: [],
          missing: [],
          notes: [],
          estimate: true,
        })),
      };
    default:
      return metric satisfies never;
  }
}

/** Rank (1 = highest) of each polygon among those with data, and the number ranked. */
export function ranks(values: readonly MetricValue[]): { rank: (number | null)[]; of: number } {
  const withData = values.filter((v) => v.value !== null).sort((a, b) => b.value! - a.value!);
  const rank = values.map((v) =>
    v.value === null ? null : withData.findIndex((w) => w.polygonId === v.polygonId) + 1,
  );
  return { rank, of: withData.length };
}

export { type PolygonValue } from './aggregate';
