import type { Dataset } from '../data/dataset';
import { i18next } from '../i18n';
import type { MetricResult } from '../domain/metrics';

/**
 * Distinct publishers behind a metric's values, e.g. "BPS; Wikipedia". A publisher whose figure here was read only
 * at a blog or an aggregator says so: "BPS Provinsi Lampung (only read at a blog)".
 */
export function sourceLine(data: Dataset, result: MetricResult): string {
  if (result.metric === 'training_coverage') return i18next.t('legend.coverageSource');
  const ids = new Set(result.values.flatMap((v) => v.sourceIds));
  const orgs = new Set<string>();
  for (const s of data.stats.sources)
    if (ids.has(s.id)) {
      const org = s.org.split(';')[0]!.trim();
      orgs.add(
        s.weak
          ? `${org} (${i18next.t(s.weak === 'blog' ? 'legend.onlyBlog' : 'legend.onlyAggregator')})`
          : org,
      );
    }
  return [...orgs].join('; ') || '—';
}
