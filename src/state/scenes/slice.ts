/**
 * The briefing slice: saved scenes, the scene on show, and notices (ignored link parts, unreadable
 * storage, failed imports). Persistence is a store subscription (see persist.ts), not part of the slice.
 */
import type { StateCreator } from 'zustand';
import type { Store } from '../store';
import { urlPatch, urlStateOf, type Dropped } from '../url';
import { newSceneId, scenes as sceneList, type Scene } from './scene';
import type { StorageProblem } from './storage';

export type Notice =
  | { readonly id: number; readonly type: 'link'; readonly dropped: readonly Dropped[] }
  | { readonly id: number; readonly type: 'storage'; readonly problem: StorageProblem }
  | { readonly id: number; readonly type: 'saveFailed'; readonly detail: string };

/** A notice before it gets its id. */
export type NoticeInput = Notice extends infer N ? (N extends Notice ? Omit<N, 'id'> : never) : never;

export interface BriefingState {
  readonly scenes: readonly Scene[];
  /** False until the saved scenes have been read from storage. */
  readonly scenesReady: boolean;
  /** Index of the scene last shown (presenter counter), or null. */
  readonly sceneIndex: number | null;
  readonly notices: readonly Notice[];
  /**
   * Where saved scenes are kept: 'pending' until storage has been tried, 'browser' (IndexedDB or localStorage),
   * or 'none' when the browser refuses both (some private modes): scenes then last only as long as the page.
   */
  readonly scenesStorage: 'pending' | 'browser' | 'none';
}

export interface BriefingSlice extends BriefingState {
  /** Replaces the list (loading from storage, importing with "replace"). */
  setScenes: (scenes: readonly Scene[]) => void;
  /** Saves the current view as a new scene at the end of the list. */
  saveScene: (name: string, notes: string) => Scene;
  editScene: (id: string, patch: Partial<Pick<Scene, 'name' | 'notes'>>) => void;
  moveScene: (id: string, delta: -1 | 1) => void;
  deleteScene: (id: string) => void;
  /** Undo of a delete: the scene goes back where it was. */
  restoreScene: (scene: Scene, index: number) => void;
  importScenes: (scenes: readonly Scene[]) => void;
  /** Applies scene `index` (its camera flies there) and remembers it as the current scene. */
  showScene: (index: number) => void;
  pushNotice: (notice: NoticeInput) => void;
  dismissNotice: (id: number) => void;
  setScenesStorage: (where: BriefingState['scenesStorage']) => void;
}

export const initialBriefing: BriefingState = {
  scenes: [],
  scenesReady: false,
  sceneIndex: null,
  notices: [],
  scenesStorage: 'pending',
};

let noticeId = 0;

export const createBriefingSlice: StateCreator<Store, [], [], BriefingSlice> = (set, get) => ({
  ...initialBriefing,
  setScenes: (scenes) => set({ scenes, scenesReady: true, sceneIndex: null }),
  saveScene: (name, notes) => {
    const scene: Scene = {
      id: newSceneId(),
      name: name.trim(),
      notes: notes.trim(),
      state: urlStateOf(get()),
      createdAt: new Date().toISOString(),
    };
    set((s) => ({ scenes: sceneList.add(s.scenes, scene), sceneIndex: s.scenes.length }));
    return scene;
  },
  editScene: (id, patch) => set((s) => ({ scenes: sceneList.update(s.scenes, id, patch) })),
  moveScene: (id, delta) => set((s) => ({ scenes: sceneList.move(s.scenes, id, delta), sceneIndex: null })),
  deleteScene: (id) => set((s) => ({ scenes: sceneList.remove(s.scenes, id), sceneIndex: null })),
  restoreScene: (scene, index) => set((s) => ({ scenes: sceneList.insert(s.scenes, scene, index) })),
  importScenes: (imported) =>
    set((s) => ({ scenes: sceneList.append(s.scenes, imported), scenesReady: true })),
  showScene: (index) => {
    const s = get();
    const scene = s.scenes[index];
    if (!scene) return;
    set({ ...urlPatch(s, scene.state), sceneIndex: index });
  },
  pushNotice: (notice) => set((s) => ({ notices: [...s.notices, { ...notice, id: ++noticeId }] })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  setScenesStorage: (scenesStorage) => set({ scenesStorage }),
});
