import { describe, expect, it } from 'vitest';

import { DEFAULT_CATCHMENT_RULE } from '../../../src/domain/catchment';
import { DEFAULT_DEMAND_SETTINGS } from '../../../src/domain/demand';
import { DEFAULT_CANDIDATE_FILTER } from '../../../src/domain/optimizer/candidates';
import type { Scenario } from '../../../src/domain/optimizer/session';
import { createOptimizerSession } from '../../../src/domain/optimizer/session';
import { syntheticInstance } from '../../../src/domain/optimizer/synthetic';
import type { WorkerLike } from '../../../src/workers/client';
import {
  CancelledError,
  createInlineWorker,
  createOptimizerClient,
  isCancelled,
  TimeoutError,
  WorkerCrashedError,
} from '../../../src/workers/client';
import type { OptimizerRequest, OptimizerResponse } from '../../../src/workers/protocol';
import { createRequestHandler } from '../../../src/workers/protocol';

const inst = syntheticInstance({ seed: 3, cells: 2_000, places: 60, islands: 8 });
const data = { cells: inst.cells, islandGaps: inst.islandGaps, places: inst.places };
const scenario: Scenario = {
  rule: DEFAULT_CATCHMENT_RULE,
  hubs: [],
  demand: DEFAULT_DEMAND_SETTINGS,
  share: new Array<number>(33).fill(0.6),
  msmePerResident: null,
  filter: DEFAULT_CANDIDATE_FILTER,
  isEast: inst.isEast,
};

/** A hand-driven fake worker: records requests; the test answers, crashes or stays silent. */
function fakeWorker() {
  const spawned: (WorkerLike & { sent: OptimizerRequest[]; terminated: boolean })[] = [];
  const create = (): WorkerLike => {
    const w = {
      sent: [] as OptimizerRequest[],
      terminated: false,
      onmessage: null as WorkerLike['onmessage'],
      onerror: null as WorkerLike['onerror'],
      postMessage(message: OptimizerRequest) {
        w.sent.push(message);
      },
      terminate() {
        w.terminated = true;
      },
    };
    spawned.push(w);
    return w;
  };
  const reply = (w: WorkerLike, message: OptimizerResponse) => w.onmessage?.({ data: message });
  return { spawned, create, reply };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('optimizer client', () => {
  it('lets the latest rank win: the stale one rejects with CancelledError and its late answer is ignored', async () => {
    const fake = fakeWorker();
    const client = createOptimizerClient({ createWorker: fake.create });
    const first = client.rank(scenario);
    const second = client.rank(scenario);
    await expect(first).rejects.toBeInstanceOf(CancelledError);
    const w = fake.spawned[0]!;
    const [r1, cancel, r2] = w.sent;
    expect(r1?.type).toBe('rank');
    expect(cancel).toMatchObject({ type: 'cancel', target: r1?.id });
    const session = createOptimizerSession(data);
    const answer = session.rank(scenario);
    fake.reply(w, { type: 'result', id: r1!.id, result: { kind: 'rank', result: answer } }); // stale: ignored
    fake.reply(w, { type: 'progress', id: r2!.id, done: 1, total: 1 });
    fake.reply(w, { type: 'result', id: r2!.id, result: { kind: 'rank', result: answer } });
    await expect(second).resolves.toBe(answer);
  });

  it('keeps kinds apart: a plan does not cancel a rank', async () => {
    const fake = fakeWorker();
    const client = createOptimizerClient({ createWorker: fake.create });
    const rank = client.rank(scenario);
    void client.plan(scenario, 3).catch(() => undefined);
    const w = fake.spawned[0]!;
    expect(w.sent.map((m) => m.type)).toEqual(['rank', 'plan']);
    fake.reply(w, { type: 'error', id: w.sent[0]!.id, code: 'failed', message: 'boom' });
    await expect(rank).rejects.toThrow('boom');
    client.dispose();
  });

  it('rejects pending calls when the worker crashes and starts a fresh one, with the data, on the next call', async () => {
    const fake = fakeWorker();
    const client = createOptimizerClient({ createWorker: fake.create });
    const init = client.init(data);
    const w1 = fake.spawned[0]!;
    fake.reply(w1, {
      type: 'result',
      id: w1.sent[0]!.id,
      result: { kind: 'init', info: { cells: 1, places: 1, islands: 1 } },
    });
    await init;
    const rank = client.rank(scenario);
    w1.onerror?.({ message: 'out of memory' });
    const error = await rank.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerCrashedError);
    expect((error as Error).message).toContain('out of memory');
    expect(isCancelled(error)).toBe(false);
    expect(w1.terminated).toBe(true);

    void client.rank(scenario).catch(() => undefined);
    const w2 = fake.spawned[1]!;
    expect(w2.sent.map((m) => m.type)).toEqual(['init', 'rank']);
    const sentInit = w2.sent[0]!;
    if (sentInit.type !== 'init') throw new Error('expected init');
    expect(sentInit.data.cells.pop).toEqual(data.cells.pop);
    expect(sentInit.data.cells.pop).not.toBe(data.cells.pop); // a copy: transferring it leaves ours intact
    client.dispose();
  });

  it('times out, rejects with TimeoutError and restarts the worker', async () => {
    const fake = fakeWorker();
    const client = createOptimizerClient({ createWorker: fake.create, timeoutMs: 5 });
    await expect(client.rank(scenario)).rejects.toBeInstanceOf(TimeoutError);
    expect(fake.spawned[0]!.terminated).toBe(true);
    void client.rank(scenario).catch(() => undefined);
    expect(fake.spawned).toHaveLength(2);
    client.dispose();
  });

  it('falls back to the main thread with the same domain functions, progress included', async () => {
    const client = createOptimizerClient({ createWorker: createInlineWorker });
    const info = await client.init(data);
    expect(info.cells).toBe(2_000);
    const { ranking } = await client.rank(scenario);
    const direct = createOptimizerSession(data).rank(scenario).ranking;
    expect([...ranking.rows]).toEqual([...direct.rows]);
    const progress: number[] = [];
    const plan = await client.plan(scenario, 4, { onProgress: (d, t) => progress.push(d / t) });
    expect(plan.robust).toHaveLength(plan.plan.stops.length);
    expect(progress.at(-1)).toBe(1);
    // Latest wins on the real handler too.
    const stale = client.plan(scenario, 4);
    const fresh = client.plan(scenario, 2, { robustness: false });
    await expect(stale).rejects.toBeInstanceOf(CancelledError);
    expect((await fresh).plan.stops.length).toBeLessThanOrEqual(2);
    client.dispose();
  });
});

describe('request handler', () => {
  it('answers before init with a clear error, and drops a job cancelled before it starts', async () => {
    const out: OptimizerResponse[] = [];
    const handle = createRequestHandler((m) => out.push(m));
    await handle({ type: 'rank', id: 1, scenario });
    expect(out[0]).toMatchObject({
      type: 'error',
      id: 1,
      code: 'failed',
    });
    expect(out[0]?.type === 'error' && out[0].message).toContain('init');
    await handle({ type: 'init', id: 2, data });
    const job = handle({ type: 'rank', id: 3, scenario });
    await handle({ type: 'cancel', id: 4, target: 3 });
    await job;
    await tick();
    expect(out.at(-1)).toMatchObject({ type: 'error', id: 3, code: 'cancelled' });
  });
});
