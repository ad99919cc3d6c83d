/**
 * Scene persistence: the list lives in IndexedDB (idb-keyval) as `{ version, scenes }`, with
 * localStorage as the fallback where IndexedDB is unavailable. Older versions are migrated one step at a time;
 * unreadable data never breaks the page: the list starts empty, a notice says why, and the raw data is kept
 * under a backup key until the user saves over it.
 */
import { createStore, del, get, set, update } from 'idb-keyval';
import { describeIssues, sceneSchema, type InvalidValue, type Scene } from './scene';

export const SCENES_VERSION = 1;
export const SCENES_KEY = 'scenes';
export const BACKUP_KEY = 'scenes-unreadable';
/** IndexedDB database and object store (also the localStorage key prefix). */
export const IDB_NAME = 'jangkau';
export const IDB_STORE = 'briefing';

/** One step from stored version n to n + 1. */
export type StorageMigration = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * `STORAGE_MIGRATIONS[n]` turns a version-n record into version n + 1. Version 1 is the first; when the scene
 * format changes, bump {@link SCENES_VERSION} and add the step here with a unit test.
 */
export const STORAGE_MIGRATIONS: Readonly<Record<number, StorageMigration>> = {};

/** What a JSON value is, for "found …" in a problem (`briefing.found.*`). */
export type ValueKind = 'missing' | 'null' | 'list' | 'text' | 'number' | 'boolean' | 'object' | 'other';

/**
 * What is wrong with stored or imported scenes, as a code with parameters; the UI words it as
 * `briefing.problem.<code>`. `detail` parameters are technical text (a browser's or zod's English).
 */
export type SceneProblem =
  | { readonly code: 'notRecord'; readonly params: { readonly found: ValueKind } }
  | { readonly code: 'missingVersion' }
  | { readonly code: 'badVersion'; readonly params: { readonly found: string } }
  | { readonly code: 'noMigration'; readonly params: { readonly version: number } }
  | {
      readonly code: 'migrationFailed';
      readonly params: { readonly version: number; readonly detail: string };
    }
  | { readonly code: 'notList'; readonly params: { readonly found: ValueKind } }
  | { readonly code: 'invalidValue'; readonly params: InvalidValue }
  | { readonly code: 'storageFailed'; readonly params: { readonly detail: string } }
  | { readonly code: 'notJson'; readonly params: { readonly detail: string } }
  | { readonly code: 'notScenesFile'; readonly params: { readonly kind: string } }
  | { readonly code: 'newerFile'; readonly params: { readonly version: number; readonly supported: number } };

/** A zod problem as a scene problem. */
export const invalid = (v: InvalidValue): SceneProblem => ({ code: 'invalidValue', params: v });

/** Why stored scenes could not be read (all or some). */
export type StorageProblem =
  | { readonly type: 'unreadable'; readonly detail: SceneProblem }
  | { readonly type: 'newerVersion'; readonly version: number }
  | { readonly type: 'skipped'; readonly count: number; readonly detail: SceneProblem };

export interface Loaded {
  readonly scenes: readonly Scene[];
  readonly problem: StorageProblem | null;
  /**
   * The stored items that could not be read, as they were. They stay in storage: every save writes them back
   * after the readable scenes, so nothing the user saved is lost to a later save.
   */
  readonly unreadable?: readonly unknown[];
}

/**
 * Brings a stored (or imported) record up to the current version, one step at a time.
 *
 * @example migrateRecord({ version: 1, scenes: [] }, {}, 1) // { ok: true, data: { version: 1, scenes: [] } }
 */
