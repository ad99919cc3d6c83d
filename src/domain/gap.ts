/**
 * The east–west digital gap: population-weighted internet use of eastern vs western Indonesia per year,
 * the provinces behind each figure, the gap in percentage points and as a ratio, per-province series, provinces whose
 * class differs between BPS and APJII, and offline people outside every hub's catchment per region.
 *
 * Rules (never silently averaged):
 * - A regional figure is the SP2020-weighted mean over the provinces of the region that have a figure that year.
 *   Every year says how many provinces are behind it, which are missing, and whether coverage is complete.
 * - BPS (Susenas) is published on the 34-province basis (before the 2022 Papua split); weights are the SP2020 census
 *   on that basis. APJII is published on the 38-province basis; SP2020 figures exist there only for provinces whose
 *   territory did not change in 2022 (and Papua Selatan), so a province with an APJII figure but no weight is listed
 *   as `unweighted` and left out of the mean rather than guessed.
 * - An observation on the other basis is used only for a province whose territory is the same on both bases.
 */
import { classify, classOf, type Scheme } from './classify';
import type { MetricContext } from './metrics';
import type { Basis, BpsCode, PolygonId, ProvinceRecord } from './types';

export type GapSource = 'bps' | 'apjii';
/** Which provinces count as eastern Indonesia: BPS's SE2016 usage (incl. Kalimantan) or the 17-province one. */
export type GapGrouping = 'se2016' | 'kti17';
export type Region = 'east' | 'west';
export const REGIONS: readonly Region[] = ['east', 'west'];

/** The metric and province basis each source is published on. */
export const SOURCE_SPEC: Readonly<
  Record<GapSource, { readonly metric: 'internet_use_bps' | 'internet_use_apjii'; readonly basis: Basis }>
> = {
  bps: { metric: 'internet_use_bps', basis: '34' },
  apjii: { metric: 'internet_use_apjii', basis: '38' },
};

/** One region's figure for one year. */
export interface RegionFigure {
  /** Population-weighted mean (percent), or null when no province of the region has a usable figure. */
  readonly value: number | null;
  /** Provinces in the mean. */
  readonly provinces: readonly BpsCode[];
  /** Provinces of the region without a figure this year. */
  readonly missing: readonly BpsCode[];
  /** Provinces with a figure but no SP2020 weight on the source's basis (not in the mean). */
  readonly unweighted: readonly BpsCode[];
  /** Provinces of the region on the source's basis. */
  readonly expected: number;
  /** Sum of the SP2020 weights behind the mean. */
  readonly population: number;
}

export interface GapYear {
  readonly year: number;
  readonly east: RegionFigure;
  readonly west: RegionFigure;
  /** West minus east, in percentage points (null unless both regions have a value). */
  readonly gapPp: number | null;
  /** East ÷ west (null unless both regions have a value). */
  readonly ratio: number | null;
  /** Provinces in the means vs provinces on the basis; `complete` only when every province is in. */
  readonly coverage: { readonly used: number; readonly expected: number; readonly complete: boolean };
  readonly sourceIds: readonly string[];
}

export interface GapSeries {
  readonly source: GapSource;
  readonly basis: Basis;
  readonly grouping: GapGrouping;
  /** Every year with at least one figure, ascending. */
  readonly years: readonly GapYear[];
}

export interface GapChange {
  readonly from: GapYear;
  readonly to: GapYear;
  readonly eastPp: number;
  readonly westPp: number;
  /** Change of the gap in percentage points (positive = wider). */
  readonly gapPp: number;
  /** True when both years have complete coverage (otherwise the change compares different sets of provinces). */
  readonly comparable: boolean;
}

/** Provinces split off in 2022 and the provinces they were split from: their territory differs between the bases. */
function changedIn2022(provinces: readonly ProvinceRecord[]): Set<BpsCode> {
  const changed = new Set<BpsCode>();
  for (const p of provinces)
    if (p.splitYear !== null && p.splitYear >= 2022) {
      changed.add(p.bps);
      if (p.splitFrom !== null) changed.add(p.splitFrom);
    }
  return changed;
}

/**
 * Provinces on a basis: the 38 current ones, or the 34 before the 2022 split (without the provinces created then).
 * @example provincesOn(ctx.provinces.provinces, '34').length // 34
 */
export function provincesOn(provinces: readonly ProvinceRecord[], basis: Basis): ProvinceRecord[] {
  if (basis === '38') return [...provinces];
  return provinces.filter((p) => p.splitYear === null || p.splitYear < 2022);
}

/**
 * Region of a province under a grouping.
 * @example regionOf(bali, 'se2016') // 'east'
 */
export function regionOf(p: ProvinceRecord, grouping: GapGrouping): Region {
  const east = grouping === 'se2016' ? p.ktiSe2016 : p.kti17;
  return east ? 'east' : 'west';
}

