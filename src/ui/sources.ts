import type { Dataset } from '../data/dataset';
import { i18next } from '../i18n';
import type { MetricResult } from '../domain/metrics';

/** A provincial BPS office publishes as BPS: the source line names the agency once. */
export const publisherOf = (org: string) => {
  const name = org.split(';')[0]!.trim();
  return name.startsWith('BPS Provinsi ') ? 'BPS' : name;
};

/**
 * Distinct publishers behind a metric's values, e.g. "BPS; Wikipedia". A publisher whose figures here were read only
 * at a blog or an aggregator says so: "BPS (only read at a blog)", or "(some figures only read at a blog)" when that
 * holds for some of them.
 */
export function sourceLine(data: Dataset, result: MetricResult): string {
  if (result.metric === 'training_coverage') return i18next.t('legend.coverageSource');
  const ids = new Set(result.values.flatMap((v) => v.sourceIds));
  const groups = new Map<string, { all: number; blog: number; aggregator: number }>();
  for (const s of data.stats.sources)
    if (ids.has(s.id)) {
      const key = publisherOf(s.org);
      const g = groups.get(key) ?? { all: 0, blog: 0, aggregator: 0 };
      g.all++;
      if (s.weak) g[s.weak]++;
      groups.set(key, g);
    }
  const parts = [...groups].map(([org, g]) => {
    const marks = (['blog', 'aggregator'] as const)
      .filter((k) => g[k] > 0)
      .map((k) =>
        i18next.t(
          g[k] === g.all
            ? k === 'blog'
              ? 'legend.onlyBlog'
              : 'legend.onlyAggregator'
            : k === 'blog'
              ? 'legend.someBlog'
              : 'legend.someAggregator',
        ),
      );
    return marks.length ? `${org} (${marks.join('; ')})` : org;
  });
  return parts.join('; ') || '—';
}
