/**
 * Results of the roadshow optimiser: the candidate ranking, the multi-stop plan, and the state of the run.
 * Computed, not user intent: never in the URL or in saved scenes. The optimiser service
 * (src/state/optimizer-service.ts) is the only writer; the simulate panel and the map read.
 */
import type { StateCreator } from 'zustand';
import type { DemandSettings } from '../../domain/demand';
import type { CandidateFilter } from '../../domain/optimizer/candidates';
import type { PresetId } from '../../domain/planner/presets';
import type { RuleState } from './scenario';
import type { Grouping } from './view';
import type { Store } from '../store';

export type JobKind = 'rank' | 'plan';

/** What went wrong in the last run: the worker died, took too long, or the computation failed. */
export interface RunError {
  readonly job: JobKind;
  readonly kind: 'crashed' | 'timeout' | 'failed';
  /** Technical detail (the browser's or the computation's words); '' when a crash came without any. */
  readonly message: string;
}

/** The demand a result was computed with, as the panel explains it. */
export interface DemandInfo {
  /** `describeDemand` of the settings (English; the panel words it through i18n). */
  readonly formula: string;
  /** Year of the BPS internet-use shares (null: none). */
  readonly year: number | null;
  readonly missingSharePolygons: readonly number[];
  readonly missingShareCells: number;
  readonly missingMsmePolygons: readonly number[];
  readonly missingMsmeCells: number;
  /** Counting MSMEs instead of people. */
  readonly msme: boolean;
  /** The settings the result was computed with (for its units). */
  readonly settings: DemandSettings;
  /** The score differs from the headcount (exponent ≠ 1 or 3T weights): show it as its own column. */
  readonly weighted: boolean;
  readonly radiusKm: number;
}

/** One ranked candidate. */
export interface RankingRow {
  /** GeoNames id of the place. */
  readonly placeId: number;
  readonly name: string;
  /** Boundary polygon id of the place. */
  readonly polygon: number;
  readonly lat: number;
  readonly lon: number;
  /** Place population (GeoNames). */
  readonly pop: number;
  /** Priority score it would newly reach given the current hubs (equals `count` without weights). */
  readonly gain: number;
  /** Headcount it would newly reach: offline residents (or offline MSMEs, or residents). */
  readonly count: number;
  /** Share (0..1) of its polygon's still-underserved demand it would reach inside that polygon. */
  readonly share: number;
  /** Great-circle km to the nearest current hub; null without hubs. */
  readonly nearestHubKm: number | null;
}

export interface RankingResult {
  /** Every candidate that passed the filters, best first. */
  readonly rows: readonly RankingRow[];
  /** Demand already reached by the current hubs. */
  readonly reached: number;
  /** All demand. */
  readonly total: number;
  readonly demand: DemandInfo;
}

/**
 * One planned stop. `name`, `lat`, `lon`, `gain`, `cumulative` and `robust` are the plain export shape
 * (src/ui/simulate/plan-export.ts and the "Export data" menu read them).
 */
export interface PlannedStop {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  /** Priority score this stop newly reaches after the hubs and the earlier stops. */
  readonly gain: number;
  /** Headcount this stop newly reaches (offline residents, or offline MSMEs). */
  readonly count: number;
  /** Demand the plan's stops newly reach up to and including this one (the hubs' reach not counted). */
  readonly cumulative: number;
  /** Also planned at radius −25% and +25%; null when robustness was not asked for. */
  readonly robust: boolean | null;
  /** Per robustness rerun (radius × 0.75, × 1.25): its stop nearest to this one, to show how far a plan moves. */
  readonly nearestInReruns: readonly {
    readonly factor: number;
    readonly name: string;
    readonly km: number;
  }[];
  readonly placeId: number;
  readonly polygon: number;
  readonly pop: number;
}

/** The planner settings a plan was made with (for its exports). */
export interface PlanContext {
  readonly preset: PresetId;
  /** The preset's settings were changed before the run. */
  readonly edited: boolean;
  readonly filter: CandidateFilter;
  readonly rule: RuleState;
  readonly grouping: Grouping;
  readonly participationRate: number | null;
  /** ISO timestamp of the run. */
  readonly computedAt: string;
}

export interface PlanResultView {
  readonly stops: readonly PlannedStop[];
  /** Settings of the run; absent for plans made elsewhere (tests). */
  readonly context?: PlanContext;
  /** Stops asked for (the plan has fewer when no candidate adds anything). */
  readonly k: number;
  readonly robustness: boolean;
  /** Catchment radius the plan was made with. */
  readonly radiusKm: number;
  /** Demand reached by the current hubs before any stop. */
  readonly baseline: number;
  /** All demand. */
  readonly total: number;
  readonly demand: DemandInfo;
}

