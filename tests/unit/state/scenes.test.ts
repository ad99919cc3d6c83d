// Saved scenes. List transitions, storage versions and migrations, corrupted storage, scene files.
import { describe, expect, it } from 'vitest';
import { parseScenesFile, scenesToFile } from '../../../src/state/scenes/file';
import { startScenePersistence } from '../../../src/state/scenes/persist';
import { scenes, type Scene } from '../../../src/state/scenes/scene';
import {
  BACKUP_KEY,
  loadScenes,
  parseStored,
  SCENES_KEY,
  SCENES_VERSION,
  storedRecord,
  type SceneBackend,
} from '../../../src/state/scenes/storage';
import { createAppStore } from '../../../src/state/store';
import { DEFAULT_URL_STATE } from '../../../src/state/url';
import { sceneProblemText } from '../../../src/ui/scene-problem';
import { tEn, tId } from '../i18n/translate';

const scene = (id: string, name = id, patch: Partial<Scene['state']> = {}): Scene => ({
  id,
  name,
  notes: '',
  state: { ...DEFAULT_URL_STATE, ...patch },
  createdAt: '2026-01-01T00:00:00.000Z',
});
const A = scene('a', 'Java', { metric: 'population', camera: { lon: 110, lat: -7, zoom: 6 } });
const B = scene('b', 'Sulawesi', { year: 2019 });
const C = scene('c', 'Papua');

/** An in-memory storage backend. */
function memory(initial: Record<string, unknown> = {}): SceneBackend & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get: (k) => Promise.resolve(data.get(k)),
    set: (k, v) => {
      data.set(k, structuredClone(v));
      return Promise.resolve();
    },
    del: (k) => {
      data.delete(k);
      return Promise.resolve();
    },
    update: (k, fn) => {
      data.set(k, structuredClone(fn(data.get(k))));
      return Promise.resolve();
    },
  };
}