/** Figures of one source per year and province on the source's basis (other-basis figures for unchanged provinces). */
function figuresByYear(
  ctx: MetricContext,
  source: GapSource,
): Map<number, Map<BpsCode, { value: number; sourceId: string }>> {
  const { metric, basis } = SOURCE_SPEC[source];
  const changed = changedIn2022(ctx.provinces.provinces);
  const out = new Map<number, Map<BpsCode, { value: number; sourceId: string }>>();
  const own = ctx.stats.observations.filter((o) => o.metric === metric && o.basis === basis);
  const other = ctx.stats.observations.filter(
    (o) => o.metric === metric && o.basis !== basis && !changed.has(o.bps),
  );
  // Own-basis figures first, so they win over the other basis for the same province and year.
  for (const o of [...own, ...other]) {
    let year = out.get(o.year);
    if (!year) out.set(o.year, (year = new Map<BpsCode, { value: number; sourceId: string }>()));
    if (!year.has(o.bps)) year.set(o.bps, { value: o.value, sourceId: o.sourceId });
  }
  return out;
}

function regionFigure(
  members: readonly ProvinceRecord[],
  figures: ReadonlyMap<BpsCode, { value: number }>,
  weights: ReadonlyMap<BpsCode, number>,
): RegionFigure {
  const provinces: BpsCode[] = [];
  const missing: BpsCode[] = [];
  const unweighted: BpsCode[] = [];
  let sum = 0;
  let population = 0;
  for (const p of members) {
    const f = figures.get(p.bps);
    if (!f) {
      missing.push(p.bps);
      continue;
    }
    const w = weights.get(p.bps);
    if (w === undefined || !(w > 0)) {
      unweighted.push(p.bps);
      continue;
    }
    provinces.push(p.bps);
    sum += f.value * w;
    population += w;
  }
  return {
    value: population > 0 ? sum / population : null,
    provinces,
    missing,
    unweighted,
    expected: members.length,
    population,
  };
}

/**
 * The east–west series of one source.
 * @param ctx metric context (provinces, statistics, SP2020 weights)
 * @param source 'bps' (34-province basis) or 'apjii' (38-province basis)
 * @param grouping which provinces count as eastern Indonesia
 * @example gapSeries(ctx, 'bps', 'se2016').years.find((y) => y.year === 2017)?.east.value // ≈ 27.5
 */
export function gapSeries(ctx: MetricContext, source: GapSource, grouping: GapGrouping): GapSeries {
  const { basis } = SOURCE_SPEC[source];
  const universe = provincesOn(ctx.provinces.provinces, basis);
  const members: Record<Region, ProvinceRecord[]> = { east: [], west: [] };
  for (const p of universe) members[regionOf(p, grouping)].push(p);
  const weights = ctx.weights[basis];
  const byYear = figuresByYear(ctx, source);
  const years = [...byYear.keys()]
    .sort((a, b) => a - b)
    .map((year): GapYear => {
      const figures = byYear.get(year)!;
      const east = regionFigure(members.east, figures, weights);
      const west = regionFigure(members.west, figures, weights);
      const e = east.value;
      const w = west.value;
      const used = east.provinces.length + west.provinces.length;
      return {
        year,
        east,
        west,
        gapPp: e !== null && w !== null ? w - e : null,
        ratio: e !== null && w !== null && w > 0 ? e / w : null,
        coverage: { used, expected: universe.length, complete: used === universe.length },
        sourceIds: [...new Set([...figures.values()].map((f) => f.sourceId))].sort(),
      };
    });
  return { source, basis, grouping, years };
}

/**
 * BPS (Susenas) internet use, east vs west, on the 34-province basis with SP2020 weights.
 * @example bpsGap(ctx, 'se2016')
 */
export const bpsGap = (ctx: MetricContext, grouping: GapGrouping): GapSeries =>
  gapSeries(ctx, 'bps', grouping);

/**
 * APJII survey internet use, east vs west, on the 38-province basis. Coverage is partial (APJII figures were cited
 * for some provinces only) and the new Papua provinces have no SP2020 weight: see each year's `coverage`,
 * `missing` and `unweighted`.
 * @example apjiiGap(ctx, 'se2016').years.map((y) => y.coverage.complete) // all false
 */
export const apjiiGap = (ctx: MetricContext, grouping: GapGrouping): GapSeries =>
  gapSeries(ctx, 'apjii', grouping);

/**
 * Change from the first year in which both regions have a value to `year`.
 * @returns null when `year` has no gap or is that first year
 * @example changeSince(bpsGap(ctx, 'se2016'), 2023)?.gapPp // ≈ +1.7 (wider than in 2017)
 */
export function changeSince(series: GapSeries, year: number): GapChange | null {
  const from = series.years.find((y) => y.gapPp !== null);
  const to = series.years.find((y) => y.year === year);
  if (!from || !to || to.gapPp === null || from.year >= to.year) return null;
  return {
    from,
    to,
    eastPp: to.east.value! - from.east.value!,
    westPp: to.west.value! - from.west.value!,
    gapPp: to.gapPp - from.gapPp!,
    comparable: from.coverage.complete && to.coverage.complete,
  };
}

