import { useTranslation } from 'react-i18next';
import { metricDef } from '../domain/metrics';
import { choroplethOf, effectiveYear, NO_DATA_COLOUR } from '../state/selectors';
import { store, useStore } from '../state/store';
import { formatRange } from '../i18n/format';
import { hasUserData } from './import/user-data';
import { UserDataTag } from './import/UserDataTag';
import { sourceLine } from './sources';

/** Class ranges with units, no-data swatch, source and year; estimates say so and link to their method. */
export function Legend() {
  const { t, i18n } = useTranslation();
  const choropleth = useStore(choroplethOf);
  const year = useStore((s) => effectiveYear(s.dataset, s));
  const data = useStore((s) => s.dataset);
  const hubCount = useStore((s) => s.hubs.length);
  const statusText = useStore((s) => [...new Set(s.hubs.map((h) => h.status))].join(','));
  const statuses = new Set(statusText.split(','));
  if (!choropleth || !data) return null;
  const { result, classes, colours } = choropleth;
  const def = metricDef(result.metric);
  const lng = i18n.language;
  const hasNoData = result.values.some((v) => v.value === null);
  const userData = hasUserData(
    data,
    result.values.flatMap((v) => v.sourceIds),
  );
  return (
    <section className="legend" aria-label={t('legend.title')}>
      <h2>
        {t(`metric.${result.metric}`)}
        {year !== null ? ` · ${year}` : ''}
      </h2>
      {def.estimate ? (
        <p className="estimate-note">
          <span className="tag tag-estimate">{t('legend.estimate')}</span>{' '}
          {result.metric === 'facebook_users' && result.facebookShare
            ? t('legend.facebookNote', {
                share: result.facebookShare.value,
                year: result.facebookShare.year,
                context: result.facebookShare.definition,
              })
            : result.metric === 'training_coverage'
              ? t('legend.coverageNote', { count: hubCount })
              : result.metric === 'internet_users'
                ? t('legend.usersNote')
                : result.metric === 'offline_population'
                  ? t('legend.offlineNote')
                  : null}{' '}
          <button type="button" className="link-button" onClick={() => store.getState().openPanel('about')}>
            {t('legend.method')}
          </button>
        </p>
      ) : null}
      <ul className="legend-classes">
        {classes
          ? colours.map((c, i) => (
              <li key={c}>
                <i className="swatch" style={{ background: c }} />
                {formatRange(lng, def.unit, classes.bounds[i]!, classes.bounds[i + 1]!)}
              </li>
            ))
          : null}
        {hasNoData ? (
          <li>
            <i className="swatch swatch-hatch" style={{ background: NO_DATA_COLOUR }} />
            {t('legend.noData')}
          </li>
        ) : null}
      </ul>
      {hubCount > 0 ? (
        <ul className="legend-hubs" aria-label={t('legend.hubsTitle')}>
          {(['held', 'planned', 'added'] as const)
            .filter((st) => statuses.has(st))
            .map((st) => (
              <li key={st}>
                <i className={`legend-hub hub-${st}`} aria-hidden="true" />
                {t(`legend.hub.${st}`)}
              </li>
            ))}
          <li>
            <i className="legend-zone" aria-hidden="true" />
            {t('legend.catchment')}
          </li>
        </ul>
      ) : null}
      <p className="legend-source">
        {t('legend.source')}: {sourceLine(data, result)}
        {userData ? <UserDataTag /> : null}
      </p>
    </section>
  );
}
