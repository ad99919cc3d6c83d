/**
 * The roadshow optimiser as the app uses it: one worker client, fed with the loaded dataset (again
 * whenever `store.dataset` changes, e.g. after a boundary import), asked to rank or plan the scenario the store
 * describes (hubs, catchment rule, demand settings, candidate filter, internet-use year). Results go to the
 * results slice. Lives outside React; the simulate panel calls `rank()` / `plan()`.
 *
 * - Latest wins: a newer run of a kind supersedes the older one (the client cancels it in the worker; its late
 *   answer is dropped here).
 * - While a ranking is on screen, edits to its inputs re-rank it in the background (debounced); a plan is only
 *   marked out of date, since plans take longer.
 * - A crashed worker is reported as such; the client starts a fresh one on the next run.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Dataset } from '../data/dataset';
import { haversineKm } from '../domain/catchment';
import { scoreIsWeighted } from '../domain/demand';
import { ROBUSTNESS_FACTORS } from '../domain/optimizer/plan';
import type { PlanResult, RankResult, Scenario } from '../domain/optimizer/session';
import { toPlanConstraints } from '../domain/planner/constraints';
import type { OptimizerClient } from '../workers/client';
import { createOptimizerClient, isCancelled, TimeoutError, WorkerCrashedError } from '../workers/client';
import { selectEdited } from './planner-selectors';
import { toRule } from './selectors';
import {
  selectAllowedPlaces,
  selectMsmeRates,
  selectPriorityWeights,
  selectRegionMask,
  selectShares,
  shareYearOf,
} from './simulate-selectors';
import type {
  DemandInfo,
  JobKind,
  PlannedStop,
  PlanResultView,
  RankingResult,
  RankingRow,
  RunError,
} from './slices/results';
import type { Store } from './store';
import { store as appStore } from './store';

export { shareYearOf } from './simulate-selectors';

/** What the worker needs from the dataset: cells, island gaps and the places' columns (names stay here). */
export function optimizerData(data: Dataset) {
  const p = data.places;
  return {
    cells: data.cells,
    islandGaps: data.cellsMeta.islandGaps,
    places: { id: p.id, lat: p.lat, lon: p.lon, pop: p.pop, polygon: p.polygon },
  };
}

/**
 * The optimiser scenario the store describes (plain data for postMessage).
 *
 * @example client.rank(scenarioOf(store.getState()))
 */
export function scenarioOf(s: Store): Scenario {
  const data = s.dataset;
  if (!data) throw new Error('no dataset loaded');
  return {
    rule: toRule(s.rule),
    hubs: s.hubs.map((h) => ({ lat: h.lat, lon: h.lon })),
    demand: s.demand,
    share: selectShares(data, shareYearOf(s)),
    msmePerResident: s.demand.useMsme ? selectMsmeRates(data).perResident : null,
    filter: s.filter,
    isEast: data.isEast[s.grouping],
    inRegion: selectRegionMask(data, s.filter.region, s.grouping),
    priority: selectPriorityWeights(data, s.demand.priorityFactor ?? 1),
    allowed: selectAllowedPlaces(data, s.filter.kinds ?? null, s.constraints.excluded),
    constraints: toPlanConstraints(s.constraints, data.places, data.isEast[s.grouping]),
  };
}

function demandInfo(result: RankResult | PlanResult, year: number | null, scenario: Scenario): DemandInfo {
  const d = result.demand;
  return {
    formula: d.formula,
    year,
    missingSharePolygons: d.missingSharePolygons,
    missingShareCells: d.missingShareCells,
    missingMsmePolygons: d.missingMsmePolygons,
    missingMsmeCells: d.missingMsmeCells,
    msme: scenario.demand.useMsme,
    settings: scenario.demand,
    weighted: scoreIsWeighted(scenario.demand, scenario.priority != null),
    radiusKm: scenario.rule.radiusKm,
  };
}

