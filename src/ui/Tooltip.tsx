import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HoverInfo } from '../map/MapView';
import { metricDef, ranks } from '../domain/metrics';
import { choroplethOf, effectiveYear } from '../state/selectors';
import { useStore } from '../state/store';
import { formatValue } from '../i18n/format';
import { hasUserData } from './import/user-data';
import { UserDataTag } from './import/UserDataTag';
import { sourceLine } from './sources';

/** Gap between the pointer and the tooltip, and between the tooltip and the map's edge (px). */
const OFFSET = 14;
const MARGIN = 6;

/**
 * Where a tooltip of size `box` goes near the pointer: below right of it, flipped left or up where it would leave
 * the area, and always inside it.
 * @example placeTooltip({ x: 990, y: 10 }, { width: 200, height: 80 }, { width: 1000, height: 700 }) // { left: 776, top: 24 }
 */
export function placeTooltip(
  at: { x: number; y: number },
  box: { width: number; height: number },
  area: { width: number; height: number },
): { left: number; top: number } {
  const fit = (p: number, size: number, room: number) => {
    const after = p + OFFSET;
    const before = p - OFFSET - size;
    const v = after + size <= room - MARGIN || before < MARGIN ? after : before;
    return Math.max(MARGIN, Math.min(v, room - MARGIN - size));
  };
  return { left: fit(at.x, box.width, area.width), top: fit(at.y, box.height, area.height) };
}

/** Hover tooltip: name (English name too), value with unit, source, year, rank of N; kept inside the map. */
export function Tooltip({ hover }: { hover: HoverInfo | null }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    const area = el?.offsetParent;
    if (!el || !hover || !area) return;
    const next = placeTooltip(
      hover,
      { width: el.offsetWidth, height: el.offsetHeight },
      { width: area.clientWidth, height: area.clientHeight },
    );
    setPlace((p) => (p && p.left === next.left && p.top === next.top ? p : next));
  }, [hover]);
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
    <div
      ref={ref}
      className="tooltip"
      role="tooltip"
      style={place ? { left: place.left, top: place.top } : { left: hover.x + OFFSET, top: hover.y + OFFSET }}
    >
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
