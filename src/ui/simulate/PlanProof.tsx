import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dataset } from '../../data/dataset';
import { optimizerData, scenarioOf, shareYearOf, toPlanView } from '../../state/optimizer-service';
import type { PlanResultView } from '../../state/slices/results';
import { store, useStore } from '../../state/store';
import { isCancelled, TimeoutError, WorkerCrashedError } from '../../workers/client';
import type { ExactDataSource, ExactProgressEvent } from '../../workers/exact-client';
import { ExactError, exactClient } from '../../workers/exact-client';
import type { SolveAnswer } from '../../workers/exact-protocol';
import { formatNumber } from '../../i18n/format';
import { formatEstimate } from './words';

/** Time limits the user can pick for the exact solve, in seconds. */
export const TIME_LIMITS = [10, 30, 60, 120] as const;

/** A share floored to one decimal of a percent: "at least" must never round up. */
function floorPercent(locale: string, x: number): string {
  const pct = Math.floor(Math.max(0, Math.min(1, x)) * 1000) / 10;
  return `${formatNumber(locale, pct)}%`;
}

type BoundState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly bound: number }
  | { readonly status: 'failed'; readonly message: string };

type SolveState =
  | { readonly status: 'idle' }
  | {
      readonly status: 'running';
      readonly limit: number;
      readonly startedAt: number;
      readonly progress: ExactProgressEvent | null;
    }
  | { readonly status: 'done'; readonly answer: SolveAnswer; readonly adopted: boolean }
  | {
      readonly status: 'stopped';
      readonly reason: 'cancelled' | 'crashed' | 'timeout' | 'failed' | 'unsupported' | 'constraints';
      readonly message: string;
      readonly progress: ExactProgressEvent | null;
    };

function sourceOf(data: Dataset): ExactDataSource {
  return { key: data, data: () => optimizerData(data) };
}

/**
 * How near the plan is to the best possible one (an upper bound, always shown once computed), and the "Prove the
 * best plan" action: the exact solve with HiGHS in its own worker, with a visible time limit, progress, cancel, and
 * the best plan and bound found so far.
 */