export interface ResultsState {
  readonly ranking: RankingResult | null;
  readonly plan: PlanResultView | null;
  /** The run in progress; a plan outranks a re-rank started while it runs. */
  readonly running: JobKind | null;
  /** Share (0..1) of a running plan done; null when nothing reports progress. */
  readonly progress: number | null;
  readonly error: RunError | null;
  /** The inputs (hubs, rule, demand, filters, year) changed after the result was computed. */
  readonly rankingStale: boolean;
  readonly planStale: boolean;
  /** Which result the panel and the map show. */
  readonly resultsView: JobKind;
  /** Counts results the user asked for; the map brings their places into view when it changes. */
  readonly revealSeq: number;
}

export interface ResultsSlice extends ResultsState {
  startRun: (kind: JobKind) => void;
  reportProgress: (done: number, total: number) => void;
  /** `show`: switch the view to the ranking (false for background re-ranks). */
  finishRank: (ranking: RankingResult, show: boolean) => void;
  finishPlan: (plan: PlanResultView) => void;
  failRun: (error: RunError) => void;
  cancelRun: (kind: JobKind) => void;
  markStale: () => void;
  clearResults: () => void;
  showResults: (view: JobKind) => void;
}

export const initialResults: ResultsState = {
  ranking: null,
  plan: null,
  running: null,
  progress: null,
  error: null,
  rankingStale: false,
  planStale: false,
  resultsView: 'rank',
  revealSeq: 0,
};

/** The state after `kind` stopped running (only if it is the run shown as running). */
function stopped(s: ResultsState, kind: JobKind): Pick<ResultsState, 'running' | 'progress'> {
  return s.running === kind
    ? { running: null, progress: null }
    : { running: s.running, progress: s.progress };
}

/** Pure transitions `(state, payload) => patch`, unit-tested without React or a worker. */
export const results = {
  start(s: ResultsState, kind: JobKind): Partial<ResultsState> {
    // A plan (long, with a progress bar) stays the run shown while a quick re-rank runs beside it.
    if (kind === 'rank' && s.running === 'plan') return { error: null };
    return { running: kind, progress: kind === 'plan' ? 0 : null, error: null };
  },
  progress(s: ResultsState, done: number, total: number): Partial<ResultsState> {
    if (s.running !== 'plan' || !(total > 0)) return {};
    return { progress: Math.max(0, Math.min(1, done / total)) };
  },
  finishRank(s: ResultsState, ranking: RankingResult, show: boolean): Partial<ResultsState> {
    // A background re-rank (after an edit) keeps whatever is on screen; a ranking asked for is shown.
    return {
      ...stopped(s, 'rank'),
      ranking,
      rankingStale: false,
      ...(show ? { resultsView: 'rank', revealSeq: s.revealSeq + 1 } : {}),
    };
  },
  finishPlan(s: ResultsState, plan: PlanResultView): Partial<ResultsState> {
    return { ...stopped(s, 'plan'), plan, planStale: false, resultsView: 'plan', revealSeq: s.revealSeq + 1 };
  },
  fail(s: ResultsState, error: RunError): Partial<ResultsState> {
    return { ...stopped(s, error.job), error };
  },
  cancel(s: ResultsState, kind: JobKind): Partial<ResultsState> {
    return stopped(s, kind);
  },
  markStale(s: ResultsState): Partial<ResultsState> {
    return { rankingStale: s.ranking !== null, planStale: s.plan !== null };
  },
  clear(s: ResultsState): ResultsState {
    return { ...initialResults, revealSeq: s.revealSeq };
  },
};

export const createResultsSlice: StateCreator<Store, [], [], ResultsSlice> = (set) => ({
  ...initialResults,
  startRun: (kind) => set((s) => results.start(s, kind)),
  reportProgress: (done, total) => set((s) => results.progress(s, done, total)),
  finishRank: (ranking, show) => set((s) => results.finishRank(s, ranking, show)),
  finishPlan: (plan) => set((s) => results.finishPlan(s, plan)),
  failRun: (error) => set((s) => results.fail(s, error)),
  cancelRun: (kind) => set((s) => results.cancel(s, kind)),
  markStale: () => set((s) => results.markStale(s)),
  clearResults: () => set((s) => results.clear(s)),
  showResults: (resultsView) => set({ resultsView }),
});
