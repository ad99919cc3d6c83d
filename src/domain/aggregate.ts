/**
 * Aggregating province observations onto boundary polygons.
 * The embedded polygons are the 38 current provinces; an imported polygon may hold several provinces: counts are
 * summed, percentages are population-weighted, and the result is marked as aggregated. A polygon gets a value
 * only when every province it holds (on the observation's basis) has one. The exception is a figure on the
 * 34-province basis of a province split in 2022 (Papua, Papua Barat): it describes the pre-split area, so it is
 * drawn over every polygon of that area, marked `widerArea`, never presented as the new province's own figure.
 */
import type {
  Basis,
  BpsCode,
  MetricId,
  Observation,
  PolygonId,
  PolygonRecord,
  ProvinceRecord,
} from './types';

export type MetricKind = 'count' | 'percent';

export const METRIC_KIND: Readonly<Record<MetricId, MetricKind>> = {
  population: 'count',
  internet_use_bps: 'percent',
  internet_use_apjii: 'percent',
  households_internet: 'percent',
  msme_total: 'count',
  msme_umk: 'count',
  // A 0–10 index: combined over several provinces like a share (population-weighted), never summed.
  ip_tik: 'percent',
};

export interface PolygonValue {
  readonly polygonId: PolygonId;
  /** null = no data. */
  readonly value: number | null;
  /** True when the value combines more than one province. */
  readonly aggregated: boolean;
  readonly basis: Basis | null;
  readonly sourceIds: readonly string[];
  /** Provinces (on the chosen basis) that lack a value, when value is null. */
  readonly missing: readonly BpsCode[];
  readonly notes: readonly string[];
  /**
   * Set when the figure is a 34-province figure of the province this polygon was split from in 2022: it describes
   * that wider area (e.g. "figure for Papua before the 2022 split") and is drawn over each of its polygons.
   */
  readonly widerArea?: BpsCode;
}

/** Population weights per basis, for percentages over several provinces. */
export interface Weights {
  readonly '34': ReadonlyMap<BpsCode, number>;
  readonly '38': ReadonlyMap<BpsCode, number>;
}

/**
 * @param observations observations of one metric and one year
 * @param polygons the boundary polygons
 * @param weights population weights per basis
 * @param provinces the province records: when given, a polygon whose provinces all come from one province split
 *   in 2022 shows that province's 34-basis figure, marked with `widerArea`, where it has no figure of its own
 * @example aggregateToPolygons(obs.filter(o => o.metric === 'internet_use_bps' && o.year === 2023), polygons, weights)
 */
export function aggregateToPolygons(
  observations: readonly Observation[],
  polygons: readonly PolygonRecord[],
  weights: Weights,
  provinces?: readonly ProvinceRecord[],
): PolygonValue[] {
  const metric = observations[0]?.metric;
  const kind: MetricKind = metric ? METRIC_KIND[metric] : 'count';
  const byBasis: Record<Basis, Map<BpsCode, Observation>> = { '34': new Map(), '38': new Map() };
  for (const o of observations) byBasis[o.basis].set(o.bps, o);

  return polygons.map((p): PolygonValue => {
    const candidates: [Basis, readonly BpsCode[]][] = [
      ['34', p.provinces34],
      ['38', p.provinces],
    ];
    candidates.sort((a, b) => a[1].length - b[1].length);
    let bestMissing: BpsCode[] = [...p.provinces];
    const notes: string[] = [];
    for (const [basis, members] of candidates) {
      // A polygon can have no province on a basis (e.g. an imported Papua Selatan on the 34 list): no value.
      if (members.length === 0) continue;
      const found = members.map((b) => byBasis[basis].get(b));
      const missing = members.filter((_, i) => found[i] === undefined);
      if (missing.length > 0) {
        if (found.some((f) => f !== undefined) && missing.length < bestMissing.length) bestMissing = missing;
        continue;
      }
      const obs = found as Observation[];
      const sourceIds = [...new Set(obs.map((o) => o.sourceId))];
      const obsNotes = [...new Set(obs.flatMap((o) => (o.note ? [o.note] : [])))];
      if (obs.length === 1) {
        return {
          polygonId: p.id,
          value: obs[0]!.value,
          aggregated: false,
          basis,
          sourceIds,
          missing: [],
          notes: obsNotes,
        };
      }
      if (kind === 'count') {
        const value = obs.reduce((s, o) => s + o.value, 0);
        return { polygonId: p.id, value, aggregated: true, basis, sourceIds, missing: [], notes: obsNotes };
      }
      const w = obs.map((o) => weights[basis].get(o.bps));
      if (w.some((x) => x === undefined || x <= 0)) {
        notes.push(
          `no population weights on the ${basis}-province basis to combine ${members.length} provinces`,
        );
        continue;
      }
      const total = (w as number[]).reduce((a, b) => a + b, 0);
      const value = obs.reduce((s, o, i) => s + (o.value * (w[i] as number)) / total, 0);
      return { polygonId: p.id, value, aggregated: true, basis, sourceIds, missing: [], notes: obsNotes };
    }
    const root = provinces ? splitRoot(p, provinces) : null;
    const wide = root === null ? undefined : byBasis['34'].get(root);
    if (root !== null && wide)
      return {
        polygonId: p.id,
        value: wide.value,
        aggregated: false,
        basis: '34',
        sourceIds: [wide.sourceId],
        missing: [],
        notes: wide.note ? [wide.note] : [],
        widerArea: root,
      };
    return {
      polygonId: p.id,
      value: null,
      aggregated: false,
      basis: null,
      sourceIds: [],
      missing: bestMissing,
      notes,
    };
  });
}

/**
 * The province on the 34-province basis that all of a polygon's provinces come from by the 2022 split, when the
 * polygon is part of it but not the whole of it (Papua Selatan -> Papua; today's Papua -> Papua); else null.
 */
export function splitRoot(p: PolygonRecord, provinces: readonly ProvinceRecord[]): BpsCode | null {
  const rootOf = (b: BpsCode): BpsCode => {
    const rec = provinces.find((q) => q.bps === b);
    return rec && rec.splitYear !== null && rec.splitYear >= 2022 && rec.splitFrom !== null
      ? rec.splitFrom
      : b;
  };
  const roots = new Set(p.provinces.map(rootOf));
  if (roots.size !== 1 || p.provinces34.length > 0) return null;
  const root = [...roots][0]!;
  const family = provinces.filter((q) => rootOf(q.bps) === root).map((q) => q.bps);
  return family.length > p.provinces.length ? root : null;
}

/**
 * Population weights from the SP2020 census: on the 34-province basis every province; on the 38-province basis
 * only provinces whose territory did not change in 2022 (so the weight describes the same area).
 * @example censusWeights(observations, provinces)
 */
export function censusWeights(
  observations: readonly Observation[],
  changedIn2022: ReadonlySet<BpsCode>,
): Weights {
  const w34 = new Map<BpsCode, number>();
  const w38 = new Map<BpsCode, number>();
  for (const o of observations) {
    if (o.metric !== 'population' || o.year !== 2020) continue;
    if (o.basis === '34') {
      w34.set(o.bps, o.value);
      if (!changedIn2022.has(o.bps)) w38.set(o.bps, o.value);
    } else {
      w38.set(o.bps, o.value);
    }
  }
  return { '34': w34, '38': w38 };
}
