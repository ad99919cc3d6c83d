import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { Panel } from './Panel';

/** Every source with its link and year, the method of each estimate, and the known caveats. */
export function AboutPanel() {
  const { t } = useTranslation();
  const data = useStore((s) => s.dataset);
  if (!data) return null;
  const sources = [...data.stats.sources].sort(
    (a, b) => a.org.localeCompare(b.org) || (a.year ?? 0) - (b.year ?? 0),
  );
  return (
    <Panel title={t('about.title')} wide>
      <h3 id="methods">{t('about.methods')}</h3>
      <dl className="methods">
        <dt>{t('about.surfaceTitle')}</dt>
        <dd>{t('about.surface')}</dd>
        <dt>{t('about.usersTitle')}</dt>
        <dd>{t('about.users')}</dd>
        <dt>{t('about.facebookTitle')}</dt>
        <dd>{t('about.facebook')}</dd>
        <dt>{t('about.coverageTitle')}</dt>
        <dd>{t('about.coverage')}</dd>
        <dt id="plan-method">{t('about.planTitle')}</dt>
        <dd>{t('about.plan')}</dd>
      </dl>
      <h3>{t('about.caveats')}</h3>
      <ul>
        <li>{t('about.caveat34')}</li>
        <li>{t('about.caveatGaps')}</li>
        <li>{t('about.caveatApjii')}</li>
      </ul>
      <h3>{t('about.sources')}</h3>
      <ul className="sources">
        {sources.map((s) => (
          <li key={s.id} id={`source-${s.id}`}>
            <span className="muted">[{s.id}]</span> {s.org}: {s.title}
            {s.year !== null ? ` (${s.year})` : ''} —{' '}
            <a href={s.url} target="_blank" rel="noreferrer noopener">
              {s.url.replace(/^https?:\/\//, '').slice(0, 60)}
            </a>
          </li>
        ))}
      </ul>
      <p className="muted small">{t('about.attribution')}</p>
    </Panel>
  );
}
