/** Is a value's source the user's own data? Used by the legend, tooltip and table to say so. */
import type { Dataset } from '../../data/dataset';

/**
 * @param data the dataset (its sources say which are user data)
 * @param sourceIds the sources behind one value, or behind every value of a metric
 * @example hasUserData(data, ['user-1']) // true after an import
 */
export function hasUserData(data: Dataset, sourceIds: Iterable<string>): boolean {
  const user = new Set(data.stats.sources.filter((s) => s.user === true).map((s) => s.id));
  if (user.size === 0) return false;
  for (const id of sourceIds) if (user.has(id)) return true;
  return false;
}
