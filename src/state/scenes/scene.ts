/**
 * Saved scenes: a named URL state with optional speaker notes, and the pure list transitions.
 */
import { z } from 'zod';
import { urlStateSchema, type UrlState } from '../url';

export interface Scene {
  readonly id: string;
  readonly name: string;
  /** Speaker notes shown in presenter mode behind "Speaker notes". */
  readonly notes: string;
  /** The full URL state (the same object a link carries). */
  readonly state: UrlState;
  /** ISO timestamp. */
  readonly createdAt: string;
}

export const SCENE_NAME_MAX = 120;
export const SCENE_NOTES_MAX = 5000;

export const sceneSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(SCENE_NAME_MAX),
  notes: z.string().max(SCENE_NOTES_MAX),
  state: urlStateSchema,
  createdAt: z.string().min(1).max(40),
});

/** A fresh id: `crypto.randomUUID` where the page is a secure context, a time-and-random id elsewhere. */
export function newSceneId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `scene-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Pure transitions of the scene list (new arrays; inputs never mutated). */
export const scenes = {
  add(list: readonly Scene[], scene: Scene): Scene[] {
    return [...list, scene];
  },
  update(
    list: readonly Scene[],
    id: string,
    patch: Partial<Pick<Scene, 'name' | 'notes' | 'state'>>,
  ): Scene[] {
    return list.map((s) => (s.id === id ? { ...s, ...patch } : s));
  },
  /** Moves a scene up (−1) or down (+1); a move past either end leaves the list as it is. */
  move(list: readonly Scene[], id: string, delta: -1 | 1): Scene[] {
    const i = list.findIndex((s) => s.id === id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= list.length) return [...list];
    const next = [...list];
    [next[i], next[j]] = [next[j]!, next[i]!];
    return next;
  },
  remove(list: readonly Scene[], id: string): Scene[] {
    return list.filter((s) => s.id !== id);
  },
  /** Puts a scene back at `index` (undo of a delete); clamped to the list. */
  insert(list: readonly Scene[], scene: Scene, index: number): Scene[] {
    const i = Math.max(0, Math.min(list.length, index));
    return [...list.slice(0, i), scene, ...list.slice(i)];
  },
  /** Appends imported scenes; an id already in the list gets a new one, so nothing is overwritten. */
  append(list: readonly Scene[], imported: readonly Scene[], makeId: () => string = newSceneId): Scene[] {
    const ids = new Set(list.map((s) => s.id));
    const added = imported.map((s) => {
      const id = ids.has(s.id) ? makeId() : s.id;
      ids.add(id);
      return id === s.id ? s : { ...s, id };
    });
    return [...list, ...added];
  },
};

/** A value that failed validation: where it is in the file, and zod's technical words for what is wrong. */
export interface InvalidValue {
  /** `scenes[2].name`; '' for the whole record. */
  readonly path: string;
  /** e.g. `expected string, received number` (zod's English, shown as a technical detail). */
  readonly detail: string;
}

/** The first problems of a failed zod parse: `{ path: 'scenes[2].name', detail: 'expected string, received number' }`. */
export function describeIssues(error: z.ZodError, prefix = ''): InvalidValue[] {
  return error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.reduce<string>(
      (acc, part) =>
        typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part),
      prefix,
    );
    return { path, detail: issue.message.replace(/^Invalid input: /, '') };
  });
}
