/**
 * Promise API of the exact solver worker.
 *
 * - One job at a time: a new call cancels the pending one (it rejects with `CancelledError`).
 * - Cancel and time-outs stop the worker (HiGHS blocks it while solving, so it cannot read a message); the caller
 *   keeps the best plan and bound the progress callbacks brought. The next call starts a fresh worker and sends it
 *   the data again.
 * - A worker that dies (e.g. out of memory) rejects the pending call with `WorkerCrashedError`.
 */
import type { OptimizerData, Scenario } from '../domain/optimizer/session';
import { CancelledError, TimeoutError, WorkerCrashedError } from './client';
import { copyForTransfer } from './protocol';
import type {
  BoundAnswer,
  ExactErrorCode,
  ExactRequest,
  ExactResponse,
  ExactResult,
  SolveAnswer,
} from './exact-protocol';

/** The worker refused or failed the job; `code` says why ('unsupported': catchments with decay). */
export class ExactError extends Error {
  override readonly name = 'ExactError';
  constructor(
    readonly code: ExactErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The part of `Worker` the client uses. */
export interface ExactWorkerLike {
  postMessage(message: ExactRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: { readonly data: ExactResponse }) => void) | null;
  onerror: ((event: { readonly message?: string }) => void) | null;
}

export interface ExactProgressEvent {
  readonly seconds: number;
  readonly reach: number;
  readonly bound: number;
  readonly stops: readonly number[] | null;
}

/** The data to send to a fresh worker, and the object whose identity says whether it changed. */
export interface ExactDataSource {
  readonly key: object;
  readonly data: () => OptimizerData;
}

export interface ExactClient {
  /** The heuristic plan of the scenario and its upper bound. */
  bound(source: ExactDataSource, scenario: Scenario, k: number): Promise<BoundAnswer>;
  /** The exact plan, starting from `incumbent` (place rows), within `timeLimitSec`. */
  solve(
    source: ExactDataSource,
    scenario: Scenario,
    k: number,
    options: {
      readonly timeLimitSec: number;
      readonly incumbent: readonly number[];
      readonly onProgress?: (event: ExactProgressEvent) => void;
    },
  ): Promise<SolveAnswer>;
  /** Stops the pending job (it rejects with `CancelledError`). */
  cancel(): void;
  dispose(): void;
}

export interface ExactClientOptions {
  readonly createWorker?: () => ExactWorkerLike;
  /** Extra time past the solve's own limit before the worker counts as stuck (default 20 s). */
  readonly graceMs?: number;
  /** Limit of a bound request (default 60 s). */
  readonly boundTimeoutMs?: number;
}

function defaultWorker(): ExactWorkerLike {
  const worker = new Worker(new URL('./exact.worker.ts', import.meta.url), { type: 'module' });
  const like: ExactWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (message, transfer) => worker.postMessage(message, transfer),
    terminate: () => worker.terminate(),
  };
  worker.onmessage = (event: MessageEvent<ExactResponse>) => like.onmessage?.({ data: event.data });
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    like.onerror?.({ message: event.message });
  };
  worker.onmessageerror = () => like.onerror?.({});
  return like;
}

interface Pending {
  readonly id: number;
  readonly resolve: (result: ExactResult) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress: ((event: ExactProgressEvent) => void) | undefined;
  readonly timer: ReturnType<typeof setTimeout>;
}

/**
 * Creates the client; the worker starts on the first call.
 *
 * @param options Worker factory, grace time.
 * @returns The client.
 * @example
 * const exact = createExactClient();
 * const answer = await exact.solve(source, scenario, 10, { timeLimitSec: 30, incumbent, onProgress });
 */
export function createExactClient(options: ExactClientOptions = {}): ExactClient {
  const makeWorker = options.createWorker ?? defaultWorker;
  const graceMs = options.graceMs ?? 20_000;
  const boundTimeoutMs = options.boundTimeoutMs ?? 60_000;
  let worker: ExactWorkerLike | null = null;
  let dataKey: object | null = null;
  let nextId = 1;
  let pending: Pending | null = null;

  const stop = (error: Error) => {
    worker?.terminate();
    worker = null;
    dataKey = null;
    const p = pending;
    pending = null;
    if (p) {
      clearTimeout(p.timer);
      p.reject(error);
    }
  };

  const onMessage = (message: ExactResponse) => {
    const p = pending;
    if (!p || message.id !== p.id) return;
    switch (message.type) {
      case 'progress':
        p.onProgress?.({
          seconds: message.seconds,
          reach: message.reach,
          bound: message.bound,
          stops: message.stops,
        });
        return;
      case 'result':
        pending = null;
        clearTimeout(p.timer);
        p.resolve(message.result);
        return;
      case 'error':
        pending = null;
        clearTimeout(p.timer);
        p.reject(new ExactError(message.code, message.message));
        return;
      default:
        return message satisfies never;
    }
  };

  const ensureWorker = (source: ExactDataSource): ExactWorkerLike => {
    if (worker && dataKey === source.key) return worker;
    if (!worker) {
      const w = makeWorker();
      w.onmessage = (event) => {
        if (worker === w) onMessage(event.data);
      };
      w.onerror = (event) => {
        if (worker !== w) return;
        const reason = event.message ? `: ${event.message}` : '';
        stop(new WorkerCrashedError(`the exact solver crashed${reason}`, event.message || undefined));
      };
      worker = w;
    }
    // The init answer is not awaited: the worker handles messages in order.
    const { data, transfer } = copyForTransfer(source.data());
    worker.postMessage({ type: 'init', id: nextId++, data }, transfer);
    dataKey = source.key;
    return worker;
  };

  const send = (
    source: ExactDataSource,
    build: (id: number) => ExactRequest,
    timeoutMs: number,
    onProgress?: (event: ExactProgressEvent) => void,
  ): Promise<ExactResult> => {
    if (pending) stop(new CancelledError('superseded'));
    return new Promise<ExactResult>((resolve, reject) => {
      const w = ensureWorker(source);
      const id = nextId++;
      const timer = setTimeout(() => {
        if (pending?.id === id)
          stop(new TimeoutError(`the exact solver did not answer within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      pending = { id, resolve, reject, onProgress, timer };
      w.postMessage(build(id), []);
    });
  };

  return {
    async bound(source, scenario, k) {
      const result = await send(source, (id) => ({ type: 'bound', id, scenario, k }), boundTimeoutMs);
      if (result.kind !== 'bound') throw new Error(`unexpected ${result.kind} answer to bound`);
      return result.answer;
    },
    async solve(source, scenario, k, solveOptions) {
      const result = await send(
        source,
        (id) => ({
          type: 'solve',
          id,
          scenario,
          k,
          timeLimitSec: solveOptions.timeLimitSec,
          incumbent: [...solveOptions.incumbent],
        }),
        solveOptions.timeLimitSec * 1000 + graceMs,
        solveOptions.onProgress,
      );
      if (result.kind !== 'solve') throw new Error(`unexpected ${result.kind} answer to solve`);
      return result.answer;
    },
    cancel() {
      if (pending) stop(new CancelledError('cancelled'));
    },
    dispose() {
      stop(new CancelledError('the exact solver client was disposed'));
    },
  };
}

let shared: ExactClient | null = null;

/**
 * The app's exact solver client, created (with its worker) on first use.
 *
 * @example exactClient().bound(source, scenario, 10);
 */
export function exactClient(): ExactClient {
  shared ??= createExactClient();
  return shared;
}
