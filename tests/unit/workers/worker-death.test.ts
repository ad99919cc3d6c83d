// A worker that falls silent or ends without an error event: the clients say so instead of waiting for ever (the
// import) or for the whole timeout (the optimiser), and the next call starts a fresh worker.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOptimizerClient, WorkerCrashedError, type WorkerLike } from '../../../src/workers/client';
import {
  createImportClient,
  IMPORT_STALL_MS,
  ImportCrashedError,
  type ImportWorkerLike,
} from '../../../src/workers/import-client';
import { isLifelineHeld, LIFELINE_HELD, lifelineName, LIFELINE_PREFIX } from '../../../src/workers/lifeline';
import { smallContext } from '../domain/import/data';

afterEach(() => {
  vi.useRealTimers();
});

/** A worker that takes messages and never answers (killed, or stuck). */
const terminated: ReturnType<typeof vi.fn>[] = [];
function silentImportWorker(made: ImportWorkerLike[]): () => ImportWorkerLike {
  return () => {
    const terminate = vi.fn();
    terminated.push(terminate);
    const w: ImportWorkerLike = { onmessage: null, onerror: null, postMessage: () => {}, terminate };
    made.push(w);
    return w;
  };
}

describe('import client', () => {
  it('an analysis that hears nothing for the stall time fails as stopped, and the worker is replaced', async () => {
    vi.useFakeTimers();
    const made: ImportWorkerLike[] = [];
    const client = createImportClient(silentImportWorker(made), { stallMs: 5_000 });
    const result = client.analyse(new Blob(['a']), 'a.csv', 1, {}, smallContext());
    const caught = result.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(4_999);
    let settled = false;
    void caught.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect(await caught).toBeInstanceOf(ImportCrashedError);
    expect(terminated.at(-1)).toHaveBeenCalled();
    // Try again: a fresh worker.
    void client.analyse(new Blob(['a']), 'a.csv', 1, {}, smallContext()).catch(() => {});
    expect(made).toHaveLength(2);
    client.dispose();
  });

  it('progress keeps it alive; the default stall time is a minute', async () => {
    expect(IMPORT_STALL_MS).toBe(60_000);
    vi.useFakeTimers();
    const made: ImportWorkerLike[] = [];
    const client = createImportClient(silentImportWorker(made), { stallMs: 1_000 });
    const result = client.analyse(new Blob(['a']), 'a.csv', 1, {}, smallContext());
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(900);
      made[0]!.onmessage?.({ data: { type: 'progress', id: 1, phase: 'parse', fraction: i / 5 } });
    }
    const preview = { file: 'a.csv' } as never;
    made[0]!.onmessage?.({ data: { type: 'result', id: 1, preview } });
    await expect(result).resolves.toBe(preview);
  });

  it('a worker that ends without an error event (its lifeline) fails the analysis at once', async () => {
    const made: ImportWorkerLike[] = [];
    const client = createImportClient(silentImportWorker(made));
    const result = client.analyse(new Blob(['a']), 'a.csv', 1, {}, smallContext());
    made[0]!.onerror?.({});
    await expect(result).rejects.toBeInstanceOf(ImportCrashedError);
  });
});

describe('optimiser client', () => {
  it('a death reported while idle: the next call runs on a fresh worker, long before the timeout', async () => {
    const made: WorkerLike[] = [];
    const client = createOptimizerClient({
      timeoutMs: 30_000,
      createWorker: () => {
        const w: WorkerLike = {
          onmessage: null,
          onerror: null,
          postMessage: (m) => {
            if (made.length > 1 && m.type === 'rank')
              setTimeout(
                () => w.onmessage?.({ data: { type: 'error', id: m.id, code: 'cancelled', message: '' } }),
                0,
              );
          },
          terminate: vi.fn(),
        };
        made.push(w);
        return w;
      },
    });
    const first = client.rank({} as never).catch((e: unknown) => e);
    made[0]!.onerror?.({});
    expect(await first).toBeInstanceOf(WorkerCrashedError);
    void client.rank({} as never).catch(() => {});
    expect(made).toHaveLength(2);
    client.dispose();
  });
});

describe('lifeline', () => {
  it('names carry the prefix and are distinct; the held message is recognised', () => {
    const a = lifelineName('import');
    expect(a.startsWith(`${LIFELINE_PREFIX}import-`)).toBe(true);
    expect(lifelineName('import')).not.toBe(a);
    expect(isLifelineHeld(LIFELINE_HELD)).toBe(true);
    expect(isLifelineHeld({ type: 'progress' })).toBe(false);
    expect(isLifelineHeld(null)).toBe(false);
  });
});
