import { useTranslation } from 'react-i18next';
import { splitRoot } from '../domain/aggregate';
import { METRICS, metricValues, metricYears, seriesDefinition } from '../domain/metrics';
import { selectCoverage } from '../state/selectors';
import { useStore } from '../state/store';
import { formatValue } from '../i18n/format';
import { Panel } from './Panel';
import { RegencyDetail } from './RegencyDetail';

/** All metrics of the selected polygon, with their history, and the provinces it holds. */
export function DetailPanel() {
  const { t, i18n } = useTranslation();
  const data = useStore((s) => s.dataset);
  const selected = useStore((s) => s.selected);
  const coverage = useStore((s) => selectCoverage(s.dataset, s.hubs, s.rule));
  const regency = useStore((s) => s.selectedRegency);
  if (!data || selected === null) return null;
  const polygon = data.provinces.polygons[selected];
  if (!polygon) return null;
  // The province split in 2022 whose pre-split figures this polygon shows (marked †).
  const wider = splitRoot(polygon, data.provinces.provinces);
  const members = polygon.provinces.map((b) => data.provinces.provinces.find((p) => p.bps === b)!);
  const lng = i18n.language;
  return (
    <Panel title={polygon.label}>
      {regency !== null && data.regencies.regencies[regency]?.polygon === selected ? (
        <RegencyDetail data={data} index={regency} />
      ) : null}
      <h3>{t('detail.provinces')}</h3>
      <ul className="plain">
        {members.map((m) => (
          <li key={m.bps}>
            <strong>{m.nameId}</strong> ({m.nameEn}) ·{' '}
            {t('detail.codes', { bps: m.bps, kemendagri: m.kemendagri, iso: m.iso })}
            {m.splitFrom !== null && m.splitYear !== null ? (
              <div className="muted">
                {t('detail.lineage', {
                  name: m.nameId,
                  from: data.provinces.provinces.find((p) => p.bps === m.splitFrom)?.nameId ?? m.splitFrom,
                  year: m.splitYear,
                })}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('detail.metric')}</th>
            <th scope="col">{t('detail.history')}</th>
          </tr>
        </thead>
        <tbody>
          {METRICS.map((m) => {
            const years = m.yearsFrom === null ? [null] : metricYears(data.metrics, m.id);
            const cells = years.map((y) => {
              const v = metricValues(data.metrics, m.id, y, coverage?.byPolygon).values[selected];
              return { y, v, definition: y === null ? null : seriesDefinition(data.stats, m.id, y) };
            });
            return (
              <tr key={m.id}>
                <th scope="row">
                  {t(`metric.${m.id}`)}
                  {m.estimate ? <span className="tag tag-estimate">{t('detail.estimateTag')}</span> : null}
                </th>
                <td>
                  {cells.map(({ y, v, definition }, i) => (
                    <span key={y ?? 'x'} className="history-item">
                      {i > 0 && definition !== cells[i - 1]!.definition ? (
                        <span className="series-break" title={t('detail.seriesBreak')}>
                          ‖ {t('detail.seriesBreak')}
                        </span>
                      ) : null}
                      {y !== null ? <b>{y}: </b> : null}
                      {v?.value === null || v === undefined
                        ? t('tooltip.noData')
                        : formatValue(lng, m.unit, v.value)}
                      {v?.aggregated ? '*' : ''}
                      {v?.widerArea !== undefined ? '†' : ''}
                    </span>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">* {t('legend.aggregated')}</p>
      {wider !== null ? (
        <p className="muted small">
          †{' '}
          {t('tooltip.widerArea', {
            name: data.provinces.provinces.find((p) => p.bps === wider)?.nameId ?? '',
          })}
        </p>
      ) : null}
    </Panel>
  );
}
