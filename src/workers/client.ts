/**
 * Promise API of the optimiser worker.
 *
 * - Latest wins: a new `rank` (or `plan`) rejects the previous pending one of the same kind with a
 *   `CancelledError` and tells the worker to drop it; a stale answer that still arrives is ignored.
 * - Progress callbacks, a per-call timeout (the worker is restarted, since it is stuck).
 * - Crash recovery: when the worker dies (`onerror`, or its lifeline: lifeline.ts), every pending call is
 *   rejected with a `WorkerCrashedError` at once; the next call spawns a fresh worker and sends it the data again.
 * - Main-thread fallback: without `Worker` (or when it cannot start) the same request handler runs in-process.
 */
import { CancelledError } from '../domain/optimizer/cancel';
import type { OptimizerData, PlanResult, RankResult, Scenario } from '../domain/optimizer/session';
import type {
  InitInfo,
  JobKind,
  OptimizerRequest,
  OptimizerResponse,
  OptimizerResult,
  RequestId,
} from './protocol';
import { isLifelineHeld, lifelineName, watchLifeline } from './lifeline';
import { copyForTransfer, createRequestHandler } from './protocol';

export { CancelledError, isCancelled } from '../domain/optimizer/cancel';

/** A call took longer than the timeout; the worker was restarted. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * The worker died (or was restarted) while the call was pending. `detail` is the browser's own message, if it
 * gave one; the UI words the rest (`simulate.error.crashed`).
 */
export class WorkerCrashedError extends Error {
  override readonly name = 'WorkerCrashedError';
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** The part of `Worker` the client uses (a fake in tests, an in-process one for the fallback). */
export interface WorkerLike {
  postMessage(message: OptimizerRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: { readonly data: OptimizerResponse }) => void) | null;
  onerror: ((event: { readonly message?: string }) => void) | null;
}

export interface OptimizerClientOptions {
  /** Makes a worker; default: the module worker, or the in-process fallback when `Worker` is unavailable. */
  readonly createWorker?: () => WorkerLike;
  /** Per-call timeout in ms (default 30 s). */
  readonly timeoutMs?: number;
}

export interface CallOptions {
  readonly onProgress?: (done: number, total: number) => void;
}

export interface OptimizerClient {
  /** Hands the data to the worker (kept, so a restarted worker gets it again). */
  init(data: OptimizerData): Promise<InitInfo>;
  rank(scenario: Scenario, options?: CallOptions): Promise<RankResult>;
  plan(
    scenario: Scenario,
    k: number,
    options?: CallOptions & { readonly robustness?: boolean },
  ): Promise<PlanResult>;
  /** Cancels the pending call of a kind (it rejects with `CancelledError`). */
  cancel(kind: JobKind): void;
  /** Rejects everything pending and stops the worker. */
  dispose(): void;
}

/**
 * A worker-like object that runs the request handler on the main thread (same domain code, asynchronously).
 *
 * @returns A WorkerLike.
 * @example
 * createOptimizerClient({ createWorker: createInlineWorker });
 */
export function createInlineWorker(): WorkerLike {
  let terminated = false;
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      setTimeout(() => {
        if (!terminated) void handle(message);
      }, 0);
    },
    terminate() {
      terminated = true;
    },
  };
  const handle = createRequestHandler((message) => {
    if (!terminated) worker.onmessage?.({ data: message });
  });
  return worker;
}

/** The module worker when the platform has one, else the in-process fallback. */
function defaultWorker(): WorkerLike {
  if (typeof Worker === 'undefined') return createInlineWorker();
  try {
    const name = lifelineName('optimizer');
    const worker = new Worker(new URL('./optimizer.worker.ts', import.meta.url), { type: 'module', name });
    let unwatch = () => {};
    const like: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage: (message, transfer) => worker.postMessage(message, transfer),
      terminate: () => {
        unwatch();
        worker.terminate();
      },
    };
    worker.onmessage = (event: MessageEvent<OptimizerResponse>) => {
      // A worker that ends without an error event (closed, killed) is noticed at once through its lifeline.
      if (isLifelineHeld(event.data)) unwatch = watchLifeline(name, () => like.onerror?.({}));
      else like.onmessage?.({ data: event.data });
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      like.onerror?.({ message: event.message });
    };
    // A message that cannot be read leaves the job hanging: treat it as a crash (no detail to add).
    worker.onmessageerror = () => like.onerror?.({});
    return like;
  } catch {
    return createInlineWorker();
  }
}

interface Pending {
  readonly kind: JobKind | 'init';
  readonly resolve: (result: OptimizerResult) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress: ((done: number, total: number) => void) | undefined;
  readonly timer: ReturnType<typeof setTimeout>;
}

/**
 * Creates the client. Nothing starts until the first call.
 *
 * @param options Worker factory and timeout.
 * @returns The client.
 * @example
 * const optimizer = createOptimizerClient();
 * await optimizer.init({ cells, islandGaps: meta.islandGaps, places });
 * const { ranking } = await optimizer.rank(scenario);
 * optimizer.plan(scenario, 10, { onProgress: (d, t) => setProgress(d / t) }).catch((e) => {
 *   if (!isCancelled(e)) throw e;
 * });
 */
