import { useTranslation } from 'react-i18next';
import { metricDef, ranks } from '../domain/metrics';
import { choroplethOf, effectiveYear } from '../state/selectors';
import { store, useStore } from '../state/store';
import { formatValue } from '../i18n/format';
import { Panel } from './Panel';
import { hasUserData } from './import/user-data';
import { UserDataTag } from './import/UserDataTag';
import { sourceLine } from './sources';

/** The choropleth as a table: every polygon with the provinces it includes, its value and rank. */
export function TableView() {
  const { t, i18n } = useTranslation();
  const data = useStore((s) => s.dataset);
  const choropleth = useStore(choroplethOf);
  const year = useStore((s) => effectiveYear(s.dataset, s));
  if (!data || !choropleth) return null;
  const def = metricDef(choropleth.result.metric);
  const { rank } = ranks(choropleth.result.values);
  const rows = data.provinces.polygons
    .map((p) => ({ p, v: choropleth.result.values[p.id]!, r: rank[p.id] ?? null }))
    .sort((a, b) => (a.r ?? 999) - (b.r ?? 999) || a.p.label.localeCompare(b.p.label));
  const metricName = t(`metric.${choropleth.result.metric}`);
  return (
    <Panel title={t('panel.table')} wide>
      <table className="data-table">
        <caption>{t('table.caption', { metric: metricName, year: year ?? '—' })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.rank')}</th>
            <th scope="col">{t('table.polygon')}</th>
            <th scope="col">{t('table.includes')}</th>
            <th scope="col">{t('table.value')}</th>
            <th scope="col">{t('table.source')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ p, v, r }) => (
            <tr
              key={p.id}
              onMouseEnter={() => store.getState().hover(p.id)}
              onMouseLeave={() => store.getState().hover(null)}
            >
              <td>{r ?? '—'}</td>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => store.getState().select(p.id)}>
                  {p.label.split(' incl. ')[0]}
                </button>
              </th>
              <td>
                {p.provinces
                  .map((b) => data.provinces.provinces.find((x) => x.bps === b)?.nameId ?? b)
                  .join(', ')}
              </td>
              <td>
                {v.value === null ? t('tooltip.noData') : formatValue(i18n.language, def.unit, v.value)}
                {v.aggregated ? '*' : ''}
                {hasUserData(data, v.sourceIds) ? <UserDataTag /> : null}
              </td>
              <td className="small">
                {v.value === null ? '' : sourceLine(data, { ...choropleth.result, values: [v] })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">* {t('legend.aggregated')}</p>
    </Panel>
  );
}