export function migrateRecord(
  raw: Record<string, unknown>,
  migrations: Readonly<Record<number, StorageMigration>>,
  current = SCENES_VERSION,
): { ok: true; data: Record<string, unknown> } | { ok: false; problem: StorageProblem } {
  let data = raw;
  const version = data['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    const found = JSON.stringify(version);
    return {
      ok: false,
      problem: {
        type: 'unreadable',
        detail: found === undefined ? { code: 'missingVersion' } : { code: 'badVersion', params: { found } },
      },
    };
  }
  if (version > current) return { ok: false, problem: { type: 'newerVersion', version } };
  for (let n = version; n < current; n++) {
    const step = migrations[n];
    if (!step)
      return {
        ok: false,
        problem: { type: 'unreadable', detail: { code: 'noMigration', params: { version: n } } },
      };
    try {
      data = step(data);
    } catch (e) {
      return {
        ok: false,
        problem: {
          type: 'unreadable',
          detail: { code: 'migrationFailed', params: { version: n, detail: (e as Error).message } },
        },
      };
    }
  }
  return { ok: true, data };
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Reads a stored value: migrates it, validates every scene, skips the broken ones.
 *
 * @param raw What storage returned (undefined when nothing was saved yet).
 * @example parseStored(undefined) // { scenes: [], problem: null }
 * @example parseStored('junk').problem // { type: 'unreadable', detail: { code: 'notRecord', params: { found: 'text' } } }
 */
export function parseStored(
  raw: unknown,
  migrations: Readonly<Record<number, StorageMigration>> = STORAGE_MIGRATIONS,
  current = SCENES_VERSION,
): Loaded {
  if (raw === undefined || raw === null) return { scenes: [], problem: null };
  if (!isRecord(raw))
    return {
      scenes: [],
      problem: { type: 'unreadable', detail: { code: 'notRecord', params: { found: kindOf(raw) } } },
    };
  const migrated = migrateRecord(raw, migrations, current);
  if (!migrated.ok) return { scenes: [], problem: migrated.problem };
  const list = migrated.data['scenes'];
  if (!Array.isArray(list))
    return {
      scenes: [],
      problem: { type: 'unreadable', detail: { code: 'notList', params: { found: kindOf(list) } } },
    };
  const scenes: Scene[] = [];
  const problems: SceneProblem[] = [];
  const unreadable: unknown[] = [];
  const ids = new Set<string>();
  list.forEach((item: unknown, i) => {
    const r = sceneSchema.safeParse(item);
    // Two records with one id (written by hand) would be one scene to every later save: keep the second aside.
    if (r.success && !ids.has(r.data.id)) {
      ids.add(r.data.id);
      scenes.push(r.data);
    } else {
      unreadable.push(item);
      if (!r.success) problems.push(...describeIssues(r.error, `scenes[${i}]`).slice(0, 1).map(invalid));
      // The detail is the repeated id itself (technical text, like zod's).
      else problems.push(invalid({ path: `scenes[${i}].id`, detail: JSON.stringify(r.data.id) }));
    }
  });
  if (problems.length > 0 && scenes.length === 0 && list.length > 0)
    return { scenes: [], problem: { type: 'unreadable', detail: problems[0]! }, unreadable };
  return {
    scenes,
    problem: problems.length > 0 ? { type: 'skipped', count: problems.length, detail: problems[0]! } : null,
    ...(unreadable.length > 0 ? { unreadable } : {}),
  };
}

/** What a value is. */
export function kindOf(x: unknown): ValueKind {
  if (x === undefined) return 'missing';
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'list';
  const type = typeof x;
  if (type === 'string') return 'text';
  return type === 'number' || type === 'boolean' || type === 'object' ? type : 'other';
}

/** The record written to storage: the scenes, then the stored items that could not be read, kept as they were. */
export const storedRecord = (scenes: readonly Scene[], unreadable: readonly unknown[] = []) => ({
  version: SCENES_VERSION,
  scenes: [...scenes, ...unreadable],
});

/** Where scenes are kept. */
export interface SceneBackend {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  /** Reads `key` and writes what `fn` makes of it, with no other write in between (one IndexedDB transaction). */
  update(key: string, fn: (old: unknown) => unknown): Promise<void>;
}

/** IndexedDB through idb-keyval. */
export function idbBackend(): SceneBackend {
  const store = createStore(IDB_NAME, IDB_STORE);
  return {
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
    update: (key, fn) => update(key, fn, store),
  };
}

/** localStorage, JSON-encoded (text that is not JSON is passed on as text, so it reads as unreadable). */
export function localStorageBackend(storage: Storage = window.localStorage): SceneBackend {
  const k = (key: string) => `${IDB_NAME}.${IDB_STORE}.${key}`;
  return {
    get: (key) => {
      const text = storage.getItem(k(key));
      if (text === null) return Promise.resolve(undefined);
      try {
        return Promise.resolve(JSON.parse(text) as unknown);
      } catch {
        return Promise.resolve(text);
      }
    },
    set: (key, value) => Promise.resolve(storage.setItem(k(key), JSON.stringify(value))),
    del: (key) => Promise.resolve(storage.removeItem(k(key))),
    // Synchronous: no other script of this page runs between the read and the write.
    update: (key, fn) => {
      const text = storage.getItem(k(key));
      let old: unknown = undefined;
      if (text !== null)
        try {
          old = JSON.parse(text) as unknown;
        } catch {
          old = text;
        }
      storage.setItem(k(key), JSON.stringify(fn(old)));
      return Promise.resolve();
    },
  };
}

/** IndexedDB when it opens, else localStorage (e.g. some private windows), else nothing persists. */
export async function defaultBackend(): Promise<SceneBackend | null> {
  try {
    if (typeof indexedDB !== 'undefined') {
      const idb = idbBackend();
      await idb.get(SCENES_KEY);
      return idb;
    }
  } catch {
    // IndexedDB refused (blocked or broken); try localStorage.
  }
  try {
    const ls = localStorageBackend();
    await ls.get(SCENES_KEY);
    return ls;
  } catch {
    return null;
  }
}

/**
 * Loads the scenes. Unreadable data is copied to {@link BACKUP_KEY} (once) so a later save does not lose it.
 *
 * @example const { scenes, problem } = await loadScenes(await defaultBackend())
 */
export async function loadScenes(backend: SceneBackend): Promise<Loaded> {
  let raw: unknown;
  try {
    raw = await backend.get(SCENES_KEY);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      scenes: [],
      problem: { type: 'unreadable', detail: { code: 'storageFailed', params: { detail } } },
    };
  }
  const loaded = parseStored(raw);
  if (loaded.problem && loaded.problem.type !== 'skipped') {
    try {
      if ((await backend.get(BACKUP_KEY)) === undefined) await backend.set(BACKUP_KEY, raw);
    } catch {
      // The backup is a courtesy; the notice is what matters.
    }
  }
  return loaded;
}

