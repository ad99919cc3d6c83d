import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dataset } from '../../data/dataset';
import { TOP_CANDIDATES } from '../../map/layers/candidates';
import type { RankingResult, RankingRow } from '../../state/slices/results';
import { store, useStore } from '../../state/store';
import { formatNumber } from '../../i18n/format';
import { countUnit } from './planner-words';
import { formatCount, formatEstimate, formatShare, shortLabel } from './words';

type SortKey = 'rank' | 'city' | 'province' | 'count' | 'gain' | 'share' | 'nearest';
interface Sort {
  readonly key: SortKey;
  readonly desc: boolean;
}
const PAGE = 50;

interface Ranked extends RankingRow {
  readonly rank: number;
  readonly province: string;
}

function compare(key: SortKey, a: Ranked, b: Ranked): number {
  switch (key) {
    case 'rank':
      return a.rank - b.rank;
    case 'city':
      return a.name.localeCompare(b.name);
    case 'province':
      return a.province.localeCompare(b.province) || a.rank - b.rank;
    case 'count':
      return a.count - b.count || b.rank - a.rank;
    case 'gain':
      return a.gain - b.gain || b.rank - a.rank;
    case 'share':
      return a.share - b.share || b.rank - a.rank;
    case 'nearest':
      // No hub (null) sorts as farthest.
      return (a.nearestHubKm ?? Infinity) - (b.nearestHubKm ?? Infinity) || a.rank - b.rank;
    default:
      return key satisfies never;
  }
}

/**
 * The ranking as a sortable table, 50 rows at a time. The headcount keeps its unit ("offline residents within
 * 100 km"); a weighted score is its own column. Pointing at a row draws its catchment; a click inspects it.
 */