/** The worker's ranking (typed arrays of place rows) as named rows. */
export function toRankingResult(
  data: Dataset,
  result: RankResult,
  year: number | null,
  scenario: Scenario,
): RankingResult {
  const r = result.ranking;
  const p = data.places;
  const rows: RankingRow[] = Array.from(r.rows, (row, j) => {
    const km = r.nearestHubKm[j] ?? Infinity;
    return {
      placeId: p.id[row] ?? NaN,
      name: p.name[row] ?? '',
      polygon: p.polygon[row] ?? -1,
      lat: p.lat[row] ?? NaN,
      lon: p.lon[row] ?? NaN,
      pop: p.pop[row] ?? 0,
      gain: r.gain[j] ?? 0,
      count: r.count[j] ?? 0,
      share: r.polygonShare[j] ?? 0,
      nearestHubKm: Number.isFinite(km) ? km : null,
    };
  });
  return { rows, reached: r.reached, total: r.total, demand: demandInfo(result, year, scenario) };
}

/** The worker's plan as named stops with the plan's own cumulative reach (the hubs' reach not counted). */
export function toPlanView(
  data: Dataset,
  result: PlanResult,
  k: number,
  year: number | null,
  scenario: Scenario,
): PlanResultView {
  const radiusKm = scenario.rule.radiusKm;
  const p = data.places;
  const baseline = result.plan.curve[0] ?? 0;
  const reruns = result.robust ? result.reruns : [];
  const nearestInReruns = (lat: number, lon: number) =>
    reruns.flatMap((plan, i) => {
      let best: { name: string; km: number } | null = null;
      for (const other of plan.stops) {
        const d = haversineKm(lat, lon, p.lat[other.row] ?? NaN, p.lon[other.row] ?? NaN);
        if (!best || d < best.km) best = { name: p.name[other.row] ?? '', km: d };
      }
      return best ? [{ factor: ROBUSTNESS_FACTORS[i] ?? NaN, ...best }] : [];
    });
  const stops: PlannedStop[] = result.plan.stops.map((s, i) => ({
    name: p.name[s.row] ?? '',
    lat: p.lat[s.row] ?? NaN,
    lon: p.lon[s.row] ?? NaN,
    gain: s.gain,
    count: result.counts[i] ?? 0,
    cumulative: s.cumulative - baseline,
    robust: result.robust ? (result.robust[i] ?? false) : null,
    nearestInReruns: nearestInReruns(p.lat[s.row] ?? NaN, p.lon[s.row] ?? NaN),
    placeId: s.placeId,
    polygon: p.polygon[s.row] ?? -1,
    pop: p.pop[s.row] ?? 0,
  }));
  return {
    stops,
    k,
    robustness: result.robust !== null,
    radiusKm,
    baseline,
    total: result.plan.total,
    demand: demandInfo(result, year, scenario),
  };
}

function runError(job: JobKind, error: unknown): RunError {
  const message = error instanceof Error ? error.message : String(error);
  // A crash keeps only the browser's words (if any): the UI says what happened in the reader's language.
  if (error instanceof WorkerCrashedError) return { job, kind: 'crashed', message: error.detail ?? '' };
  if (error instanceof TimeoutError) return { job, kind: 'timeout', message };
  return { job, kind: 'failed', message };
}

export interface OptimizerService {
  /** Ranks every candidate for the current scenario. */
  rank(): Promise<void>;
  /** Plans `planK` stops for the current scenario. */
  plan(): Promise<void>;
  /** Stops the running job of a kind. */
  cancel(kind: JobKind): void;
  /** Unsubscribes and stops the worker. */
  dispose(): void;
}

export interface OptimizerServiceOptions {
  /** Delay of the background re-rank after an edit (default 150 ms). */
  readonly rerankDelayMs?: number;
}

/** Did anything the results depend on change? */
function inputsChanged(s: Store, prev: Store): boolean {
  return (
    s.hubs !== prev.hubs ||
    s.rule !== prev.rule ||
    s.demand !== prev.demand ||
    s.filter !== prev.filter ||
    s.constraints !== prev.constraints ||
    (s.grouping !== prev.grouping && s.filter.region !== 'all') ||
    shareYearOf(s) !== shareYearOf(prev)
  );
}

