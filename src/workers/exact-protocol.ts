/**
 * The exact solver worker's message protocol and its server side (the worker shell exact.worker.ts runs it; tests
 * run it in node with HiGHS from node_modules).
 *
 * Requests: init (data, once per worker), bound (the app's heuristic plan for a scenario with its upper bound),
 * solve (the exact maximal-covering plan with HiGHS, from the heuristic plan, within a time limit). HiGHS blocks
 * the worker while it solves, so a cancel cannot arrive as a message: the client stops the worker instead, and
 * keeps the best plan and bound that the progress messages brought so far.
 */
import type { Highs } from 'highs';
import type { ExactStatus, ShrinkStats } from '../domain/optimizer/exact';
import { ExactUnsupportedError, solveExact } from '../domain/optimizer/exact';
import { ConstraintError } from '../domain/optimizer/constraints';
import { finishPlan } from '../domain/optimizer/plan';
import type { OptimizerData, OptimizerSession, PlanResult, Scenario } from '../domain/optimizer/session';
import { createOptimizerSession } from '../domain/optimizer/session';

export type ExactRequest =
  | { readonly type: 'init'; readonly id: number; readonly data: OptimizerData }
  | { readonly type: 'bound'; readonly id: number; readonly scenario: Scenario; readonly k: number }
  | {
      readonly type: 'solve';
      readonly id: number;
      readonly scenario: Scenario;
      readonly k: number;
      readonly timeLimitSec: number;
      /** Place rows of the plan to start from (the one on screen). */
      readonly incumbent: readonly number[];
    };

/** The heuristic plan of a scenario with its bound (reach in the plan's unit, hubs included). */
export interface BoundAnswer {
  /** Place rows of the heuristic plan. */
  readonly stops: readonly number[];
  /** Reach of the current hubs alone. */
  readonly baseline: number;
  /** Reach of the hubs and the plan. */
  readonly reach: number;
  /** No plan of k stops under these settings reaches more. */
  readonly bound: number;
}

export interface SolveAnswer {
  readonly status: ExactStatus;
  /** The best plan found, as the optimiser's plan result (null when none was found). */
  readonly result: PlanResult | null;
  readonly baseline: number;
  readonly reach: number;
  readonly bound: number;
  readonly seconds: number;
  readonly stats: ShrinkStats;
}

export type ExactResult =
  | { readonly kind: 'init' }
  | { readonly kind: 'bound'; readonly answer: BoundAnswer }
  | { readonly kind: 'solve'; readonly answer: SolveAnswer };

export type ExactErrorCode = 'unsupported' | 'constraints' | 'failed';

export type ExactResponse =
  | {
      readonly type: 'progress';
      readonly id: number;
      readonly seconds: number;
      readonly reach: number;
      readonly bound: number;
      /** Place rows of a newly found best plan. */
      readonly stops: readonly number[] | null;
    }
  | { readonly type: 'result'; readonly id: number; readonly result: ExactResult }
  | { readonly type: 'error'; readonly id: number; readonly code: ExactErrorCode; readonly message: string };

/** Least time between two progress messages, in seconds (a new best plan is always sent). */
const PROGRESS_EVERY_SEC = 0.25;

/**
 * The server side: one optimiser session and a lazily loaded HiGHS.
 *
 * @param post Sends a response.
 * @param loadSolver Loads HiGHS (in the browser with the bundled wasm, in node from node_modules).
 * @returns A function to call with every request (requests are handled one at a time, in order).
 * @example
 * const handle = createExactHandler((m) => self.postMessage(m), () => loadHighs({ locateFile: () => wasmUrl }));
 */
export function createExactHandler(
  post: (message: ExactResponse) => void,
  loadSolver: () => Promise<Highs>,
): (request: ExactRequest) => Promise<void> {
  let session: OptimizerSession | null = null;
  let solver: Promise<Highs> | null = null;
  const needSession = () => {
    if (!session) throw new Error('the exact solver has no data yet: send init first');
    return session;
  };
  const fail = (id: number, error: unknown) => {
    const code: ExactErrorCode =
      error instanceof ExactUnsupportedError
        ? 'unsupported'
        : error instanceof ConstraintError
          ? 'constraints'
          : 'failed';
    post({ type: 'error', id, code, message: error instanceof Error ? error.message : String(error) });
  };

  return async (request) => {
    try {
      switch (request.type) {
        case 'init':
          session = createOptimizerSession(request.data);
          post({ type: 'result', id: request.id, result: { kind: 'init' } });
          return;
        case 'bound': {
          const s = needSession();
          const { plan } = await s.plan(request.scenario, request.k, { robustness: false });
          const answer: BoundAnswer = {
            stops: plan.stops.map((x) => x.row),
            baseline: plan.curve[0] ?? 0,
            reach: plan.curve[plan.curve.length - 1] ?? 0,
            bound: plan.bound,
          };
          post({ type: 'result', id: request.id, result: { kind: 'bound', answer } });
          return;
        }
        case 'solve': {
          const s = needSession();
          const { problem, demand } = s.problem(request.scenario, request.k);
          const at = new Map<number, number>();
          problem.c.rows.forEach((row, i) => at.set(row, i));
          const incumbent = request.incumbent.flatMap((row) => {
            const i = at.get(row);
            return i === undefined ? [] : [i];
          });
          solver ??= loadSolver();
          const highs = await solver;
          let lastPost = -Infinity;
          const out = solveExact(highs, problem, {
            timeLimitSec: request.timeLimitSec,
            incumbent,
            onProgress: (p) => {
              if (!p.set && p.seconds - lastPost < PROGRESS_EVERY_SEC) return;
              lastPost = p.seconds;
              post({
                type: 'progress',
                id: request.id,
                seconds: p.seconds,
                reach: p.reach,
                bound: p.bound,
                stops: p.set ? p.set.map((i) => problem.c.rows[i] ?? 0) : null,
              });
            },
          });
          const plan = out.set
            ? finishPlan(problem, out.set, { greedyReach: NaN, swaps: 0, bound: out.bound })
            : null;
          const answer: SolveAnswer = {
            status: out.status,
            result: plan
              ? { plan, counts: s.headcounts(request.scenario, plan), robust: null, reruns: [], demand }
              : null,
            baseline: problem.baseline,
            reach: out.reach,
            bound: plan ? plan.bound : out.bound,
            seconds: out.seconds,
            stats: out.stats,
          };
          post({ type: 'result', id: request.id, result: { kind: 'solve', answer } });
          return;
        }
        default:
          return request satisfies never;
      }
    } catch (error) {
      fail(request.id, error);
    }
  };
}