const sameScene = (a: Scene, b: Scene) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Three-way merge of scene lists: `base` is what this tab last read or wrote, `mine` its list now, `theirs` what
 * storage holds now (another tab may have saved since). My additions, edits and deletions win; scenes another tab
 * added are kept, its edits of scenes I did not touch are kept, and a scene it deleted that I did not touch stays
 * deleted. The order is mine if I reordered, else theirs (my additions after theirs), so two tabs agree.
 *
 * @example mergeScenes([a], [a, b], [a, c]).map((s) => s.id) // ['a', 'c', 'b']
 */
export function mergeScenes(
  base: readonly Scene[],
  mine: readonly Scene[],
  theirs: readonly Scene[],
): Scene[] {
  const baseById = new Map(base.map((s) => [s.id, s]));
  const theirsById = new Map(theirs.map((s) => [s.id, s]));
  const mineById = new Map(mine.map((s) => [s.id, s]));
  /** My version of a scene, theirs where I left it as it was (null: deleted there, untouched here). */
  const resolve = (s: Scene): Scene | null => {
    const was = baseById.get(s.id);
    return was && sameScene(was, s) ? (theirsById.get(s.id) ?? null) : s;
  };
  const order = (list: readonly Scene[], keep: ReadonlyMap<string, Scene>) =>
    list.filter((s) => keep.has(s.id)).map((s) => s.id);
  const reordered = order(base, mineById).join('\n') !== order(mine, baseById).join('\n');
  const out: Scene[] = [];
  const push = (s: Scene | null) => {
    if (s) out.push(s);
  };
  if (reordered) {
    for (const s of mine) push(resolve(s));
    for (const s of theirs) if (!mineById.has(s.id) && !baseById.has(s.id)) out.push(s);
    return out;
  }
  for (const t of theirs) {
    const m = mineById.get(t.id);
    if (m) push(resolve(m));
    else if (!baseById.has(t.id)) out.push(t);
  }
  for (const s of mine) if (!theirsById.has(s.id)) push(resolve(s));
  return out;
}

/**
 * Saves `mine` by merging it into what storage holds now, in one transaction (see {@link mergeScenes}); stored
 * items that cannot be read are written back as they were.
 *
 * @param base The list this tab last read or wrote.
 * @returns The merged list now in storage (this tab's new base).
 * @example base = await saveScenes(backend, base, store.getState().scenes)
 */
export async function saveScenes(
  backend: SceneBackend,
  base: readonly Scene[],
  mine: readonly Scene[],
): Promise<Scene[]> {
  let merged: Scene[] = [...mine];
  await backend.update(SCENES_KEY, (raw) => {
    const stored = parseStored(raw);
    // A record that cannot be read at all was copied to the backup key when it was loaded; scenes go over it.
    const wholeUnreadable = stored.problem?.type === 'unreadable' || stored.problem?.type === 'newerVersion';
    merged = mergeScenes(base, mine, wholeUnreadable ? [] : stored.scenes);
    return storedRecord(merged, stored.unreadable ?? []);
  });
  return merged;
}