/**
 * Connects a client to the store.
 *
 * @param store The app store.
 * @param client The optimiser client (a worker, or the in-process fallback in tests).
 * @param options Re-rank delay.
 * @returns The service.
 * @example
 * const service = createOptimizerService(store, createOptimizerClient());
 * await service.rank(); store.getState().ranking?.rows[0];
 */
export function createOptimizerService(
  store: StoreApi<Store>,
  client: OptimizerClient,
  options: OptimizerServiceOptions = {},
): OptimizerService {
  const delay = options.rerankDelayMs ?? 150;
  let initialised: Dataset | null = null;
  const latest: Record<JobKind, number> = { rank: 0, plan: 0 };
  let timer: ReturnType<typeof setTimeout> | null = null;

  const ensureInit = (data: Dataset) => {
    if (data === initialised) return;
    initialised = data;
    // A failed init makes the next job fail with the worker's message, which is reported there.
    client.init(optimizerData(data)).catch(() => undefined);
  };

  const run = async (kind: JobKind, show = true) => {
    const s = store.getState();
    const data = s.dataset;
    if (!data) return;
    ensureInit(data);
    const token = ++latest[kind];
    const current = () => latest[kind] === token && store.getState().dataset === data;
    const scenario = scenarioOf(s);
    const year = shareYearOf(s);
    s.startRun(kind);
    // After startRun: the reopen check below sees a run under way and starts no second one.
    if (show) store.getState().setLastRun(kind);
    try {
      if (kind === 'rank') {
        const result = await client.rank(scenario);
        if (current()) store.getState().finishRank(toRankingResult(data, result, year, scenario), show);
      } else {
        const k = s.planK;
        const result = await client.plan(scenario, k, {
          robustness: s.planRobust,
          onProgress: (done, total) => {
            if (current()) store.getState().reportProgress(done, total);
          },
        });
        if (current())
          store.getState().finishPlan({
            ...toPlanView(data, result, k, year, scenario),
            context: {
              preset: s.preset,
              edited: selectEdited(s).length > 0,
              filter: s.filter,
              rule: s.rule,
              grouping: s.grouping,
              participationRate: s.participationRate,
              computedAt: new Date().toISOString(),
            },
          });
      }
    } catch (error) {
      if (!current()) return;
      if (isCancelled(error)) store.getState().cancelRun(kind);
      else store.getState().failRun(runError(kind, error));
    }
  };

  const scheduleRerank = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void run('rank', false);
    }, delay);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.dataset !== prev.dataset) {
      // Place rows and polygons may differ in the new dataset: old results no longer apply.
      latest.rank++;
      latest.plan++;
      client.cancel('rank');
      client.cancel('plan');
      s.clearResults();
      if (s.dataset) ensureInit(s.dataset);
      return;
    }
    if (!inputsChanged(s, prev)) return;
    if (s.ranking !== null || s.plan !== null) s.markStale();
    if (s.ranking !== null || s.running === 'rank') scheduleRerank();
  });

  const data = store.getState().dataset;
  if (data) ensureInit(data);
  // A shared link or a scene names the result it showed: compute it again (results never travel in links).
  const reopen = () => {
    const s = store.getState();
    if (s.dataset && s.lastRun !== null && s.ranking === null && s.plan === null && s.running === null)
      void run(s.lastRun);
  };
  reopen();
  const unsubscribeReopen = store.subscribe((s, prev) => {
    if (s.lastRun !== prev.lastRun || s.dataset !== prev.dataset) reopen();
  });

  return {
    rank: () => run('rank'),
    plan: () => run('plan'),
    cancel(kind) {
      latest[kind]++;
      client.cancel(kind);
      store.getState().cancelRun(kind);
    },
    dispose() {
      if (timer !== null) clearTimeout(timer);
      unsubscribe();
      unsubscribeReopen();
      client.dispose();
    },
  };
}

let service: OptimizerService | null = null;

/**
 * The app's optimiser service, created (with its worker) on first use.
 *
 * @example optimizerService().rank();
 */
export function optimizerService(): OptimizerService {
  service ??= createOptimizerService(appStore, createOptimizerClient());
  return service;
}
