import { describe, expect, it } from 'vitest';

import { DEFAULT_DEMAND_SETTINGS } from '../../../src/domain/demand';
import type { PlanResultView, RankingResult, ResultsState } from '../../../src/state/slices/results';
import { initialResults, results } from '../../../src/state/slices/results';
import { createAppStore } from '../../../src/state/store';

const demand = {
  formula: 'people',
  year: 2023,
  missingSharePolygons: [],
  missingShareCells: 0,
  missingMsmePolygons: [],
  missingMsmeCells: 0,
  msme: false,
  settings: DEFAULT_DEMAND_SETTINGS,
  weighted: false,
  radiusKm: 50,
};
const ranking: RankingResult = { rows: [], reached: 10, total: 100, demand };
const plan: PlanResultView = {
  stops: [],
  k: 5,
  robustness: true,
  radiusKm: 50,
  baseline: 10,
  total: 100,
  demand,
};

/** Applies transitions in order, like the store does. */
const apply = (s: ResultsState, ...steps: ((s: ResultsState) => Partial<ResultsState>)[]) =>
  steps.reduce<ResultsState>((acc, step) => ({ ...acc, ...step(acc) }), s);

describe('results slice transitions', () => {
  it('rank: start → done clears running and the stale flag', () => {
    const s = apply({ ...initialResults, rankingStale: true }, (x) => results.start(x, 'rank'));
    expect(s).toMatchObject({ running: 'rank', progress: null, error: null });
    const done = apply(s, (x) => results.finishRank(x, ranking, true));
    expect(done).toMatchObject({
      running: null,
      ranking,
      rankingStale: false,
      resultsView: 'rank',
      revealSeq: 1,
    });
  });

  it('plan: progress is a clamped share, only while a plan runs; done shows the plan', () => {
    let s = apply(initialResults, (x) => results.start(x, 'plan'));
    expect(s).toMatchObject({ running: 'plan', progress: 0 });
    s = apply(s, (x) => results.progress(x, 3, 15));
    expect(s.progress).toBeCloseTo(0.2);
    expect(apply(s, (x) => results.progress(x, 20, 15)).progress).toBe(1);
    expect(apply(s, (x) => results.progress(x, 1, 0)).progress).toBeCloseTo(0.2);
    s = apply(s, (x) => results.finishPlan(x, plan));
    expect(s).toMatchObject({ running: null, progress: null, plan, planStale: false, resultsView: 'plan' });
    expect(apply(s, (x) => results.progress(x, 1, 2)).progress).toBeNull();
  });

  it('a re-rank during a plan keeps the plan as the run shown, with its progress', () => {
    let s = apply(
      initialResults,
      (x) => results.start(x, 'plan'),
      (x) => results.progress(x, 1, 2),
    );
    s = apply(s, (x) => results.start(x, 'rank'));
    expect(s).toMatchObject({ running: 'plan', progress: 0.5 });
    s = apply(s, (x) => results.finishRank(x, ranking, false));
    expect(s).toMatchObject({ running: 'plan', progress: 0.5, ranking });
    s = apply(s, (x) => results.finishPlan(x, plan));
    expect(s.resultsView).toBe('plan');
    // A background re-rank keeps the plan on screen; a ranking asked for switches to it.
    expect(apply(s, (x) => results.finishRank(x, ranking, false))).toMatchObject({
      resultsView: 'plan',
      revealSeq: s.revealSeq,
    });
    expect(apply(s, (x) => results.finishRank(x, ranking, true)).resultsView).toBe('rank');
  });

  it('failure records what went wrong and stops only that run; a new start clears it', () => {
    let s = apply(initialResults, (x) => results.start(x, 'plan'));
    s = apply(s, (x) => results.fail(x, { job: 'plan', kind: 'crashed', message: 'boom' }));
    expect(s).toMatchObject({ running: null, progress: null, error: { job: 'plan', kind: 'crashed' } });
    s = apply(s, (x) => results.start(x, 'rank'));
    expect(s.error).toBeNull();
    const other = apply(s, (x) => results.fail(x, { job: 'plan', kind: 'failed', message: 'x' }));
    expect(other.running).toBe('rank');
  });

  it('cancel stops a run of its kind only', () => {
    const s = apply(initialResults, (x) => results.start(x, 'plan'));
    expect(apply(s, (x) => results.cancel(x, 'rank')).running).toBe('plan');
    expect(apply(s, (x) => results.cancel(x, 'plan'))).toMatchObject({ running: null, progress: null });
  });

  it('edits mark only existing results stale; clear resets everything', () => {
    expect(results.markStale(initialResults)).toEqual({ rankingStale: false, planStale: false });
    const s = apply(initialResults, (x) => results.finishRank(x, ranking, true));
    expect(results.markStale(s)).toEqual({ rankingStale: true, planStale: false });
    expect(results.clear({ ...s, revealSeq: 3 })).toEqual({ ...initialResults, revealSeq: 3 });
  });

  it('is wired into the store and kept out of user intent', () => {
    const store = createAppStore();
    store.getState().startRun('plan');
    store.getState().reportProgress(1, 4);
    expect(store.getState().progress).toBe(0.25);
    store.getState().finishPlan(plan);
    expect(store.getState().plan).toBe(plan);
    store.getState().clearResults();
    expect(store.getState().plan).toBeNull();
  });
});