export function PlanProof({ data, plan }: { data: Dataset; plan: PlanResultView }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const stale = useStore((s) => s.planStale);
  const unit = t(plan.demand.msme ? 'simulate.unitMsme' : 'simulate.unitPeople');
  // Results are kept with the plan they belong to; another plan shows as "loading" / "idle".
  const [boundEntry, setBoundEntry] = useState<{ plan: PlanResultView; state: BoundState } | null>(null);
  const [solveEntry, setSolveEntry] = useState<{ plan: PlanResultView; state: SolveState } | null>(null);
  const [limit, setLimit] = useState<number>(30);
  const [now, setNow] = useState(() => performance.now());
  // Counts solves; an answer from an older solve is ignored.
  const solveToken = useRef(0);
  const bound: BoundState = boundEntry?.plan === plan ? boundEntry.state : { status: 'loading' };
  const solve: SolveState = solveEntry?.plan === plan ? solveEntry.state : { status: 'idle' };
  const setSolve = (state: SolveState, forPlan: PlanResultView = plan) =>
    setSolveEntry({ plan: forPlan, state });

  // The bound depends on the scenario and k, not on which plan is shown: recompute it for each fresh plan.
  useEffect(() => {
    if (stale) return;
    let live = true;
    exactClient()
      .bound(sourceOf(data), scenarioOf(store.getState()), plan.k)
      .then((answer) => {
        if (live) setBoundEntry({ plan, state: { status: 'ready', bound: answer.bound } });
      })
      .catch((error: unknown) => {
        if (live && !isCancelled(error))
          setBoundEntry({
            plan,
            state: { status: 'failed', message: error instanceof Error ? error.message : String(error) },
          });
      });
    return () => {
      live = false;
    };
  }, [data, plan, stale]);

  // A visible clock while solving.
  useEffect(() => {
    if (solve.status !== 'running') return;
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, [solve.status]);

  useEffect(() => () => exactClient().cancel(), []);

  const reachGain = plan.stops[plan.stops.length - 1]?.cumulative ?? 0;
  const boundGain = bound.status === 'ready' ? bound.bound - plan.baseline : NaN;

  const start = () => {
    const s = store.getState();
    const scenario = scenarioOf(s);
    const rowOf = new Map<number, number>();
    data.places.id.forEach((id, row) => rowOf.set(id, row));
    const incumbent = plan.stops.flatMap((x) => {
      const row = rowOf.get(x.placeId);
      return row === undefined ? [] : [row];
    });
    let last: ExactProgressEvent | null = null;
    const token = ++solveToken.current;
    const current = () => solveToken.current === token;
    const startedAt = performance.now();
    setNow(startedAt);
    setSolve({ status: 'running', limit, startedAt, progress: null });
    exactClient()
      .solve(sourceOf(data), scenario, plan.k, {
        timeLimitSec: limit,
        incumbent,
        onProgress: (p) => {
          last = p;
          if (current()) setSolve({ status: 'running', limit, startedAt, progress: p });
        },
      })
      .then((answer) => {
        if (current()) setSolve({ status: 'done', answer, adopted: false });
      })
      .catch((error: unknown) => {
        if (!current()) return;
        const message = error instanceof Error ? error.message : String(error);
        const reason = isCancelled(error)
          ? 'cancelled'
          : error instanceof WorkerCrashedError
            ? 'crashed'
            : error instanceof TimeoutError
              ? 'timeout'
              : error instanceof ExactError && error.code !== 'failed'
                ? error.code
                : 'failed';
        setSolve({ status: 'stopped', reason, message, progress: last });
      });
  };

  const adopt = (answer: SolveAnswer) => {
    if (!answer.result) return;
    const s = store.getState();
    // The proven plan replaces the heuristic one under the same assumptions.
    const view: PlanResultView = {
      ...toPlanView(data, answer.result, plan.k, shareYearOf(s), scenarioOf(s)),
      ...(plan.context ? { context: plan.context } : {}),
    };
    setSolve({ status: 'done', answer, adopted: true }, view);
    s.finishPlan(view);
  };

  if (stale) return null;
  // Every bound holds for the same scenario and k: show the smallest one known.
  const known = bound.status === 'ready' ? bound.bound : Infinity;
  const running = solve.status === 'running';
  const elapsed = running ? Math.min(solve.limit, (now - solve.startedAt) / 1000) : 0;

  return (
    <section className="sim-proof" aria-label={t('simulate.proof.title')}>
      <p className="sim-summary" aria-live="polite">
        {bound.status === 'loading' ? t('simulate.proof.checking') : null}
        {bound.status === 'failed' ? t('simulate.proof.boundFailed', { message: bound.message }) : null}
        {bound.status === 'ready'
          ? boundGain > 0 && reachGain < boundGain
            ? t('simulate.proof.atLeast', {
                share: floorPercent(lng, reachGain / boundGain),
                k: plan.k,
                bound: formatEstimate(lng, boundGain),
                unit,
              })
            : t('simulate.proof.best', { k: plan.k })
          : null}
      </p>
      <div className="sim-run-row">
        <button type="button" onClick={start} disabled={running}>
          {t('simulate.proof.prove')}
        </button>
        <label className="sim-k">
          <span>{t('simulate.proof.timeLimit')}</span>
          <select value={limit} disabled={running} onChange={(e) => setLimit(Number(e.target.value))}>
            {TIME_LIMITS.map((s) => (
              <option key={s} value={s}>
                {t('simulate.proof.seconds', { count: s })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="sim-status" aria-live="polite">
        {running ? (
          <>
            <div className="sim-progress">
              <span className="hint">
                {t('simulate.proof.running', {
                  elapsed: formatNumber(lng, Math.floor(elapsed)),
                  limit: solve.limit,
                })}
              </span>
              <progress aria-label={t('simulate.proof.timeUsed')} max={solve.limit} value={elapsed} />
              <button type="button" onClick={() => exactClient().cancel()}>
                {t('simulate.cancel')}
              </button>
            </div>
            <SoFar progress={solve.progress} baseline={plan.baseline} known={known} unit={unit} />
          </>
        ) : null}
        {solve.status === 'stopped' ? (
          <>
            <p className={solve.reason === 'cancelled' ? 'hint' : 'sim-error'} role="status">
              {t(`simulate.proof.stopped.${solve.reason}`, { message: solve.message })}
            </p>
            <SoFar progress={solve.progress} baseline={plan.baseline} known={known} unit={unit} />
          </>
        ) : null}
        {solve.status === 'done' ? (
          <Outcome
            answer={solve.answer}
            adopted={solve.adopted}
            known={known}
            plan={plan}
            unit={unit}
            onAdopt={() => adopt(solve.answer)}
          />
        ) : null}
      </div>
      <p className="hint small">{t('simulate.proof.note')}</p>
    </section>
  );
}

/** The best plan and bound the solver reported so far. */
function SoFar({
  progress,
  baseline,
  known,
  unit,
}: {
  progress: ExactProgressEvent | null;
  baseline: number;
  known: number;
  unit: string;
}) {
  const { t, i18n } = useTranslation();
  if (!progress || !Number.isFinite(progress.reach)) return null;
  const bound = Math.min(progress.bound, known);
  return (
    <p className="hint">
      {Number.isFinite(bound)
        ? t('simulate.proof.soFar', {
            reach: formatEstimate(i18n.language, progress.reach - baseline),
            bound: formatEstimate(i18n.language, bound - baseline),
            unit,
          })
        : t('simulate.proof.soFarNoBound', {
            reach: formatEstimate(i18n.language, progress.reach - baseline),
            unit,
          })}
    </p>
  );
}

/** What the exact solve found, and the switch to its plan when it beats the one shown. */
function Outcome({
  answer,
  adopted,
  known,
  plan,
  unit,
  onAdopt,
}: {
  answer: SolveAnswer;
  adopted: boolean;
  known: number;
  plan: PlanResultView;
  unit: string;
  onAdopt: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const shown = plan.baseline + (plan.stops[plan.stops.length - 1]?.cumulative ?? 0);
  const more = answer.reach - shown;
  // Differences below a millionth of the reach are rounding, not a better plan.
  const better = answer.result !== null && more > 1e-6 * Math.max(1, shown);
  const reach = formatEstimate(lng, answer.reach - answer.baseline);
  const bound = formatEstimate(lng, Math.min(answer.bound, known) - answer.baseline);
  const seconds = formatNumber(lng, Math.round(answer.seconds * 10) / 10);
  let text: string;
  if (answer.status === 'optimal')
    text = adopted
      ? t('simulate.proof.adopted', { k: plan.k, seconds })
      : better
        ? t('simulate.proof.optimalBetter', { reach, unit, more: formatEstimate(lng, more), seconds })
        : t('simulate.proof.optimalSame', { k: plan.k, seconds });
  else if (answer.status === 'time-limit' || answer.status === 'interrupted')
    text = t('simulate.proof.timeUp', { seconds, reach, bound, unit });
  else text = t(`simulate.proof.status.${answer.status}`);
  return (
    <>
      <p className="sim-summary" role="status">
        {text}
      </p>
      <p className="hint small">
        {t('simulate.proof.shrunk', {
          cells: formatNumber(lng, answer.stats.cells),
          merged: formatNumber(lng, answer.stats.mergedCells),
          candidates: formatNumber(lng, answer.stats.candidates),
          kept: formatNumber(lng, answer.stats.keptCandidates),
        })}
      </p>
      {better && !adopted ? (
        <button type="button" className="primary" onClick={onAdopt}>
          {t('simulate.proof.use')}
        </button>
      ) : null}
    </>
  );
}
