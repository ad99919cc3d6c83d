// Nothing saved is lost: broken scenes are kept through saves, two tabs' saves merge, and fuzzed stored state and
// scene files never throw, never lose an item, and decode to plain values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenesFile, scenesToFile } from '../../../src/state/scenes/file';
import { startScenePersistence } from '../../../src/state/scenes/persist';
import { sceneSchema, type Scene } from '../../../src/state/scenes/scene';
import {
  loadScenes,
  mergeScenes,
  parseStored,
  saveScenes,
  SCENES_KEY,
  type SceneBackend,
} from '../../../src/state/scenes/storage';
import { createAppStore } from '../../../src/state/store';
import { DEFAULT_URL_STATE } from '../../../src/state/url';

const scene = (id: string, name = id, patch: Partial<Scene['state']> = {}): Scene => ({
  id,
  name,
  notes: '',
  state: { ...DEFAULT_URL_STATE, ...patch },
  createdAt: '2026-01-01T00:00:00.000Z',
});
const A = scene('a', 'Java');
const B = scene('b', 'Sulawesi', { year: 2019 });
const C = scene('c', 'Papua');

/** One storage shared by every "tab" (structured clones, like IndexedDB). */
function memory(initial: Record<string, unknown> = {}): SceneBackend & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(structuredClone(initial)));
  return {
    data,
    get: (k) => Promise.resolve(structuredClone(data.get(k))),
    set: (k, v) => Promise.resolve(void data.set(k, structuredClone(v))),
    del: (k) => Promise.resolve(void data.delete(k)),
    update: (k, fn) => Promise.resolve(void data.set(k, structuredClone(fn(structuredClone(data.get(k)))))),
  };
}

/** BroadcastChannel stand-ins: a message from one reaches all the others. */
function channels(n: number) {
  const list = Array.from({ length: n }, () => ({
    onmessage: null as ((e: MessageEvent) => void) | null,
    postMessage(message: unknown) {
      for (const c of list) if (c !== this) c.onmessage?.({ data: message } as MessageEvent);
    },
    close() {},
  }));
  return list;
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};
const stored = (b: ReturnType<typeof memory>) => (b.data.get(SCENES_KEY) as { scenes: unknown[] }).scenes;

describe('a broken scene among good ones', () => {
  const broken = { id: 'x', name: 42, state: 'garbled' };

  it('is reported, kept aside, and written back by every save', async () => {
    const backend = memory({ [SCENES_KEY]: { version: 1, scenes: [A, broken, B] } });
    const loaded = await loadScenes(backend);
    expect(loaded.scenes).toEqual([A, B]);
    expect(loaded.problem).toMatchObject({ type: 'skipped', count: 1 });
    expect(loaded.unreadable).toEqual([broken]);
    await saveScenes(backend, loaded.scenes, [A, B, C]);
    expect(stored(backend)).toEqual([A, B, C, broken]);
    await saveScenes(backend, [A, B, C], [C]);
    expect(stored(backend)).toEqual([C, broken]);
  });

  it('survives the store persistence: a new scene is saved next to it', async () => {
    const backend = memory({ [SCENES_KEY]: { version: 1, scenes: [A, broken] } });
    const store = createAppStore();
    const stop = startScenePersistence(store, backend, null);
    await settle();
    expect(store.getState().notices).toMatchObject([
      { type: 'storage', problem: { type: 'skipped', count: 1 } },
    ]);
    const saved = store.getState().saveScene('New', '');
    await settle();
    expect(stored(backend)).toEqual([A, saved, broken]);
    stop();
  });

  it('a repeated id is kept aside rather than merged away', () => {
    const r = parseStored({ version: 1, scenes: [A, { ...B, id: 'a' }] });
    expect(r.scenes).toEqual([A]);
    expect(r.unreadable).toEqual([{ ...B, id: 'a' }]);
  });
});