describe('scene list transitions', () => {
  it('moves up and down, and not past either end', () => {
    const list = Object.freeze([A, B, C]);
    expect(scenes.move(list, 'b', -1).map((s) => s.id)).toEqual(['b', 'a', 'c']);
    expect(scenes.move(list, 'b', 1).map((s) => s.id)).toEqual(['a', 'c', 'b']);
    expect(scenes.move(list, 'a', -1).map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(scenes.move(list, 'c', 1).map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(list.map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });

  it('renames, removes, and appends imports without overwriting ids', () => {
    expect(scenes.update([A, B], 'b', { name: 'Sulawesi 2019', notes: 'say this' })[1]).toMatchObject({
      name: 'Sulawesi 2019',
      notes: 'say this',
    });
    expect(scenes.remove([A, B, C], 'b').map((s) => s.id)).toEqual(['a', 'c']);
    // Undo puts a deleted scene back where it was.
    expect(scenes.insert([A, C], B, 1).map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(scenes.insert([A], C, 9).map((s) => s.id)).toEqual(['a', 'c']);
    const merged = scenes.append([A, B], [scene('b', 'Imported B'), C], () => 'fresh');
    expect(merged.map((s) => [s.id, s.name])).toEqual([
      ['a', 'Java'],
      ['b', 'Sulawesi'],
      ['fresh', 'Imported B'],
      ['c', 'Papua'],
    ]);
  });
});

describe('stored scenes', () => {
  it('reads nothing as an empty list without a problem', () => {
    expect(parseStored(undefined)).toEqual({ scenes: [], problem: null });
  });

  it('reads the current version', () => {
    expect(parseStored(storedRecord([A, B]))).toEqual({ scenes: [A, B], problem: null });
  });

  it.each([
    [
      'text',
      '{"version": 1, "scenes": [ not JSON',
      { code: 'notRecord', params: { found: 'text' } },
      'expected an object with "version" and "scenes", found text',
      'seharusnya objek dengan "version" dan "scenes", yang ditemukan teks',
    ],
    [
      'a list',
      [A],
      { code: 'notRecord', params: { found: 'list' } },
      'expected an object with "version" and "scenes", found a list',
      'seharusnya objek dengan "version" dan "scenes", yang ditemukan daftar',
    ],
    ['no version', { scenes: [] }, { code: 'missingVersion' }, '"version" is missing', '"version" tidak ada'],
    [
      'a bad version',
      { version: 'one', scenes: [] },
      { code: 'badVersion', params: { found: '"one"' } },
      '"version" is "one"',
      '"version" bernilai "one"',
    ],
    [
      'no scene list',
      { version: 1, scenes: 'nope' },
      { code: 'notList', params: { found: 'text' } },
      '"scenes" is text, expected a list',
      '"scenes" berupa teks, seharusnya daftar',
    ],
  ] as const)('reports junk (%s) as unreadable, in words of either language', (_, raw, detail, en, id) => {
    expect(parseStored(raw)).toEqual({ scenes: [], problem: { type: 'unreadable', detail } });
    expect(sceneProblemText(tEn, detail)).toBe(en);
    expect(sceneProblemText(tId, detail)).toBe(id);
  });

  it('reports every scene broken as unreadable, naming the first problem', () => {
    const { scenes: list, problem } = parseStored({ version: 1, scenes: [{ id: 'x' }] });
    expect(list).toEqual([]);
    expect(problem).toMatchObject({
      type: 'unreadable',
      detail: {
        code: 'invalidValue',
        params: { path: 'scenes[0].name', detail: 'expected string, received undefined' },
      },
    });
  });

  it('skips broken scenes and keeps the good ones', () => {
    const broken = { ...B, state: { ...B.state, year: 'abc' } };
    const { scenes: list, problem } = parseStored({ version: 1, scenes: [A, broken, C] });
    expect(list).toEqual([A, C]);
    expect(problem).toEqual({
      type: 'skipped',
      count: 1,
      detail: {
        code: 'invalidValue',
        params: { path: 'scenes[1].state.year', detail: 'expected number, received string' },
      },
    });
  });

  it('refuses data from a newer version', () => {
    expect(parseStored({ version: SCENES_VERSION + 1, scenes: [A] })).toEqual({
      scenes: [],
      problem: { type: 'newerVersion', version: SCENES_VERSION + 1 },
    });
  });

  it('migrates old versions one step at a time', () => {
    // A pretend history: version 1 had `title` instead of `name`, version 2 had no notes.
    const migrations = {
      1: (d: Record<string, unknown>) => ({
        version: 2,
        scenes: (d['scenes'] as Record<string, unknown>[]).map(({ title, ...s }) => ({ ...s, name: title })),
      }),
      2: (d: Record<string, unknown>) => ({
        version: 3,
        scenes: (d['scenes'] as Record<string, unknown>[]).map((s) => ({ notes: '', ...s })),
      }),
    };
    const { name, notes: _notes, ...v1 } = A;
    expect(parseStored({ version: 1, scenes: [{ ...v1, title: name }] }, migrations, 3)).toEqual({
      scenes: [A],
      problem: null,
    });
    expect(parseStored({ version: 1, scenes: [] }, { 1: migrations[1] }, 3).problem).toEqual({
      type: 'unreadable',
      detail: { code: 'noMigration', params: { version: 2 } },
    });
    const throwing = {
      1: () => {
        throw new Error('boom');
      },
    };
    expect(parseStored({ version: 1, scenes: [] }, throwing, 2).problem).toEqual({
      type: 'unreadable',
      detail: { code: 'migrationFailed', params: { version: 1, detail: 'boom' } },
    });
  });

  it('keeps a copy of unreadable data, once, so a later save does not lose it', async () => {
    const backend = memory({ [SCENES_KEY]: 'junk' });
    expect((await loadScenes(backend)).problem?.type).toBe('unreadable');
    expect(backend.data.get(BACKUP_KEY)).toBe('junk');
    backend.data.set(SCENES_KEY, 'other junk');
    await loadScenes(backend);
    expect(backend.data.get(BACKUP_KEY)).toBe('junk');
  });

  it('turns a failing storage into a problem, not an exception', async () => {
    const broken: SceneBackend = {
      get: () => Promise.reject(new Error('quota')),
      set: () => Promise.resolve(),
      del: () => Promise.resolve(),
      update: () => Promise.resolve(),
    };
    expect(await loadScenes(broken)).toEqual({
      scenes: [],
      problem: { type: 'unreadable', detail: { code: 'storageFailed', params: { detail: 'quota' } } },
    });
  });
});

describe('scene persistence in the store', () => {
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('loads junk as an empty list with a notice, then saves new scenes over it', async () => {
    const store = createAppStore();
    const backend = memory({ [SCENES_KEY]: { version: 1, scenes: 42 } });
    const stop = startScenePersistence(store, backend);
    await settle();
    expect(store.getState().scenesReady).toBe(true);
    expect(store.getState().scenes).toEqual([]);
    expect(store.getState().notices).toMatchObject([{ type: 'storage', problem: { type: 'unreadable' } }]);
    store.getState().setMetric('population');
    const saved = store.getState().saveScene('  Population  ', 'notes');
    expect(saved).toMatchObject({ name: 'Population', notes: 'notes', state: { metric: 'population' } });
    await settle();
    expect(parseStored(backend.data.get(SCENES_KEY))).toEqual({ scenes: [saved], problem: null });
    stop();
  });

  it('shows a scene: its state applies, its camera flies (origin app)', async () => {
    const store = createAppStore();
    startScenePersistence(store, memory({ [SCENES_KEY]: storedRecord([A, B]) }))();
    store.getState().setScenes([A, B]);
    store.getState().showScene(0);
    expect(store.getState()).toMatchObject({
      metric: 'population',
      camera: A.state.camera,
      cameraOrigin: 'app',
      sceneIndex: 0,
    });
    store.getState().showScene(1);
    expect(store.getState()).toMatchObject({ metric: 'internet_use_bps', year: 2019, sceneIndex: 1 });
    await settle();
  });
});

describe('scene files', () => {
  it('round-trips through export and import', () => {
    const text = scenesToFile([A, B], new Date('2026-02-03T04:05:06Z'));
    expect(JSON.parse(text)).toMatchObject({
      kind: 'jangkau-scenes',
      version: 1,
      exportedAt: '2026-02-03T04:05:06.000Z',
    });
    expect(parseScenesFile(text)).toEqual({ ok: true, scenes: [A, B] });
  });

  it('names the problem of a bad file', () => {
    const words = (text: string) => {
      const r = parseScenesFile(text);
      return r.ok ? [] : r.problems.map((p) => sceneProblemText(tEn, p));
    };
    const notJson = parseScenesFile('not json');
    expect(notJson.ok ? null : notJson.problems.map((p) => p.code)).toEqual(['notJson']);
    expect(words('not json')).toEqual([expect.stringMatching(/^not a JSON file \(.+\)$/)]);
    expect(parseScenesFile('{"scenes": []}')).toEqual({
      ok: false,
      problems: [{ code: 'notScenesFile', params: { kind: 'jangkau-scenes' } }],
    });
    expect(words('{"scenes": []}')).toEqual([
      'not a Jangkau scenes file ("kind" should be "jangkau-scenes")',
    ]);
    expect(words(JSON.stringify({ kind: 'jangkau-scenes', version: 1, scenes: {} }))).toEqual([
      'scenes: expected array, received object',
    ]);
    const bad = JSON.parse(scenesToFile([A, B], new Date())) as { scenes: Record<string, unknown>[] };
    bad.scenes[1]!['name'] = '';
    (bad.scenes[1]!['state'] as Record<string, unknown>)['classes'] = 42;
    expect(words(JSON.stringify(bad))).toEqual([
      'scenes[1].name: Too small: expected string to have >=1 characters',
      'scenes[1].state.classes: Too big: expected number to be <=9',
    ]);
    const newer = JSON.stringify({ kind: 'jangkau-scenes', version: 9, scenes: [] });
    expect(parseScenesFile(newer)).toEqual({
      ok: false,
      problems: [{ code: 'newerFile', params: { version: 9, supported: 1 } }],
    });
    expect(words(newer)).toEqual(['the file is version 9; this app reads up to version 1']);
    const r = parseScenesFile(newer);
    expect(r.ok ? [] : r.problems.map((p) => sceneProblemText(tId, p))).toEqual([
      'berkas ini versi 9; aplikasi ini hanya dapat membaca sampai versi 1',
    ]);
  });
});
