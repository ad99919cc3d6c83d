import { describe, expect, it } from 'vitest';

import { initialHubs } from '../../../src/state/initial';
import { createOptimizerService, scenarioOf, shareYearOf } from '../../../src/state/optimizer-service';
import { createAppStore } from '../../../src/state/store';
import type { WorkerLike } from '../../../src/workers/client';
import { createInlineWorker, createOptimizerClient } from '../../../src/workers/client';
import { embeddedDataset } from './embedded-dataset';

const data = embeddedDataset();

function setup(createWorker: () => WorkerLike = createInlineWorker) {
  const store = createAppStore();
  store.getState().setDataset(data);
  store.getState().setHubs(initialHubs(data));
  const service = createOptimizerService(store, createOptimizerClient({ createWorker }), {
    rerankDelayMs: 0,
  });
  return { store, service };
}

/** Waits until the store satisfies `ok` (the inline worker answers on later macrotasks). */
async function until(ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('optimizer service on the embedded data', () => {
  it('uses the map year for BPS internet use, else the latest BPS year', () => {
    const { store } = setup();
    store.getState().setYear(2019);
    expect(shareYearOf(store.getState())).toBe(2019);
    store.getState().setMetric('population');
    expect(shareYearOf(store.getState())).toBe(2023);
    const scenario = scenarioOf(store.getState());
    expect(scenario.share).toHaveLength(store.getState().dataset!.provinces.polygons.length);
    expect(scenario.share.every((x) => x === null || (x > 0 && x < 1))).toBe(true);
    expect(scenario.msmePerResident).toBeNull();
    store.getState().setDemand({ useMsme: true });
    const rates = scenarioOf(store.getState()).msmePerResident!;
    expect(rates.some((r) => r === null)).toBe(true);
    expect(rates.every((r) => r === null || (r > 0 && r < 1))).toBe(true);
  });

  it('ranks every candidate, best first, with names, and re-ranks after "add as next stop"', async () => {
    const { store, service } = setup();
    await service.rank();
    const s = store.getState();
    expect(s.running).toBeNull();
    expect(s.error).toBeNull();
    const rows = s.ranking!.rows;
    // The default preset plans eastern hubs: only eastern towns are candidates.
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.every((r) => data.isEast[s.grouping][r.polygon])).toBe(true);
    expect(rows[0]!.gain).toBeGreaterThan(0);
    expect(rows.every((r, i) => i === 0 || rows[i - 1]!.gain >= r.gain)).toBe(true);
    expect(rows[0]!.name).not.toBe('');
    expect(s.ranking!.demand.year).toBe(2023);

    const top = rows[0]!;
    store.getState().addHub({ name: top.name, lat: top.lat, lon: top.lon, status: 'added', date: null });
    expect(store.getState().rankingStale).toBe(true);
    await until(() => !store.getState().rankingStale && store.getState().running === null);
    const after = store.getState().ranking!.rows;
    expect(after.find((r) => r.placeId === top.placeId)).toBeUndefined();
    expect(after[0]!.gain).toBeLessThanOrEqual(top.gain);
    service.dispose();
  });

  it('plans k stops with progress, robustness flags and a cumulative reach', async () => {
    const { store, service } = setup();
    store.getState().setPlanK(5);
    const progress: (number | null)[] = [];
    const unsubscribe = store.subscribe((s) => progress.push(s.progress));
    await service.plan();
    unsubscribe();
    const plan = store.getState().plan!;
    expect(plan.stops).toHaveLength(5);
    expect(plan.robustness).toBe(true);
    expect(plan.stops.every((s) => typeof s.robust === 'boolean')).toBe(true);
    let sum = 0;
    for (const stop of plan.stops) {
      sum += stop.gain;
      expect(stop.cumulative).toBeCloseTo(sum, 3);
    }
    expect(progress.some((p) => p !== null && p > 0 && p < 1)).toBe(true);
    expect(store.getState().running).toBeNull();
    expect(store.getState().resultsView).toBe('plan');
    service.dispose();
  });

  it('keeps only the latest of two quick runs', async () => {
    const { store, service } = setup();
    // For each ranking that lands: was it computed without hubs (no distances)?
    const finished: boolean[] = [];
    store.subscribe((s, prev) => {
      if (s.ranking && s.ranking !== prev.ranking)
        finished.push(s.ranking.rows.every((r) => r.nearestHubKm === null));
    });
    const first = service.rank();
    store.getState().setHubs([]);
    const second = service.rank();
    await Promise.all([first, second]);
    await until(() => store.getState().running === null && store.getState().ranking !== null);
    // The run started with the campaign's hubs never lands; every ranking shown is for no hubs.
    expect(finished.length).toBeGreaterThan(0);
    expect(finished.every(Boolean)).toBe(true);
    service.dispose();
  });

  it('says when the worker dies, and the next run works', async () => {
    let spawned = 0;
    const crashOnce = (): WorkerLike => {
      const inner = createInlineWorker();
      const n = ++spawned;
      const w: WorkerLike = {
        onmessage: null,
        onerror: null,
        postMessage(message, transfer) {
          if (n === 1 && message.type === 'rank') {
            setTimeout(() => w.onerror?.({ message: 'out of memory' }), 0);
            return;
          }
          inner.postMessage(message, transfer);
        },
        terminate: () => inner.terminate(),
      };
      inner.onmessage = (e) => w.onmessage?.(e);
      return w;
    };
    const { store, service } = setup(crashOnce);
    await service.rank();
    expect(store.getState().error).toEqual({ job: 'rank', kind: 'crashed', message: 'out of memory' });
    expect(store.getState().running).toBeNull();
    await service.rank();
    expect(store.getState().error).toBeNull();
    expect(store.getState().ranking!.rows[0]!.gain).toBeGreaterThan(0);
    expect(spawned).toBe(2);
    service.dispose();
  });

  it('drops the results when the dataset changes', async () => {
    const { store, service } = setup();
    await service.rank();
    expect(store.getState().ranking).not.toBeNull();
    store.getState().setDataset({ ...data });
    expect(store.getState().ranking).toBeNull();
    await service.rank();
    expect(store.getState().ranking).not.toBeNull();
    service.dispose();
  });
});
