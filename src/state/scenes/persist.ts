/**
 * Keeps the scene list in the browser (issue #7): reads it once at start-up, then writes it whenever it changes.
 * A read problem becomes a notice and an empty (or shortened) list; the page always comes up.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Store } from '../store';
import { defaultBackend, loadScenes, saveScenes, type SceneBackend } from './storage';

/**
 * @param store The app store.
 * @param backend Storage to use (tests); default IndexedDB, else localStorage.
 * @returns Unsubscribe.
 * @example const stop = startScenePersistence(store)
 */
export function startScenePersistence(store: StoreApi<Store>, backend?: SceneBackend | null): () => void {
  let stopped = false;
  let unsubscribe = () => {};
  void (async () => {
    const b = backend === undefined ? await defaultBackend() : backend;
    const loaded = b ? await loadScenes(b) : { scenes: [], problem: null };
    if (stopped) return;
    const s = store.getState();
    // Scenes imported while storage was being read are kept after the stored ones.
    const pending = s.scenesReady ? s.scenes : [];
    s.setScenes([...loaded.scenes, ...pending]);
    if (loaded.problem) s.pushNotice({ type: 'storage', problem: loaded.problem });
    if (!b) return;
    let writing = Promise.resolve();
    unsubscribe = store.subscribe((next, prev) => {
      if (next.scenes === prev.scenes || !next.scenesReady) return;
      const list = next.scenes;
      writing = writing
        .then(() => saveScenes(b, list))
        .catch((e: unknown) =>
          store.getState().pushNotice({ type: 'saveFailed', detail: (e as Error).message }),
        );
    });
    if (pending.length > 0) await saveScenes(b, store.getState().scenes).catch(() => {});
  })();
  return () => {
    stopped = true;
    unsubscribe();
  };
}
