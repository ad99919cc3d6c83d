import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ReachCurve } from '../../charts/reach-curve/ReachCurve';
import { stopsForShare } from '../../charts/reach-curve/scales';
import type { Dataset } from '../../data/dataset';
import { ROBUSTNESS_FACTORS } from '../../domain/optimizer/plan';
import type { PlanResultView } from '../../state/slices/results';
import { formatCompact, formatNumber } from '../../i18n/format';
import { PlanProof } from './PlanProof';
import { PlanActions, stopRecords } from './PlanActions';
import { countUnit } from './planner-words';
import { formatEstimate, formatShare, shortLabel } from './words';

/** The plan: what it reaches, its reach curve, the stops with their marginal gains, and the downloads. */
export function PlanView({ data, plan }: { data: Dataset; plan: PlanResultView }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const radius = plan.radiusKm;
  const unit = countUnit(t, plan.demand.settings, plan.demand.radiusKm);
  // The curve and the summary count heads (the plan's own unit); a weighted score stays in its own column.
  const stops = useMemo(
    () =>
      plan.stops.map((s, i) => ({
        ...s,
        gain: s.count,
        cumulative: plan.stops.slice(0, i + 1).reduce((sum, x) => sum + x.count, 0),
        score: s.gain,
      })),
    [plan],
  );
  const last = stops[stops.length - 1];
  const reach = last?.cumulative ?? 0;
  const weighted = plan.demand.weighted;
  const rate = plan.context?.participationRate ?? null;
  const participants = useMemo(
    () => (rate === null ? null : stopRecords(data, plan).map((r) => r.expected_participants)),
    [data, plan, rate],
  );
  const labels = useMemo(
    () => ({
      xAxis: t('simulate.xAxis'),
      cumulative: t('simulate.cumulative'),
      gain: t('simulate.gain'),
      robust: t('simulate.robust'),
      notRobust: t('simulate.notRobust'),
    }),
    [t],
  );
  if (stops.length === 0) return <p className="hint">{t('simulate.planNone')}</p>;
  const half = stopsForShare(stops, 0.5);
  const [small = 0.75, large = 1.25] = ROBUSTNESS_FACTORS;
  return (
    <>
      <p className="sim-summary">
        {weighted
          ? t('planner.planSummaryWeighted', { stops: stops.length, reach: formatEstimate(lng, reach), unit })
          : t('planner.planSummary', {
              stops: stops.length,
              reach: formatEstimate(lng, reach),
              unit,
              share: formatShare(lng, plan.total > 0 ? reach / plan.total : 0),
              baseline: formatShare(lng, plan.total > 0 ? plan.baseline / plan.total : 0),
            })}{' '}
        {stops.length > 1 ? t('simulate.planHalf', { count: half }) : null}
      </p>
      <PlanProof data={data} plan={plan} />
      {stops.length < plan.k ? (
        <p className="hint">{t('simulate.planShort', { count: stops.length, k: plan.k })}</p>
      ) : null}
      <ReachCurve
        data={stops}
        title={t('simulate.curveTitle', { unit })}
        description={t('simulate.curveDesc', {
          stops: stops.length,
          first: formatEstimate(lng, stops[0]?.gain ?? 0),
          reach: formatEstimate(lng, reach),
        })}
        formatValue={(v) => formatCompact(lng, v)}
        labels={labels}
      />
      <table className="data-table sim-table">
        <caption>{t('simulate.planCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('simulate.col.rank')}
            </th>
            <th scope="col">{t('simulate.col.city')}</th>
            <th scope="col">{t('simulate.col.province')}</th>
            <th scope="col" className="num">
              {t('planner.col.adds', { unit })}
            </th>
            {weighted ? (
              <th scope="col" className="num">
                {t('planner.col.score')}
              </th>
            ) : null}
            {participants ? (
              <th scope="col" className="num">
                {t('planner.col.participants')}
              </th>
            ) : null}
            <th scope="col" className="num">
              {t('simulate.col.cumulative')}
            </th>
            <th scope="col">{t('simulate.col.robust')}</th>
          </tr>
        </thead>
        <tbody>
          {stops.map((s, i) => (
            <tr key={s.placeId}>
              <td className="num">
                <span className={s.robust === false ? 'sim-badge plan unstable' : 'sim-badge plan'}>
                  {i + 1}
                </span>
              </td>
              <th scope="row">{s.name}</th>
              <td title={data.provinces.polygons[s.polygon]?.label}>{shortLabel(data, s.polygon)}</td>
              <td className="num">+{formatEstimate(lng, s.count)}</td>
              {weighted ? <td className="num">{formatEstimate(lng, s.score)}</td> : null}
              {participants ? (
                <td className="num">
                  {participants[i] === null || participants[i] === undefined
                    ? t('planner.noData')
                    : `≈ ${formatEstimate(lng, participants[i] ?? 0)}`}
                </td>
              ) : null}
              <td className="num">{formatEstimate(lng, s.cumulative)}</td>
              <td className="sim-robust">
                {s.robust === null ? '—' : s.robust ? t('simulate.robustYes') : t('simulate.robustNo')}
                {s.robust === false && s.nearestInReruns.length > 0 ? (
                  <span className="sim-alternatives">
                    {s.nearestInReruns
                      .map((a) => {
                        const change = `${a.factor < 1 ? '−' : '+'}${formatNumber(lng, Math.abs(1 - a.factor) * 100)}%`;
                        return a.km < 0.5
                          ? t('simulate.alternativeSame', { change })
                          : t('simulate.alternative', { change, name: a.name, km: formatNumber(lng, a.km) });
                      })
                      .join(' · ')}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint small">
        {plan.robustness
          ? t('simulate.robustNote', {
              small: formatNumber(lng, radius * small),
              large: formatNumber(lng, radius * large),
            })
          : t('simulate.robustOff')}
      </p>
      <PlanActions data={data} plan={plan} />
    </>
  );
}
