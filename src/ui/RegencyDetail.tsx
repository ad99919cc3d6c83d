import { useTranslation } from 'react-i18next';
import type { Dataset } from '../data/dataset';
import { density } from '../map/layers/regencies';
import { formatNumber, formatValue } from '../i18n/format';

/** A regency's figures with their sources, at the top of the province detail panel. */
export function RegencyDetail({ data, index }: { data: Dataset; index: number }) {
  const { t, i18n } = useTranslation();
  const r = data.regencies.regencies[index];
  if (!r) return null;
  const lng = i18n.language;
  const d = density(r);
  const source = (id: string) => data.regencies.sources.find((s) => s.id === id);
  const cited = [
    data.regencies.sourceIds.sp2020,
    ...(r.pop2020Basis === 'sp2020' ? [] : [data.regencies.sourceIds.registered2024]),
    data.regencies.sourceIds.area,
    data.regencies.sourceIds.tertinggal,
    data.regencies.sourceIds.outermost,
    'reg-boundaries',
  ].flatMap((id) => {
    const s = source(id);
    return s ? [s] : [];
  });
  const seat = data.places.name[r.seat];
  return (
    <section className="regency-detail" aria-label={t('regency.title')}>
      <h3>
        {r.name} <span className="muted">({t(`regency.kind.${r.kind}`)})</span>
      </h3>
      <table className="data-table">
        <tbody>
          <tr>
            <th scope="row">{t('regency.pop2020')}</th>
            <td>
              {formatValue(lng, 'people', r.pop2020)}
              {r.pop2020Basis === 'sp2020' ? null : (
                <span className="tag tag-estimate">{t('legend.estimate')}</span>
              )}
              <div className="muted small">{t(`regency.basis.${r.pop2020Basis}`)}</div>
            </td>
          </tr>
          <tr>
            <th scope="row">{t('regency.density')}</th>
            <td>
              {d === null
                ? t('tooltip.noData')
                : t('regency.perKm2', { value: formatNumber(lng, d, d < 10 ? 1 : 0) })}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('regency.area')}</th>
            <td>{r.areaKm2 === null ? t('tooltip.noData') : `${formatNumber(lng, r.areaKm2, 0)} km²`}</td>
          </tr>
          <tr>
            <th scope="row">{t('regency.registered')}</th>
            <td>
              {formatValue(lng, 'people', r.registered2024)}
              <div className="muted small">{t('regency.registeredNote')}</div>
            </td>
          </tr>
          <tr>
            <th scope="row">{t('regency.tertinggal')}</th>
            <td>{r.tertinggal ? t('regency.yes') : t('regency.no')}</td>
          </tr>
          <tr>
            <th scope="row">{t('regency.outermost')}</th>
            <td>{formatNumber(lng, r.outermostIslands, 0)}</td>
          </tr>
          <tr>
            <th scope="row">{t('regency.seat')}</th>
            <td>
              {seat ?? t('tooltip.noData')}
              {r.seatBasis === 'gazetteer' ? null : (
                <div className="muted small">{t(`regency.seatBasis.${r.seatBasis}`)}</div>
              )}
            </td>
          </tr>
        </tbody>
      </table>
      <p className="muted small">
        {t('regency.sources')}:{' '}
        {cited.map((s, i) => (
          <span key={s.id}>
            {i > 0 ? '; ' : ''}
            {s.org}, {s.title}
          </span>
        ))}
        {r.pop2020Url ? (
          <>
            {'. '}
            {t('regency.readAt')}{' '}
            <a href={r.pop2020Url} target="_blank" rel="noreferrer noopener">
              {new URL(r.pop2020Url).hostname}
            </a>
          </>
        ) : null}
      </p>
    </section>
  );
}
