/**
 * Merging imported statistics into the dataset's. Imported figures for a metric and year replace
 * the existing ones for the same territory: a 38-province value for Papua replaces the 34-province value of
 * (old) Papua, which covered today's Papua Selatan, Papua Tengah and Papua Pegunungan too; never are two
 * values for overlapping territory kept side by side.
 */
import type { Basis, BpsCode, Observation, ProvinceRecord, SourceRecord, StatsFile } from '../types';

/** Current provinces covered by a province code on a basis. */
export function territory(
  provinces: readonly ProvinceRecord[],
): (basis: Basis, bps: BpsCode) => readonly BpsCode[] {
  const children = new Map<BpsCode, BpsCode[]>();
  for (const p of provinces)
    if (p.splitFrom !== null && p.splitYear !== null && p.splitYear >= 2022)
      children.set(p.splitFrom, [...(children.get(p.splitFrom) ?? []), p.bps]);
  return (basis, bps) => (basis === '38' ? [bps] : [bps, ...(children.get(bps) ?? [])]);
}

/**
 * A new statistics file with the imported observations (tagged with `source`) replacing existing ones of the
 * same metric and year whose territory overlaps. The input is not changed.
 * @param stats the current statistics
 * @param incoming imported observations (their sourceId is replaced by `source.id`)
 * @param source the user-data source record
 * @param provinces the 38 provinces
 * @example mergeObservations(stats, [{ metric: 'internet_use_bps', bps: 11, basis: '34', year: 2024, value: 72.5, sourceId: '' }], source, provinces)
 */
export function mergeObservations(
  stats: StatsFile,
  incoming: readonly Observation[],
  source: SourceRecord,
  provinces: readonly ProvinceRecord[],
): StatsFile {
  const covers = territory(provinces);
  const replaced = new Map<string, Set<BpsCode>>();
  for (const o of incoming) {
    const key = `${o.metric}|${o.year}`;
    const set = replaced.get(key) ?? new Set<BpsCode>();
    for (const b of covers(o.basis, o.bps)) set.add(b);
    replaced.set(key, set);
  }
  const kept = stats.observations.filter((o) => {
    const set = replaced.get(`${o.metric}|${o.year}`);
    return !set || !covers(o.basis, o.bps).some((b) => set.has(b));
  });
  const added = incoming.map((o): Observation => ({ ...o, sourceId: source.id }));
  return { ...stats, sources: [...stats.sources, source], observations: [...kept, ...added] };
}
