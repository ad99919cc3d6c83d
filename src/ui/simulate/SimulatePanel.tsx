import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dataset } from '../../data/dataset';
import { optimizerService } from '../../state/optimizer-service';
import type { JobKind } from '../../state/slices/results';
import { store, useStore } from '../../state/store';
import { Panel } from '../Panel';
import { CandidateFilters } from './CandidateFilters';
import { CandidateTable } from './CandidateTable';
import { DemandSection } from './DemandSection';
import { Comparison, Inspector, TownSearch } from './Inspector';
import { ParticipantsSection } from './ParticipantsSection';
import { PlanView } from './PlanView';
import { PresetSection } from './PresetSection';
import { seaRuleText } from './planner-words';
import { RunControls } from './RunControls';

/** "Plan roadshow": demand, candidate filters, ranking and multi-stop plans from the optimiser worker. */
export function SimulatePanel() {
  const { t } = useTranslation();
  const data = useStore((s) => s.dataset);
  // Start the worker and hand it the data as soon as the panel opens, so the first run is quick.
  useEffect(() => {
    optimizerService();
  }, []);
  if (!data) return null;
  return (
    <Panel title={t('simulate.title')} wide>
      <div className="simulate-panel">
        <p className="sim-lede">{t('planner.lede')}</p>
        <PresetSection data={data} />
        <DemandSection data={data} />
        <CandidateFilters data={data} />
        <ParticipantsSection data={data} />
        <RuleLine />
        <RunControls />
        <TownSearch data={data} />
        <Inspector data={data} />
        <Comparison data={data} />
        <Results data={data} />
      </div>
    </Panel>
  );
}

/** The catchment rule the optimiser uses (set in the left-hand controls). */
function RuleLine() {
  const { t } = useTranslation();
  const rule = useStore((s) => s.rule);
  const hubs = useStore((s) => s.hubs.length);
  return (
    <p className="hint sim-rule">
      {t('planner.rule', { radius: rule.radiusKm, sea: seaRuleText(t, rule), hubs })}
    </p>
  );
}

const VIEWS: readonly { view: JobKind; key: string }[] = [
  { view: 'rank', key: 'simulate.viewRank' },
  { view: 'plan', key: 'simulate.viewPlan' },
];

/** The ranking or the plan, with a switch between them when both exist. */
function Results({ data }: { data: Dataset }) {
  const { t } = useTranslation();
  const ranking = useStore((s) => s.ranking);
  const plan = useStore((s) => s.plan);
  const view = useStore((s) => s.resultsView);
  const running = useStore((s) => s.running);
  const rankingStale = useStore((s) => s.rankingStale);
  const planStale = useStore((s) => s.planStale);
  if (!ranking && !plan) return <p className="hint sim-empty">{t('simulate.empty')}</p>;
  const shown: JobKind = view === 'plan' ? (plan ? 'plan' : 'rank') : ranking ? 'rank' : 'plan';
  return (
    <section className="sim-results" aria-label={t('simulate.views')}>
      {ranking && plan ? (
        <div className="segmented sim-tabs" role="tablist" aria-label={t('simulate.views')}>
          {VIEWS.map((v) => (
            <button
              key={v.view}
              type="button"
              role="tab"
              aria-selected={shown === v.view}
              aria-pressed={shown === v.view}
              onClick={() => store.getState().showResults(v.view)}
            >
              {t(v.key)}
            </button>
          ))}
        </div>
      ) : null}
      {shown === 'rank' && ranking ? (
        <>
          {rankingStale ? (
            <p className="hint sim-stale">
              {running === 'rank' ? t('simulate.updating') : t('simulate.staleRank')}
            </p>
          ) : null}
          <CandidateTable data={data} ranking={ranking} />
        </>
      ) : null}
      {shown === 'plan' && plan ? (
        <>
          {planStale ? <p className="hint sim-stale">{t('simulate.stalePlan')}</p> : null}
          <PlanView data={data} plan={plan} />
        </>
      ) : null}
    </section>
  );
}
