/**
 * Keeps the scene list in the browser: reads it once at start-up, then saves whenever it changes.
 * A read problem becomes a notice and an empty (or shortened) list; the page always comes up.
 *
 * Several tabs share the list: a save merges into what storage holds in one transaction (storage.ts,
 * `saveScenes`), then tells the other tabs on a BroadcastChannel, which read the list again and merge it into
 * theirs. Without any storage (both IndexedDB and localStorage blocked), the slice says so (`scenesStorage`),
 * and the scenes panel offers the scene file instead.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Store } from '../store';
import type { Scene } from './scene';
import {
  defaultBackend,
  IDB_NAME,
  loadScenes,
  mergeScenes,
  parseStored,
  saveScenes,
  SCENES_KEY,
  type SceneBackend,
} from './storage';

/** The channel tabs of this origin announce scene saves on. */
export const SCENES_CHANNEL = `${IDB_NAME}.scenes`;

const same = (a: readonly Scene[], b: readonly Scene[]) => JSON.stringify(a) === JSON.stringify(b);

/** A BroadcastChannel where the platform has one (not in old browsers or some test environments). */
function openChannel(): BroadcastChannel | null {
  try {
    return typeof BroadcastChannel === 'function' ? new BroadcastChannel(SCENES_CHANNEL) : null;
  } catch {
    return null;
  }
}

/**
 * @param store The app store.
 * @param backend Storage to use (tests); default IndexedDB, else localStorage, else none.
 * @param channel Where saves are announced to other tabs (tests pass their own); default a BroadcastChannel.
 * @returns Unsubscribe.
 * @example const stop = startScenePersistence(store)
 */
export function startScenePersistence(
  store: StoreApi<Store>,
  backend?: SceneBackend | null,
  channel: Pick<BroadcastChannel, 'postMessage' | 'close' | 'onmessage'> | null = openChannel(),
): () => void {
  let stopped = false;
  let unsubscribe = () => {};
  void (async () => {
    const b = backend === undefined ? await defaultBackend() : backend;
    const loaded = b ? await loadScenes(b) : { scenes: [], problem: null };
    if (stopped) return;
    const s = store.getState();
    s.setScenesStorage(b ? 'browser' : 'none');
    // Scenes imported while storage was being read are kept after the stored ones.
    const pending = s.scenesReady ? s.scenes : [];
    s.setScenes([...loaded.scenes, ...pending]);
    if (loaded.problem) s.pushNotice({ type: 'storage', problem: loaded.problem });
    if (!b) return;

    /** The list as this tab last read or wrote it: the base of every merge. */
    let base: readonly Scene[] = loaded.scenes;
    /** True while this module puts a merged list into the store (that is not a change to save). */
    let applying = false;
    const apply = (list: readonly Scene[]) => {
      if (same(list, store.getState().scenes)) return;
      applying = true;
      try {
        store.setState({ scenes: list });
      } finally {
        applying = false;
      }
    };

    let queue = Promise.resolve();
    const save = () => {
      queue = queue
        .then(async () => {
          const mine = store.getState().scenes;
          const merged = await saveScenes(b, base, mine);
          base = merged;
          // The list may have changed again while storage worked: keep those changes (the next save writes them).
          const now = store.getState().scenes;
          apply(now === mine ? merged : mergeScenes(mine, now, merged));
          channel?.postMessage({ type: 'saved' });
        })
        .catch((e: unknown) =>
          store
            .getState()
            .pushNotice({ type: 'saveFailed', detail: e instanceof Error ? e.message : String(e) }),
        );
    };
    /** Another tab saved: read the list and merge it into ours (after any save of ours still under way). */
    const refresh = () => {
      queue = queue
        .then(async () => {
          const theirs = parseStored(await b.get(SCENES_KEY));
          if (theirs.problem && theirs.problem.type !== 'skipped') return;
          const merged = mergeScenes(base, store.getState().scenes, theirs.scenes);
          base = theirs.scenes;
          apply(merged);
          // Anything of ours not in storage yet goes there now (when nothing is, the tabs agree and stop here).
          if (!same(merged, base)) save();
        })
        .catch(() => {
          // The next save merges again; a failed refresh loses nothing.
        });
    };

    unsubscribe = store.subscribe((next, prev) => {
      if (applying || next.scenes === prev.scenes || !next.scenesReady) return;
      save();
    });
    if (channel) channel.onmessage = () => refresh();
    if (pending.length > 0) save();
  })();
  return () => {
    stopped = true;
    unsubscribe();
    if (channel) {
      channel.onmessage = null;
      channel.close();
    }
  };
}