describe('two tabs', () => {
  it('merge: additions of both, edits and deletions of each', () => {
    expect(mergeScenes([A], [A, B], [A, C]).map((s) => s.id)).toEqual(['a', 'c', 'b']);
    // My new order wins; their addition comes after.
    expect(mergeScenes([A, B], [B, A], [A, B, C]).map((s) => s.id)).toEqual(['b', 'a', 'c']);
    const A2 = { ...A, name: 'Java, edited' };
    expect(mergeScenes([A, B], [A, B], [A2, B])).toEqual([A2, B]);
    expect(mergeScenes([A, B], [A2, B], [A, B])).toEqual([A2, B]);
    // Deleted there, untouched here: stays deleted. Deleted here: gone even if edited there.
    expect(mergeScenes([A, B], [A, B], [B])).toEqual([B]);
    expect(mergeScenes([A, B], [B], [A2, B])).toEqual([B]);
  });

  it('saving in both never overwrites the other tab, and each tab learns of the other', async () => {
    const backend = memory();
    const [c1, c2] = channels(2);
    const tab1 = createAppStore();
    const tab2 = createAppStore();
    const stop1 = startScenePersistence(tab1, backend, c1);
    const stop2 = startScenePersistence(tab2, backend, c2);
    await settle();
    const s1 = tab1.getState().saveScene('From tab 1', '');
    const s2 = tab2.getState().saveScene('From tab 2', '');
    await settle();
    const ids = new Set((stored(backend) as Scene[]).map((s) => s.id));
    expect(ids).toEqual(new Set([s1.id, s2.id]));
    expect(new Set(tab1.getState().scenes.map((s) => s.id))).toEqual(ids);
    expect(new Set(tab2.getState().scenes.map((s) => s.id))).toEqual(ids);
    tab1.getState().editScene(s2.id, { name: 'Renamed in tab 1' });
    await settle();
    expect(tab2.getState().scenes.find((s) => s.id === s2.id)?.name).toBe('Renamed in tab 1');
    tab2.getState().deleteScene(s1.id);
    await settle();
    expect(tab1.getState().scenes.map((s) => s.id)).toEqual([s2.id]);
    expect((stored(backend) as Scene[]).map((s) => s.id)).toEqual([s2.id]);
    stop1();
    stop2();
  });
});

// ---------- fuzzing stored state and scene files ----------

const SEED = 20260112;
const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom('constructor', '__proto__', { __proto__: null }, { toString: 1 }, [], null),
);
/** A valid scene with one field replaced by something else, or left alone. */
const mutated = fc
  .tuple(
    fc.constantFrom(A, B, C),
    fc.constantFrom(
      '',
      'id',
      'name',
      'notes',
      'state',
      'createdAt',
      'state.year',
      'state.hubs',
      'state.rule',
    ),
    junk,
  )
  .map(([s, path, value]) => {
    const copy = structuredClone(s) as unknown as Record<string, Record<string, unknown>>;
    if (path === '') return copy;
    const [a, b] = path.split('.') as [string, string | undefined];
    if (b === undefined) copy[a] = value as Record<string, unknown>;
    else copy[a]![b] = value;
    return copy;
  });
const storedValue = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      version: fc.constant(1),
      scenes: fc.array(fc.oneof(mutated, junk), { maxLength: 6 }),
    }),
  },
  { weight: 1, arbitrary: junk },
);

/** Decoded scenes are valid, plain, distinct by id. */
function expectSound(list: readonly Scene[]) {
  for (const s of list) expect(sceneSchema.safeParse(s).success).toBe(true);
  expect(structuredClone(list)).toEqual(list);
  expect(new Set(list.map((s) => s.id)).size).toBe(list.length);
}

describe('fuzzed stored state (property)', () => {
  it('loads without throwing, and a save loses no stored item', async () => {
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(storedValue, async (raw) => {
        tried++;
        const backend = memory({ [SCENES_KEY]: raw });
        const loaded = await loadScenes(backend);
        expectSound(loaded.scenes);
        const record = (typeof raw === 'object' && raw !== null ? raw : {}) as { scenes?: unknown };
        const fresh = scene(`fresh-${tried}`);
        await saveScenes(backend, loaded.scenes, [...loaded.scenes, fresh]);
        const after = stored(backend);
        expect(after).toContainEqual(fresh);
        // When the record itself was readable, every one of its items is still there.
        if (
          loaded.problem?.type !== 'unreadable' &&
          loaded.problem?.type !== 'newerVersion' &&
          Array.isArray(record.scenes)
        )
          for (const item of record.scenes)
            expect(after).toContainEqual(JSON.parse(JSON.stringify(item)) ?? item);
        expectSound(parseStored(backend.data.get(SCENES_KEY)).scenes);
      }),
      { numRuns: 300, seed: SEED },
    );
    expect(tried).toBe(300);
  }, 30_000);
});

describe('fuzzed scene files (property)', () => {
  it('are accepted as valid plain scenes or rejected with problems, never thrown', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(mutated, junk), { maxLength: 5 }),
        fc.oneof(fc.constant(1), junk),
        (list, version) => {
          const text = JSON.stringify({ kind: 'jangkau-scenes', version, scenes: list });
          const r = parseScenesFile(text);
          if (r.ok) expectSound(r.scenes);
          else expect(r.problems.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300, seed: SEED },
    );
    expect(parseScenesFile(scenesToFile([A, B], new Date(0)))).toEqual({ ok: true, scenes: [A, B] });
  }, 30_000);
});
