/**
 * Scene persistence (issue #7): the list lives in IndexedDB (idb-keyval) as `{ version, scenes }`, with
 * localStorage as the fallback where IndexedDB is unavailable. Older versions are migrated one step at a time;
 * unreadable data never breaks the page: the list starts empty, a notice says why, and the raw data is kept
 * under a backup key until the user saves over it.
 */
import { createStore, del, get, set } from 'idb-keyval';
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
 * What is wrong with stored or imported scenes, as a code with parameters (issue #9); the UI words it as
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
  list.forEach((item, i) => {
    const r = sceneSchema.safeParse(item);
    if (r.success) scenes.push(r.data);
    else problems.push(...describeIssues(r.error, `scenes[${i}]`).slice(0, 1).map(invalid));
  });
  if (problems.length > 0 && scenes.length === 0 && list.length > 0)
    return { scenes: [], problem: { type: 'unreadable', detail: problems[0]! } };
  return {
    scenes,
    problem: problems.length > 0 ? { type: 'skipped', count: problems.length, detail: problems[0]! } : null,
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

/** The record written to storage. */
export const storedRecord = (scenes: readonly Scene[]) => ({ version: SCENES_VERSION, scenes });

/** Where scenes are kept. */
export interface SceneBackend {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

/** IndexedDB through idb-keyval. */
export function idbBackend(): SceneBackend {
  const store = createStore(IDB_NAME, IDB_STORE);
  return {
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
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

export async function saveScenes(backend: SceneBackend, list: readonly Scene[]): Promise<void> {
  await backend.set(SCENES_KEY, storedRecord(list));
}