/** One province's figures of one source, for the province chart. */
export interface ProvinceSeries {
  readonly bps: BpsCode;
  readonly name: string;
  readonly polygonId: PolygonId;
  readonly region: Region;
  /** Years with a figure, ascending. */
  readonly points: readonly { readonly year: number; readonly value: number }[];
}

/**
 * Per-province series of a source, for every province on its basis (those without any figure have no points).
 * @example provinceSeries(ctx, 'bps', 'se2016').find((p) => p.bps === 31)?.points[0] // { year: 2017, value: … }
 */
export function provinceSeries(
  ctx: MetricContext,
  source: GapSource,
  grouping: GapGrouping,
): ProvinceSeries[] {
  const byYear = figuresByYear(ctx, source);
  const years = [...byYear.keys()].sort((a, b) => a - b);
  return provincesOn(ctx.provinces.provinces, SOURCE_SPEC[source].basis).map((p) => ({
    bps: p.bps,
    name: p.nameId,
    polygonId: p.polygonId,
    region: regionOf(p, grouping),
    points: years.flatMap((year) => {
      const f = byYear.get(year)!.get(p.bps);
      return f ? [{ year, value: f.value }] : [];
    }),
  }));
}

/** A province classed differently by BPS and APJII in the same year. */
export interface ClassChange {
  readonly bps: BpsCode;
  readonly name: string;
  readonly polygonId: PolygonId;
  readonly bpsValue: number;
  readonly apjiiValue: number;
  /** 0-based class under each source. */
  readonly bpsClass: number;
  readonly apjiiClass: number;
}

export interface ClassComparison {
  readonly year: number;
  /** Provinces with a figure from both sources on the same territory (the set both classifications run over). */
  readonly compared: readonly BpsCode[];
  readonly changes: readonly ClassChange[];
}

/**
 * Provinces whose class changes between BPS and APJII in a year. Each source is classified (same scheme and number
 * of classes as the map) over the provinces that both sources cover on the same territory, so the difference comes
 * from the figures and not from different sets of provinces.
 * @returns null when the year lacks figures from either source for at least two common provinces
 * @example classChanges(ctx, 2023, 'quantile', 5)?.changes.map((c) => c.name)
 */
export function classChanges(
  ctx: MetricContext,
  year: number,
  scheme: Scheme,
  k: number,
): ClassComparison | null {
  const bps = figuresByYear(ctx, 'bps').get(year);
  const apjii = figuresByYear(ctx, 'apjii').get(year);
  if (!bps || !apjii) return null;
  const changed = changedIn2022(ctx.provinces.provinces);
  const common = ctx.provinces.provinces.filter(
    (p) => !changed.has(p.bps) && bps.has(p.bps) && apjii.has(p.bps),
  );
  if (common.length < 2) return null;
  const b = common.map((p) => bps.get(p.bps)!.value);
  const a = common.map((p) => apjii.get(p.bps)!.value);
  const cb = classify(b, scheme, k);
  const ca = classify(a, scheme, k);
  if (!cb || !ca) return null;
  const changes = common.flatMap((p, i): ClassChange[] => {
    const bpsClass = classOf(cb, b[i]!);
    const apjiiClass = classOf(ca, a[i]!);
    return bpsClass === apjiiClass
      ? []
      : [
          {
            bps: p.bps,
            name: p.nameId,
            polygonId: p.polygonId,
            bpsValue: b[i]!,
            apjiiValue: a[i]!,
            bpsClass,
            apjiiClass,
          },
        ];
  });
  return { year, compared: common.map((p) => p.bps), changes };
}

export interface RegionReach {
  /** Offline people (estimate) in the region. */
  readonly offline: number;
  /** Of those, people outside every hub's catchment (offline × (1 − coverage weight) per cell). */
  readonly outside: number;
}

/**
 * Underserved (offline) people per region who are not inside any hub's catchment.
 * @param offline offline people per population cell (`selectOffline(data).demand.values`)
 * @param covered reach weight (0..1) of the best hub per cell (`selectCoverage(…).covered`)
 * @param cellPolygon polygon id of each cell
 * @param isEast per polygon: is it in eastern Indonesia under the grouping
 * @example underservedByRegion(offline, covered, data.cells.polygon, data.isEast.se2016).east.outside
 */
export function underservedByRegion(
  offline: ArrayLike<number>,
  covered: ArrayLike<number>,
  cellPolygon: ArrayLike<number>,
  isEast: readonly boolean[],
): Readonly<Record<Region, RegionReach>> {
  const acc = { east: { offline: 0, outside: 0 }, west: { offline: 0, outside: 0 } };
  for (let c = 0; c < offline.length; c++) {
    const r = isEast[cellPolygon[c]!] ? acc.east : acc.west;
    const o = offline[c]!;
    r.offline += o;
    r.outside += o * (1 - (covered[c] ?? 0));
  }
  return acc;
}
