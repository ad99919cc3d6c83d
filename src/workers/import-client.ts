/**
 * Promise API of the import worker.
 *
 * - Latest wins: a new analysis cancels the pending one (its promise rejects with `CancelledError`). The worker
 *   may be busy in a long synchronous parse, so it is stopped and a fresh one starts.
 * - Progress callbacks (phase and fraction).
 * - A crashed worker (e.g. out of memory on a huge file) rejects the pending call with a readable message, at
 *   once when it ends without an error event too (its lifeline, lifeline.ts), and so does a silent one (a hang,
 *   {@link IMPORT_STALL_MS}).
 * - Main-thread fallback: without `Worker` (or when it cannot start) the same handler runs in place.
 */
import type { ImportContext, ImportOptions, ImportPreview, Phase } from '../domain/import/pipeline';
import type { ImportRequest, ImportResponse } from './import-protocol';
import { isLifelineHeld, lifelineName, watchLifeline } from './lifeline';

/** The analysis was superseded or cancelled. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor() {
    super('cancelled');
  }
}

/**
 * The worker died (e.g. out of memory on a huge file). The UI words it (`import.crashed`); `detail` is the
 * browser's own message, if it gave one.
 */
export class ImportCrashedError extends Error {
  override readonly name = 'ImportCrashedError';
  constructor(readonly detail?: string) {
    super(`the import worker stopped${detail ? ` (${detail})` : ''}`);
  }
}

/** The part of `Worker` the client uses. */
export interface ImportWorkerLike {
  postMessage(message: ImportRequest): void;
  terminate(): void;
  onmessage: ((event: { readonly data: ImportResponse }) => void) | null;
  onerror: ((event: { readonly message?: string }) => void) | null;
}

/**
 * Runs the handler on the main thread (the fallback), asynchronously. The parsers are loaded on first use, so
 * pages with workers never download them twice.
 */
export function createInlineImportWorker(): ImportWorkerLike {
  let terminated = false;
  let handle: Promise<(request: ImportRequest) => Promise<void>> | null = null;
  const worker: ImportWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      handle ??= import('./import-protocol').then((m) =>
        m.createImportHandler((response) => {
          if (!terminated) worker.onmessage?.({ data: response });
        }),
      );
      void handle
        .then((h) => (terminated ? undefined : h(message)))
        .catch((e: unknown) => worker.onerror?.({ message: e instanceof Error ? e.message : String(e) }));
    },
    terminate() {
      terminated = true;
    },
  };
  return worker;
}

function moduleWorker(): ImportWorkerLike {
  if (typeof Worker === 'undefined') return createInlineImportWorker();
  try {
    const name = lifelineName('import');
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name });
    let unwatch = () => {};
    const like: ImportWorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage: (message) => worker.postMessage(message),
      terminate: () => {
        unwatch();
        worker.terminate();
      },
    };
    worker.onmessage = (event: MessageEvent<ImportResponse>) => {
      // A worker that ends without an error event (closed, killed) is noticed at once through its lifeline.
      if (isLifelineHeld(event.data)) unwatch = watchLifeline(name, () => like.onerror?.({}));
      else like.onmessage?.({ data: event.data });
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      like.onerror?.({ message: event.message });
    };
    // A message that cannot be read leaves the analysis hanging: treat it as a crash (no detail to add).
    worker.onmessageerror = () => like.onerror?.({});
    return like;
  } catch {
    return createInlineImportWorker();
  }
}

/**
 * How long an analysis may go without a word from the worker (progress or result) before it counts as stopped.
 * The worker reports progress several times a second while it reads, parses and matches; a minute of silence is
 * a hang, not a large file.
 */
export const IMPORT_STALL_MS = 60_000;

export interface ImportClientOptions {
  /** See {@link IMPORT_STALL_MS} (tests use less). */
  readonly stallMs?: number;
}

export interface ImportClient {
  /**
   * Analyses a file with the user's choices.
   * @param fileKey changes whenever the user picks another file (the worker keeps the last file's text)
   */
  analyse(
    file: Blob,
    name: string,
    fileKey: number,
    options: ImportOptions,
    context: ImportContext,
    onProgress?: (phase: Phase, fraction: number) => void,
  ): Promise<ImportPreview>;
  /** Cancels the pending analysis (it rejects with `CancelledError`). */
  cancel(): void;
  dispose(): void;
}

/**
 * @param createWorker makes a worker (tests pass the inline one)
 * @example const client = createImportClient(); const preview = await client.analyse(file, file.name, 1, {}, ctx);
 */
export function createImportClient(
  createWorker: () => ImportWorkerLike = moduleWorker,
  options: ImportClientOptions = {},
): ImportClient {
  const stallMs = options.stallMs ?? IMPORT_STALL_MS;
  let worker: ImportWorkerLike | null = null;
  let stall: ReturnType<typeof setTimeout> | null = null;
  /** (Re)starts the wait for the worker's next word on the pending analysis. */
  const watch = () => {
    if (stall !== null) clearTimeout(stall);
    stall = pending ? setTimeout(() => stop(new ImportCrashedError()), stallMs) : null;
  };
  let nextId = 1;
  let pending: {
    id: number;
    resolve: (p: ImportPreview) => void;
    reject: (e: Error) => void;
    onProgress: ((phase: Phase, fraction: number) => void) | undefined;
  } | null = null;

  const stop = (error: Error) => {
    worker?.terminate();
    worker = null;
    const p = pending;
    pending = null;
    watch();
    p?.reject(error);
  };

  const ensure = (): ImportWorkerLike => {
    if (worker) return worker;
    const w = createWorker();
    w.onmessage = ({ data }) => {
      if (worker !== w || !pending || data.id !== pending.id) return;
      watch();
      switch (data.type) {
        case 'progress':
          pending.onProgress?.(data.phase, data.fraction);
          return;
        case 'result': {
          const p = pending;
          pending = null;
          watch();
          p.resolve(data.preview);
          return;
        }
        case 'error': {
          const p = pending;
          pending = null;
          watch();
          p.reject(new Error(data.message));
          return;
        }
        default:
          return data satisfies never;
      }
    };
    w.onerror = (event) => {
      if (worker !== w) return;
      stop(new ImportCrashedError(event.message || undefined));
    };
    worker = w;
    return w;
  };

  return {
    analyse(file, name, fileKey, options, context, onProgress) {
      // A busy worker cannot be interrupted: stop it and start afresh (it loses the cached text, that is all).
      if (pending) stop(new CancelledError());
      const id = nextId++;
      return new Promise<ImportPreview>((resolve, reject) => {
        pending = { id, resolve, reject, onProgress };
        watch();
        ensure().postMessage({ type: 'analyse', id, fileKey, file, name, options, context });
      });
    },
    cancel() {
      if (pending) stop(new CancelledError());
    },
    dispose() {
      stop(new CancelledError());
    },
  };
}
