import type { Dataset } from '../data/dataset';
import { i18next } from '../i18n';
import type { MetricResult } from '../domain/metrics';

/** Distinct organisations behind a metric's values, e.g. "BPS (Susenas); Badan Pusat Statistik (BPS)". */
export function sourceLine(data: Dataset, result: MetricResult): string {
  const ids = new Set(result.values.flatMap((v) => v.sourceIds));
  const orgs = new Set<string>();
  for (const s of data.stats.sources) if (ids.has(s.id)) orgs.add(s.org.split(';')[0]!.trim());
  if (result.metric === 'training_coverage') return i18next.t('legend.coverageSource');
  return [...orgs].join('; ') || '—';
}
