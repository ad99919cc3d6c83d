/**
 * The optimiser worker's typed message protocol, and its server side: the request handler that the
 * worker shell (optimizer.worker.ts) and the client's main-thread fallback both run.
 *
 * Requests: init (data, once per worker), rank, plan, cancel. Responses: progress, result, error; each carries
 * the id of its request. Large typed arrays travel as transferables.
 */
import type { CancelSignal } from '../domain/optimizer/cancel';
import { CancelledError, isCancelled } from '../domain/optimizer/cancel';
import type { PlaceColumns } from '../domain/optimizer/candidates';
import type {
  OptimizerData,
  OptimizerSession,
  PlanResult,
  RankResult,
  Scenario,
} from '../domain/optimizer/session';
import { createOptimizerSession } from '../domain/optimizer/session';
import type { CellTable } from '../domain/types';

export type RequestId = number;
export type JobKind = 'rank' | 'plan';

export type OptimizerRequest =
  | { readonly type: 'init'; readonly id: RequestId; readonly data: OptimizerData }
  | { readonly type: 'rank'; readonly id: RequestId; readonly scenario: Scenario }
  | {
      readonly type: 'plan';
      readonly id: RequestId;
      readonly scenario: Scenario;
      readonly k: number;
      readonly robustness: boolean;
    }
  | { readonly type: 'cancel'; readonly id: RequestId; readonly target: RequestId };

/** What the worker holds after init. */
export interface InitInfo {
  readonly cells: number;
  readonly places: number;
  readonly islands: number;
}

export type OptimizerResult =
  | { readonly kind: 'init'; readonly info: InitInfo }
  | { readonly kind: 'rank'; readonly result: RankResult }
  | { readonly kind: 'plan'; readonly result: PlanResult };

export type OptimizerResponse =
  | { readonly type: 'progress'; readonly id: RequestId; readonly done: number; readonly total: number }
  | { readonly type: 'result'; readonly id: RequestId; readonly result: OptimizerResult }
  | {
      readonly type: 'error';
      readonly id: RequestId;
      readonly code: 'cancelled' | 'failed';
      readonly message: string;
    };

/** Sends one response with the buffers to transfer. */
export type Post = (message: OptimizerResponse, transfer: Transferable[]) => void;

function isArrayBuffer(buffer: ArrayBufferLike): buffer is ArrayBuffer {
  return buffer instanceof ArrayBuffer;
}

function buffersOf(arrays: readonly unknown[]): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const a of arrays) {
    if (ArrayBuffer.isView(a) && isArrayBuffer(a.buffer)) out.add(a.buffer);
  }
  return [...out];
}

/**
 * Buffers of a result that can be transferred (they are freshly allocated per request).
 *
 * @param result A result.
 * @returns Distinct ArrayBuffers.
 * @example
 * post({ type: 'result', id, result }, resultTransferables(result));
 */
export function resultTransferables(result: OptimizerResult): ArrayBuffer[] {
  switch (result.kind) {
    case 'init':
      return [];
    case 'rank': {
      const r = result.result.ranking;
      return buffersOf([r.rows, r.gain, r.count, r.polygonShare, r.nearestHubKm]);
    }
    case 'plan':
      return buffersOf([result.result.plan.curve, ...result.result.reruns.map((p) => p.curve)]);
    default:
      return result satisfies never;
  }
}

/**
 * A copy of the data whose typed arrays each own a separate buffer, plus those buffers: safe to transfer
 * (the sender keeps its own data; duplicate buffers, e.g. columns of one cells.bin, would fail to transfer).
 *
 * @param data Cells, gaps, places.
 * @returns The copy and its transfer list.
 * @example
 * const { data: copy, transfer } = copyForTransfer(data);
 * worker.postMessage({ type: 'init', id, data: copy }, transfer);
 */
