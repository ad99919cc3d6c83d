import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dataset } from '../../data/dataset';
import { TOP_CANDIDATES } from '../../map/layers/candidates';
import type { RankingResult, RankingRow } from '../../state/slices/results';
import { store, useStore } from '../../state/store';
import { formatNumber } from '../format';
import { formatCount, formatEstimate, formatShare, shortLabel } from './words';

type SortKey = 'rank' | 'city' | 'province' | 'gain' | 'share' | 'nearest';
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

/** The ranking as a sortable table, 50 rows at a time, with "Add as next stop" on each row. */
export function CandidateTable({ data, ranking }: { data: Dataset; ranking: RankingResult }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const hubs = useStore((s) => s.hubs.length);
  const [sort, setSort] = useState<Sort>({ key: 'gain', desc: true });
  const [shown, setShown] = useState(PAGE);
  const unit = t(ranking.demand.msme ? 'simulate.unitMsme' : 'simulate.unitPeople');

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

  const add = (r: RankingRow) =>
    store.getState().addHub({ name: r.name, lat: r.lat, lon: r.lon, status: 'added', date: null });

  if (ranking.rows.length === 0) return <p className="hint">{t('simulate.noCandidates')}</p>;
  return (
    <>
      <p className="sim-summary">
        {t('simulate.reachedNow', {
          hubs,
          reached: formatEstimate(lng, ranking.reached),
          total: formatEstimate(lng, ranking.total),
          share: formatShare(lng, ranking.total > 0 ? ranking.reached / ranking.total : 0),
          unit,
        })}{' '}
        {best && best.gain > 0
          ? t('simulate.bestNext', { name: best.name, gain: formatEstimate(lng, best.gain) })
          : t('simulate.noGain', { unit })}{' '}
        {t('simulate.mapNote', {
          count: Math.min(TOP_CANDIDATES, ranking.rows.filter((r) => r.gain > 0).length),
        })}
      </p>
      <div className="sim-table-wrap">
        <table className="data-table sim-table">
          <caption>{t('simulate.caption', { unit })}</caption>
          <thead>
            <tr>
              {header('rank', t('simulate.col.rank'), true)}
              {header('city', t('simulate.col.city'))}
              {header('province', t('simulate.col.province'))}
              {header('gain', t('simulate.col.gain'), true)}
              {header('share', t('simulate.col.share'), true)}
              {header('nearest', t('simulate.col.nearest'), true)}
              <th scope="col" className="sim-action">
                <span className="sim-sr-only">{t('simulate.col.action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((r) => (
              <tr key={r.placeId} className={r.rank <= TOP_CANDIDATES && r.gain > 0 ? 'top' : undefined}>
                <td className="num">
                  {r.rank <= TOP_CANDIDATES && r.gain > 0 ? (
                    <span className="sim-badge">{r.rank}</span>
                  ) : (
                    r.rank
                  )}
                </td>
                <th scope="row">{r.name}</th>
                <td title={data.provinces.polygons[r.polygon]?.label}>{r.province}</td>
                <td className="num" title={formatCount(lng, r.gain)}>
                  {formatEstimate(lng, r.gain)}
                </td>
                <td className="num">{formatShare(lng, r.share)}</td>
                <td className="num">
                  {r.nearestHubKm === null
                    ? t('simulate.noHub')
                    : t('simulate.km', { km: formatNumber(lng, r.nearestHubKm) })}
                </td>
                <td>
                  <button
                    type="button"
                    className="sim-add"
                    aria-label={t('simulate.addStopFor', { name: r.name })}
                    onClick={() => add(r)}
                  >
                    {t('simulate.addStop')}
                  </button>
                </td>
              </tr>
            ))}
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
