import { useTranslation } from 'react-i18next';
import type { HoverInfo } from '../map/MapView';
import { metricDef, ranks } from '../domain/metrics';
import { choroplethOf, effectiveYear } from '../state/selectors';
import { useStore } from '../state/store';
import { formatValue } from './format';
import { hasUserData } from './import/user-data';
import { UserDataTag } from './import/UserDataTag';
import { sourceLine } from './sources';

/** Hover tooltip: name (English name too), value with unit, source, year, rank of N. */
export function Tooltip({ hover }: { hover: HoverInfo | null }) {
  const { t, i18n } = useTranslation();
  const data = useStore((s) => s.dataset);
  const choropleth = useStore(choroplethOf);
  const year = useStore((s) => effectiveYear(s.dataset, s));
  if (!hover || !data || !choropleth) return null;
  const polygon = data.provinces.polygons[hover.polygon];
  const v = choropleth.result.values[hover.polygon];
  const regency = hover.regency === undefined ? undefined : data.regencies.regencies[hover.regency];
  if (!polygon || !v) return null;
  const members = polygon.provinces.map((b) => data.provinces.provinces.find((p) => p.bps === b)!);
  const { rank, of } = ranks(choropleth.result.values);
  const def = metricDef(choropleth.result.metric);
  return (
    <div className="tooltip" role="tooltip" style={{ left: hover.x + 14, top: hover.y + 14 }}>
      {regency ? (
        <div>
          <strong>{regency.name}</strong> · {t('regency.pop2020')}:{' '}
          {formatValue(i18n.language, 'people', regency.pop2020)}
          {regency.tertinggal ? ` · ${t('regency.measures.tertinggal')}` : ''}
        </div>
      ) : null}
      <strong>{polygon.label}</strong>
      <div className="muted">{members.map((m) => m.nameEn).join(', ')}</div>
      <div className="tooltip-value">
        {v.value === null ? t('tooltip.noData') : formatValue(i18n.language, def.unit, v.value)}
        {def.estimate ? <span className="tag tag-estimate">{t('legend.estimate')}</span> : null}
        {v.aggregated ? <span className="tag">{t('detail.aggregatedTag')}</span> : null}
        {hasUserData(data, v.sourceIds) ? <UserDataTag /> : null}
      </div>
      {v.widerArea !== undefined ? (
        <div className="muted">
          {t('tooltip.widerArea', {
            name: data.provinces.provinces.find((p) => p.bps === v.widerArea)?.nameId ?? '',
          })}
        </div>
      ) : null}
      {v.value !== null && rank[hover.polygon] ? (
        <div>{t('tooltip.rank', { rank: rank[hover.polygon], of })}</div>
      ) : null}
      <div className="muted">
        {t(`metric.${choropleth.result.metric}`)}
        {year !== null ? ` · ${year}` : ''} · {sourceLine(data, { ...choropleth.result, values: [v] })}
      </div>
    </div>
  );
}
