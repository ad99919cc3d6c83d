import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dataset } from '../../data/dataset';
import { catchment } from '../../domain/catchment';
import { has3TFlags, hasPlaceKinds, placeRegency, regenciesOf } from '../../domain/planner/fields';
import { expectedParticipants } from '../../domain/planner/participants';
import { zoneFeatures } from '../../domain/zones';
import { selectInspection, selectPlaceRows } from '../../state/planner-selectors';
import { toRule } from '../../state/selectors';
import { shareYearOf } from '../../state/simulate-selectors';
import type { PlanResultView } from '../../state/slices/results';
import { store } from '../../state/store';
import {
  downloadText,
  planFileName,
  planToFullCsv,
  planToFullGeoJson,
  type CatchmentShape,
  type PlanAssumptions,
  type PlanStopRecord,
} from './plan-export';
import { countUnit, presetSentence, regionText, seaRuleText } from './planner-words';

/** A short, stable description of the data a plan was computed on. */
export function dataVersion(data: Dataset): string {
  return [
    `cells v${data.cellsMeta.version} (${data.cells.count} H3 r${data.cellsMeta.resolution})`,
    `${data.places.id.length} places`,
    `${data.stats.observations.length} observations`,
    `${data.stats.sources.length} sources`,
  ].join('; ');
}

/** The stops as export records (MSMEs within each catchment from the inspector's figures). */
export function stopRecords(data: Dataset, plan: PlanResultView): PlanStopRecord[] {
  const s = store.getState();
  const rows = selectPlaceRows(data);
  const regencies = regenciesOf(data);
  const rate = plan.context?.participationRate ?? null;
  return plan.stops.map((stop) => {
    const row = rows.get(stop.placeId) ?? -1;
    const regency = placeRegency(data.places, row);
    const msmes = selectInspection(s, stop.placeId)?.msmes ?? null;
    return {
      name: stop.name,
      province: data.provinces.polygons[stop.polygon]?.label ?? '',
      regency: regency === null ? null : (regencies?.[regency]?.name ?? null),
      lat: stop.lat,
      lon: stop.lon,
      new_count: stop.count,
      priority_score: stop.gain,
      cumulative_count: plan.stops
        .slice(0, plan.stops.indexOf(stop) + 1)
        .reduce((sum, x) => sum + x.count, 0),
      msmes_within: msmes,
      expected_participants: rate === null ? null : expectedParticipants(msmes, rate),
      robust: stop.robust,
    };
  });
}

/** Downloads with every assumption, the participants estimate, and "Adopt this plan as hubs". */
export function PlanActions({ data, plan }: { data: Dataset; plan: PlanResultView }) {
  const { t } = useTranslation();
  const [dates, setDates] = useState<Record<number, string>>({});
  const [adopted, setAdopted] = useState(false);
  const ctx = plan.context;
  if (!ctx) return null;

  const assumptions = (): PlanAssumptions => ({
    preset: `${ctx.preset}${ctx.edited ? ' (edited)' : ''}`,
    formula: presetSentence(t, {
      demand: plan.demand.settings,
      filter: ctx.filter,
      rule: ctx.rule,
      grouping: ctx.grouping,
      flags: has3TFlags(data.cells),
      kindsInData: hasPlaceKinds(data.places),
    }),
    region: regionText(t, ctx.filter.region, ctx.grouping),
    grouping: ctx.grouping,
    radius_km: ctx.rule.radiusKm,
    sea_rule: seaRuleText(t, ctx.rule),
    share_year: plan.demand.year ?? shareYearOf(store.getState()),
    run_date: ctx.computedAt,
    data_version: dataVersion(data),
    count_unit: countUnit(t, plan.demand.settings, ctx.rule.radiusKm),
    participation_rate: ctx.participationRate,
  });

  const catchments = (): CatchmentShape[] => {
    const rule = toRule(ctx.rule);
    const shape = (lat: number, lon: number, id: string) =>
      zoneFeatures(data.cells, catchment(data.index, { lat, lon }, rule).cells, id, '')[0].geometry;
    return [
      ...plan.stops.map((s, i): CatchmentShape => ({
        name: s.name,
        kind: 'stop',
        stop: i + 1,
        status: null,
        geometry: shape(s.lat, s.lon, `stop-${i + 1}`),
      })),
      ...store.getState().hubs.map((h): CatchmentShape => ({
        name: h.name,
        kind: 'hub',
        stop: null,
        status: h.status,
        geometry: shape(h.lat, h.lon, h.id),
      })),
    ];
  };

  const adopt = () => {
    const s = store.getState();
    for (const [i, stop] of plan.stops.entries())
      s.addHub({ name: stop.name, lat: stop.lat, lon: stop.lon, status: 'planned', date: dates[i] || null });
    setAdopted(true);
  };

  return (
    <>
      <p className="sim-downloads">
        {t('simulate.download')}{' '}
        <button
          type="button"
          className="link-button"
          onClick={() =>
            downloadText(
              planToFullCsv(stopRecords(data, plan), assumptions()),
              'text/csv',
              planFileName(plan, 'csv'),
            )
          }
        >
          {t('simulate.csv')}
        </button>{' '}
        ·{' '}
        <button
          type="button"
          className="link-button"
          onClick={() =>
            downloadText(
              JSON.stringify(planToFullGeoJson(stopRecords(data, plan), assumptions(), catchments())),
              'application/geo+json',
              planFileName(plan, 'geojson'),
            )
          }
        >
          {t('simulate.geojson')}
        </button>{' '}
        <span className="hint small">{t('planner.exportNote')}</span>
      </p>
      <details className="sim-details sim-adopt">
        <summary>{t('planner.adoptTitle')}</summary>
        <div className="sim-details-body">
          <p className="hint small">{t('planner.adoptHint')}</p>
          <ol className="sim-adopt-list">
            {plan.stops.map((stop, i) => (
              <li key={stop.placeId}>
                <label className="field">
                  <span>{stop.name}</span>
                  <input
                    type="date"
                    aria-label={t('planner.dateFor', { name: stop.name })}
                    value={dates[i] ?? ''}
                    onChange={(e) => setDates((d) => ({ ...d, [i]: e.target.value }))}
                  />
                </label>
              </li>
            ))}
          </ol>
          <button type="button" className="primary" onClick={adopt}>
            {t('planner.adopt', { count: plan.stops.length })}
          </button>
          {adopted ? (
            <p className="hint" role="status">
              {t('planner.adopted', { count: plan.stops.length })}
            </p>
          ) : null}
        </div>
      </details>
    </>
  );
}