export function CandidateTable({ data, ranking }: { data: Dataset; ranking: RankingResult }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const hubs = useStore((s) => s.hubs.length);
  const inspected = useStore((s) => s.inspected);
  const compared = useStore((s) => s.compared);
  const [sort, setSort] = useState<Sort>({ key: 'rank', desc: false });
  const [shown, setShown] = useState(PAGE);
  const info = ranking.demand;
  const unit = countUnit(t, info.settings, info.radiusKm);

  const rows = useMemo(() => {
    const ranked: Ranked[] = ranking.rows.map((r, i) => ({
      ...r,
      rank: i + 1,
      province: shortLabel(data, r.polygon),
    }));
    const sign = sort.desc ? -1 : 1;
    return ranked.sort((a, b) => sign * compare(sort.key, a, b));
  }, [ranking, data, sort]);

  const best = ranking.rows[0];
  const header = (key: SortKey, label: string, numeric = false) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        className={numeric ? 'num' : undefined}
        aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}
      >
        <button
          type="button"
          className="sort-button"
          title={t('simulate.sortBy', { column: label })}
          onClick={() =>
            setSort((s) => ({
              key,
              desc:
                s.key === key
                  ? !s.desc
                  : key !== 'city' && key !== 'province' && key !== 'rank' && key !== 'nearest',
            }))
          }
        >
          {label}
          <span className="sort-arrow" aria-hidden="true">
            {active ? (sort.desc ? '▼' : '▲') : ''}
          </span>
        </button>
      </th>
    );
  };

  const st = store.getState();
  const add = (r: RankingRow) =>
    st.addHub({ name: r.name, lat: r.lat, lon: r.lon, status: 'added', date: null });
  const exclude = (r: RankingRow) => {
    const c = st.constraints;
    if (!c.excluded.includes(r.placeId)) st.setConstraints({ excluded: [...c.excluded, r.placeId] });
    if (st.inspected === r.placeId) st.inspect(null);
  };

  if (ranking.rows.length === 0) return <p className="hint">{t('simulate.noCandidates')}</p>;
  return (
    <>
      <p className="sim-summary" data-testid="ranking-summary">
        {t('planner.reachedNow', {
          hubs,
          reached: formatEstimate(lng, ranking.reached),
          total: formatEstimate(lng, ranking.total),
          share: formatShare(lng, ranking.total > 0 ? ranking.reached / ranking.total : 0),
          unit: countUnit(t, info.settings, null),
        })}{' '}
        {best && best.count > 0
          ? t('planner.bestNext', { name: best.name, count: formatEstimate(lng, best.count), unit })
          : t('simulate.noGain', { unit })}{' '}
        {t('simulate.mapNote', {
          count: Math.min(TOP_CANDIDATES, ranking.rows.filter((r) => r.gain > 0).length),
        })}
      </p>
      {info.weighted ? <p className="hint small">{t('planner.scoreNote')}</p> : null}
      <div className="sim-table-wrap">
        <table className="data-table sim-table">
          <caption>{t('planner.caption', { unit })}</caption>
          <thead>
            <tr>
              {header('rank', t('simulate.col.rank'), true)}
              {header('city', t('planner.col.town'))}
              {header('province', t('simulate.col.province'))}
              {header('count', t('planner.col.count', { unit }), true)}
              {info.weighted ? header('gain', t('planner.col.score'), true) : null}
              {header('share', t('simulate.col.share'), true)}
              {header('nearest', t('simulate.col.nearest'), true)}
              <th scope="col" className="sim-action">
                <span className="sim-sr-only">{t('simulate.col.action')}</span>
              </th>
            </tr>
          </thead>
          <tbody onMouseLeave={() => st.preview(null)}>
            {rows.slice(0, shown).map((r) => {
              const top = r.rank <= TOP_CANDIDATES && r.gain > 0;
              const classes = [top ? 'top' : '', inspected === r.placeId ? 'inspected' : '']
                .filter(Boolean)
                .join(' ');
              return (
                <tr
                  key={r.placeId}
                  className={classes || undefined}
                  aria-selected={inspected === r.placeId}
                  onMouseEnter={() => st.preview(r.placeId)}
                  onClick={(e) => {
                    if ((e.target as HTMLElement).closest('button, input')) return;
                    st.inspect(r.placeId);
                  }}
                >
                  <td className="num">{top ? <span className="sim-badge">{r.rank}</span> : r.rank}</td>
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      aria-label={t('planner.inspectFor', { name: r.name })}
                      onClick={() => st.inspect(r.placeId)}
                      onFocus={() => st.preview(r.placeId)}
                    >
                      {r.name}
                    </button>
                  </th>
                  <td title={data.provinces.polygons[r.polygon]?.label}>{r.province}</td>
                  <td className="num" title={formatCount(lng, r.count)}>
                    {formatEstimate(lng, r.count)}
                  </td>
                  {info.weighted ? (
                    <td className="num" title={formatCount(lng, r.gain)}>
                      {formatEstimate(lng, r.gain)}
                    </td>
                  ) : null}
                  <td className="num">{formatShare(lng, r.share)}</td>
                  <td className="num">
                    {r.nearestHubKm === null
                      ? t('simulate.noHub')
                      : t('simulate.km', { km: formatNumber(lng, r.nearestHubKm) })}
                  </td>
                  <td className="sim-row-actions">
                    <label className="sim-compare" title={t('planner.compareFor', { name: r.name })}>
                      <input
                        type="checkbox"
                        aria-label={t('planner.compareFor', { name: r.name })}
                        checked={compared.includes(r.placeId)}
                        onChange={() => st.toggleCompared(r.placeId)}
                      />
                    </label>
                    <button
                      type="button"
                      className="sim-add"
                      aria-label={t('simulate.addStopFor', { name: r.name })}
                      onClick={() => add(r)}
                    >
                      {t('simulate.addStop')}
                    </button>
                    <button
                      type="button"
                      className="sim-exclude"
                      aria-label={t('planner.excludeFor', { name: r.name })}
                      title={t('planner.excludeFor', { name: r.name })}
                      onClick={() => exclude(r)}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="hint sim-more">
        {t('simulate.showing', {
          shown: formatCount(lng, Math.min(shown, rows.length)),
          total: formatCount(lng, rows.length),
        })}{' '}
        {shown < rows.length ? (
          <button type="button" onClick={() => setShown((n) => n + PAGE)}>
            {t('simulate.showMore', { count: Math.min(PAGE, rows.length - shown) })}
          </button>
        ) : null}
      </p>
    </>
  );
}