export function copyForTransfer(data: OptimizerData): { data: OptimizerData; transfer: ArrayBuffer[] } {
  const c = data.cells;
  const cells: CellTable = {
    count: c.count,
    lat: c.lat.slice(),
    lon: c.lon.slice(),
    pop: c.pop.slice(),
    polygon: c.polygon.slice(),
    island: c.island.slice(),
    h3hi: c.h3hi.slice(),
    h3lo: c.h3lo.slice(),
  };
  const p = data.places;
  const places: PlaceColumns = {
    id: Float64Array.from(p.id),
    lat: Float64Array.from(p.lat),
    lon: Float64Array.from(p.lon),
    pop: Float64Array.from(p.pop),
    polygon: Int32Array.from(p.polygon),
  };
  const copy: OptimizerData = {
    cells,
    islandGaps: data.islandGaps.map((g) => [g[0], g[1], g[2]] as const),
    places,
  };
  return {
    data: copy,
    transfer: buffersOf([
      cells.lat,
      cells.lon,
      cells.pop,
      cells.polygon,
      cells.island,
      cells.h3hi,
      cells.h3lo,
      places.id,
      places.lat,
      places.lon,
      places.pop,
      places.polygon,
    ]),
  };
}

/**
 * Waits one macrotask, so that queued messages (e.g. a cancel) arrive before long work starts.
 *
 * @example
 * await nextTask();
 */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The server side of the protocol: keeps one optimiser session and answers requests through `post`.
 * Jobs whose cancel arrives before or while they run end with an error of code 'cancelled'.
 *
 * @param post Sends a response.
 * @param yieldControl Awaited before each job and between plan runs (default: one macrotask).
 * @returns A function to call with every request.
 * @example
 * const handle = createRequestHandler((m, t) => self.postMessage(m, t));
 * self.onmessage = (e) => void handle(e.data);
 */
export function createRequestHandler(
  post: Post,
  yieldControl: () => Promise<void> = nextTask,
): (request: OptimizerRequest) => Promise<void> {
  let session: OptimizerSession | null = null;
  const signals = new Map<RequestId, { aborted: boolean }>();

  const fail = (id: RequestId, error: unknown) => {
    const cancelled = isCancelled(error);
    const message = cancelled ? 'cancelled' : error instanceof Error ? error.message : String(error);
    post({ type: 'error', id, code: cancelled ? 'cancelled' : 'failed', message }, []);
  };

  const run = async (
    id: RequestId,
    job: (s: OptimizerSession, signal: CancelSignal) => Promise<OptimizerResult>,
  ) => {
    const signal = { aborted: false };
    signals.set(id, signal);
    try {
      await yieldControl();
      if (signal.aborted) return fail(id, new CancelledError());
      if (!session) throw new Error('the optimiser has no data yet: send init first');
      const result = await job(session, signal);
      if (signal.aborted) return fail(id, new CancelledError());
      post({ type: 'result', id, result }, resultTransferables(result));
    } catch (error) {
      fail(id, error);
    } finally {
      signals.delete(id);
    }
  };

  return async (request) => {
    switch (request.type) {
      case 'init':
        try {
          session = createOptimizerSession(request.data);
          const info = {
            cells: request.data.cells.count,
            places: request.data.places.lat.length,
            islands: session.index.islandCount,
          };
          post({ type: 'result', id: request.id, result: { kind: 'init', info } }, []);
        } catch (error) {
          fail(request.id, error);
        }
        return;
      case 'cancel': {
        const signal = signals.get(request.target);
        if (signal) signal.aborted = true;
        return;
      }
      case 'rank':
        return run(request.id, (s) => Promise.resolve({ kind: 'rank', result: s.rank(request.scenario) }));
      case 'plan':
        return run(request.id, async (s, signal) => ({
          kind: 'plan',
          result: await s.plan(request.scenario, request.k, {
            robustness: request.robustness,
            signal,
            yieldControl,
            onProgress: (done, total) => post({ type: 'progress', id: request.id, done, total }, []),
          }),
        }));
      default:
        return request satisfies never;
    }
  };
}
