import { useTranslation } from 'react-i18next';
import type { NationalObservation, SourceRecord } from '../domain/types';
import { useStore } from '../state/store';
import { formatDate, formatNumber } from '../i18n/format';
import { UserDataTag } from './import/UserDataTag';
import { Panel } from './Panel';

/** The date of a source as the reader's language writes it (a full date), else its year. */
function when(lng: string, s: SourceRecord): string | null {
  if (s.date && /^\d{4}-\d{2}-\d{2}$/.test(s.date)) return formatDate(lng, s.date);
  return s.year !== null ? String(s.year) : (s.date ?? null);
}

/**
 * One citation, publisher first: "BPS, Statistik Telekomunikasi Indonesia 2023 (2023) · read at Katadata Databoks".
 * The publication is linked only when it has its own page (publisher, Wikipedia or news outlet); any other place the
 * figure was read is labelled "read at".
 */
function Citation({ s }: { s: SourceRecord }) {
  const { t, i18n } = useTranslation();
  const date = when(i18n.language, s);
  return (
    <>
      <span className="muted">[{s.id}]</span> <strong className="source-org">{s.org}</strong>,{' '}
      {s.url ? (
        <a href={s.url} target="_blank" rel="noreferrer noopener">
          <cite>{s.title}</cite>
        </a>
      ) : (
        <cite>{s.title}</cite>
      )}
      {date ? ` (${date})` : ''}
      {s.readAt ? (
        <>
          {' · '}
          {t('about.readAt')}{' '}
          <a className="read-at" href={s.readAt.url} target="_blank" rel="noreferrer noopener">
            {s.readAt.label}
          </a>
        </>
      ) : null}
      {!s.url && !s.readAt && !s.user ? <span className="muted"> · {t('about.noLink')}</span> : null}
      {s.weak ? (
        <span className="tag tag-weak">
          {t(s.weak === 'blog' ? 'about.weakBlog' : 'about.weakAggregator')}
        </span>
      ) : null}
      {s.user ? <UserDataTag /> : null}
      {s.note ? <div className="muted small">{s.note}</div> : null}
    </>
  );
}

/** Order of the national figures: by measure, then year. */
const NATIONAL_ORDER: readonly NationalObservation['metric'][] = [
  'internet_use_bps',
  'ip_tik',
  'facebook_share_of_internet_users',
  'facebook_users_reported',
  'msme_total',
  'population',
];

/** The i18n key naming a national figure, with its definition where the measure has several. */
const nationalKey = (n: NationalObservation) =>
  `about.national.${n.metric}${n.definition ? `_${n.definition}` : ''}`;

/**
 * National figures as cited, each with what it counts and its source: shares, the ICT index, and the reported
 * counts of Facebook users (which count different things: users, monthly active users, accounts).
 */
function NationalFigures() {
  const { t, i18n } = useTranslation();
  const data = useStore((s) => s.dataset);
  if (!data) return null;
  const lng = i18n.language;
  const rows = [...data.stats.national].sort(
    (a, b) =>
      NATIONAL_ORDER.indexOf(a.metric) - NATIONAL_ORDER.indexOf(b.metric) ||
      (a.definition ?? '').localeCompare(b.definition ?? '') ||
      a.year - b.year,
  );
  /** As published: as many decimals as the cited figure has. */
  const num = (v: number) => formatNumber(lng, v, (String(v).split('.')[1] ?? '').length);
  const value = (n: NationalObservation) => {
    const v =
      n.metric === 'facebook_users_reported'
        ? t('about.millions', { value: num(n.value) })
        : n.metric === 'ip_tik' || n.metric === 'msme_total' || n.metric === 'population'
          ? num(n.value)
          : `${num(n.value)}%`;
    if (n.moreThan) return t('about.moreThan', { value: v });
    return n.note?.includes('"about"') ? t('about.approx', { value: v }) : v;
  };
  return (
    <table className="data-table national-figures">
      <caption>{t('about.nationalCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('about.nationalFigure')}</th>
          <th scope="col">{t('year.label')}</th>
          <th scope="col">{t('table.value')}</th>
          <th scope="col">{t('table.source')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((n) => (
          <tr key={`${n.metric}-${n.definition ?? ''}-${n.year}-${n.sourceId}`}>
            <th scope="row">{t(nationalKey(n))}</th>
            <td>{n.year}</td>
            <td className="num">{value(n)}</td>
            <td>
              <a href={`#source-${n.sourceId}`}>
                {data.stats.sources.find((s) => s.id === n.sourceId)?.org ?? n.sourceId}
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every source with its link and year, the method of each estimate, and the known caveats. */
export function AboutPanel() {
  const { t } = useTranslation();
  const data = useStore((s) => s.dataset);
  if (!data) return null;
  const sources = [...data.stats.sources].sort(
    (a, b) => a.org.localeCompare(b.org) || (a.year ?? 0) - (b.year ?? 0) || a.id.localeCompare(b.id),
  );
  return (
    <Panel title={t('about.title')} wide>
      <h3 id="definitions">{t('about.definitions')}</h3>
      <ul>
        <li>{t('about.defBps')}</li>
        <li>{t('about.defApjii')}</li>
        <li>{t('about.defFacebook')}</li>
        <li>{t('about.defIpTik')}</li>
        <li>{t('about.defCampaign')}</li>
      </ul>
      <h3 id="national">{t('about.nationalTitle')}</h3>
      <NationalFigures />
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
            <Citation s={s} />
          </li>
        ))}
      </ul>
      <p className="muted small">{t('about.attribution')}</p>
    </Panel>
  );
}
