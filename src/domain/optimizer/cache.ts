/**
 * A small cache of catchment lists, so that a re-rank after a hub change reuses them.
 * Keyed by the index and place table (by identity) and the rule (by value). Least recently used goes first.
 */
import type { CatchmentLists, CatchmentRule, CellIndex, PointColumns } from '../catchment';
import { catchmentLists } from '../catchment';

export interface CatchmentCache {
  /** The catchments of `points` under `rule`, built on first use. */
  get(index: CellIndex, points: PointColumns, rule: CatchmentRule): CatchmentLists;
  /** Number of cached entries. */
  readonly size: number;
}

/**
 * A string that is equal for equal rules.
 *
 * @param rule A catchment rule.
 * @returns A cache key.
 * @example
 * ruleKey(DEFAULT_CATCHMENT_RULE); // "50|0|10|1"
 */
export function ruleKey(rule: CatchmentRule): string {
  return `${rule.radiusKm}|${rule.sameIslandOnly ? 1 : 0}|${rule.seaCrossingKm}|${rule.decayEdge}${rule.crossTo === 'smaller' ? '|s' : ''}`;
}

/**
 * Creates an empty cache.
 *
 * @param capacity Entries kept (default 4: the rule in use and the two robustness radii, plus one).
 * @returns The cache.
 * @example
 * const cache = createCatchmentCache();
 * const lists = cache.get(index, places, rule); // built
 * cache.get(index, places, rule) === lists; // true
 */
export function createCatchmentCache(capacity = 4): CatchmentCache {
  let entries: { index: CellIndex; points: PointColumns; key: string; lists: CatchmentLists }[] = [];
  return {
    get(index, points, rule) {
      const key = ruleKey(rule);
      const hit = entries.find((e) => e.index === index && e.points === points && e.key === key);
      if (hit) {
        entries = [hit, ...entries.filter((e) => e !== hit)];
        return hit.lists;
      }
      const lists = catchmentLists(index, points, rule);
      entries = [{ index, points, key, lists }, ...entries].slice(0, capacity);
      return lists;
    },
    get size() {
      return entries.length;
    },
  };
}
