/**
 * What the exported image says: title, legend, source line and the stamped assumptions (metric, year,
 * catchment rule, hubs, demand formula), from the store's state. Pure apart from the translation function.
 */
import type { TFunction } from 'i18next';
import { metricDef } from '../domain/metrics';
import type { ExportScale } from '../map/export-layout';
import type { ExportSpec } from '../map/export';
import { choroplethOf, effectiveYear, NO_DATA_COLOUR } from '../state/selectors';
import type { Store } from '../state/store';
import { formatDate, formatNumber, formatRange } from '../i18n/format';
import { demandParts } from './simulate/words';
import { sourceLine } from './sources';

/**
 * @param s The store's state (dataset loaded).
 * @param t i18next's `t`.
 * @param locale Number and date format locale.
 * @param scale 1× or 2×.
 * @param today Export date (YYYY-MM-DD, the local day) stamped under the title in the locale's words.
 * @returns null while the data is loading.
 */
export function buildExportSpec(
  s: Store,
  t: TFunction,
  locale: string,
  scale: ExportScale,
  today: string,
): ExportSpec | null {
  const data = s.dataset;
  const choropleth = choroplethOf(s);
  if (!data || !choropleth) return null;
  const { result, classes, colours } = choropleth;
  const def = metricDef(result.metric);
  const year = effectiveYear(data, s);
  const metricLabel = t(`metric.${result.metric}`);

  const legend = classes
    ? colours.map((colour, i) => ({
        colour,
        label: formatRange(locale, def.unit, classes.bounds[i]!, classes.bounds[i + 1]!),
      }))
    : [];
  if (result.values.some((v) => v.value === null))
    legend.push({
      colour: NO_DATA_COLOUR,
      label: t('legend.noData'),
      hatch: true,
    } as (typeof legend)[number]);
  const legendNote = !def.estimate
    ? null
    : result.metric === 'facebook_users' && result.facebookShare
      ? `${t('legend.estimate')}: ${t('legend.facebookNote', { share: result.facebookShare.value, year: result.facebookShare.year, context: result.facebookShare.definition })}`
      : result.metric === 'training_coverage'
        ? `${t('legend.estimate')}: ${t('legend.coverageNote', { count: s.hubs.length })}`
        : result.metric === 'internet_users' || result.metric === 'offline_population'
          ? `${t('legend.estimate')}: ${t(result.metric === 'internet_users' ? 'legend.usersNote' : 'legend.offlineNote')}`
          : t('legend.estimate');

  const rule = [t('briefing.image.catchment', { radius: s.rule.radiusKm })];
  if (s.rule.sameIslandOnly) rule.push(t('briefing.image.sameIsland'));
  else rule.push(t('briefing.image.seaCrossing', { km: s.rule.seaCrossingKm }));
  if (s.rule.decayEdge < 1)
    rule.push(t('briefing.image.decay', { percent: formatNumber(locale, s.rule.decayEdge * 100) }));
  const assumptions = [
    t('briefing.image.metric', {
      metric: def.estimate ? `${metricLabel} (${t('briefing.image.estimate')})` : metricLabel,
    }),
    year === null ? t('briefing.image.noYear') : t('briefing.image.year', { year }),
    rule.join(', '),
    t('briefing.image.hubs', { count: s.hubs.length }),
  ];

  return {
    scale,
    title: year === null ? metricLabel : `${metricLabel} · ${year}`,
    subtitle: t('briefing.image.made', { date: formatDate(locale, today, 'long') }),
    legend,
    legendNote,
    footer: [
      t('briefing.image.source', { line: sourceLine(data, result) }),
      `${t('briefing.image.assumptions')}: ${assumptions.join(' · ')}`,
      t('briefing.image.demand', {
        formula: demandParts(t, locale, s.demand)
          .map((p) => (p.power ? `${p.text}^${p.power}` : p.text))
          .join(' × '),
      }),
    ],
    labels: data.provinces.polygons.map((g) => ({
      text: g.label.split(' incl. ')[0] ?? g.label,
      lon: g.labelAt[0],
      lat: g.labelAt[1],
    })),
    hubs: s.hubs.map((h) => ({ lon: h.lon, lat: h.lat, status: h.status })),
  };
}

/** e.g. `jangkau-internet_use_bps-2023-2x.png`. */
export function exportFileName(s: Pick<Store, 'metric' | 'dataset' | 'year'>, scale: ExportScale): string {
  const year = effectiveYear(s.dataset, s);
  return `jangkau-${s.metric}${year === null ? '' : `-${year}`}-${scale}x.png`;
}