export function createOptimizerClient(options: OptimizerClientOptions = {}): OptimizerClient {
  const makeWorker = options.createWorker ?? defaultWorker;
  const timeoutMs = options.timeoutMs ?? 30_000;
  let worker: WorkerLike | null = null;
  let workerHasData = false;
  let data: OptimizerData | null = null;
  let nextId = 1;
  const pending = new Map<RequestId, Pending>();
  const latest = new Map<JobKind, RequestId>();

  const settle = (id: RequestId): Pending | undefined => {
    const p = pending.get(id);
    if (!p) return undefined;
    pending.delete(id);
    clearTimeout(p.timer);
    for (const [kind, latestId] of latest) if (latestId === id) latest.delete(kind);
    return p;
  };

  /** Stops the worker and rejects everything pending; the next call starts a fresh one. */
  const restart = (error: (p: Pending) => Error) => {
    worker?.terminate();
    worker = null;
    workerHasData = false;
    for (const id of [...pending.keys()]) {
      const p = settle(id);
      p?.reject(error(p));
    }
  };

  const onMessage = (message: OptimizerResponse) => {
    switch (message.type) {
      case 'progress':
        pending.get(message.id)?.onProgress?.(message.done, message.total);
        return;
      case 'result':
        settle(message.id)?.resolve(message.result);
        return;
      case 'error': {
        const p = settle(message.id);
        p?.reject(message.code === 'cancelled' ? new CancelledError() : new Error(message.message));
        return;
      }
      default:
        return message satisfies never;
    }
  };

  const ensureWorker = (): WorkerLike => {
    if (worker) return worker;
    const w = makeWorker();
    w.onmessage = (event) => {
      if (worker === w) onMessage(event.data);
    };
    w.onerror = (event) => {
      if (worker !== w) return;
      const reason = event.message ? `: ${event.message}` : '';
      restart(
        () => new WorkerCrashedError(`the optimiser worker crashed${reason}`, event.message || undefined),
      );
    };
    worker = w;
    return w;
  };

  const send = (
    kind: JobKind | 'init',
    build: (id: RequestId) => OptimizerRequest,
    transfer: Transferable[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<OptimizerResult> =>
    new Promise<OptimizerResult>((resolve, reject) => {
      const w = ensureWorker();
      if (kind !== 'init' && data && !workerHasData) sendInit(w, data);
      const id = nextId++;
      const timer = setTimeout(() => {
        const p = pending.get(id);
        if (!p) return;
        restart((q) =>
          q === p
            ? new TimeoutError(`the optimiser took longer than ${timeoutMs} ms`)
            : new WorkerCrashedError('the optimiser worker was restarted after a timeout'),
        );
      }, timeoutMs);
      pending.set(id, { kind, resolve, reject, onProgress, timer });
      if (kind !== 'init') latest.set(kind, id);
      w.postMessage(build(id), transfer);
    });

  /**
   * Re-sends the kept data to a fresh worker before its first job. Its answer is not awaited: the worker handles
   * messages in order, and if init fails the job that follows fails with the worker's message.
   */
  const sendInit = (w: WorkerLike, d: OptimizerData) => {
    workerHasData = true;
    const { data: copy, transfer } = copyForTransfer(d);
    w.postMessage({ type: 'init', id: nextId++, data: copy }, transfer);
  };

  const cancel = (kind: JobKind) => {
    const id = latest.get(kind);
    if (id === undefined) return;
    const p = settle(id);
    worker?.postMessage({ type: 'cancel', id: nextId++, target: id }, []);
    p?.reject(new CancelledError(`superseded ${kind}`));
  };

  return {
    async init(d) {
      // Keep our own copy: the one sent is transferred (and so emptied) on every (re)start.
      data = copyForTransfer(d).data;
      const { data: copy, transfer } = copyForTransfer(data);
      workerHasData = true;
      const result = await send('init', (id) => ({ type: 'init', id, data: copy }), transfer);
      if (result.kind !== 'init') throw new Error(`unexpected ${result.kind} answer to init`);
      return result.info;
    },
    async rank(scenario, callOptions = {}) {
      cancel('rank');
      const result = await send('rank', (id) => ({ type: 'rank', id, scenario }), [], callOptions.onProgress);
      if (result.kind !== 'rank') throw new Error(`unexpected ${result.kind} answer to rank`);
      return result.result;
    },
    async plan(scenario, k, callOptions = {}) {
      cancel('plan');
      const robustness = callOptions.robustness ?? true;
      const result = await send(
        'plan',
        (id) => ({ type: 'plan', id, scenario, k, robustness }),
        [],
        callOptions.onProgress,
      );
      if (result.kind !== 'plan') throw new Error(`unexpected ${result.kind} answer to plan`);
      return result.result;
    },
    cancel,
    dispose() {
      restart(() => new CancelledError('the optimiser client was disposed'));
      data = null;
    },
  };
}
