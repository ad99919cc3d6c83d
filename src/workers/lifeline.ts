/**
 * Noticing at once that a worker died. A worker that is closed or killed (by the browser under memory pressure,
 * or by its own `close()`) fires no `error` event: its page would wait for an answer that never comes. So each
 * worker holds a Web Lock named after it for its whole life and says so; the page then asks for the same lock,
 * which the browser grants only when the worker is gone. Where Web Locks are missing, the clients' timeouts remain.
 */

/** Worker names that carry a lifeline start with this. */
export const LIFELINE_PREFIX = 'jangkau-lifeline-';

/** The message a worker posts once it holds its lock. */
export const LIFELINE_HELD = { type: 'lifeline-held' } as const;

/** True for the worker's "I hold my lock" message (the clients do not pass it on). */
export const isLifelineHeld = (data: unknown): boolean =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === LIFELINE_HELD.type;

/** The part of `navigator.locks` used here. */
interface Locks {
  request(name: string, callback: () => Promise<unknown>): Promise<unknown>;
}

const locksOf = (nav: unknown): Locks | null => {
  const locks = (nav as { locks?: Locks } | undefined)?.locks;
  return locks && typeof locks.request === 'function' ? locks : null;
};

/**
 * A fresh worker name with a lifeline: `jangkau-lifeline-<kind>-<random>`.
 * @example new Worker(url, { type: 'module', name: lifelineName('import') })
 */
export function lifelineName(kind: string): string {
  return `${LIFELINE_PREFIX}${kind}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Worker side: holds the lock named after this worker until it ends, then posts {@link LIFELINE_HELD}.
 * @param name the worker's name (`self.name`)
 * @param post posts a message to the page
 */
export function holdLifeline(name: string, post: (message: typeof LIFELINE_HELD) => void): void {
  const locks = locksOf(globalThis.navigator);
  if (!locks || !name.startsWith(LIFELINE_PREFIX)) return;
  void locks.request(name, () => {
    post(LIFELINE_HELD);
    // Never settles: the lock is released only when the worker ends.
    return new Promise<never>(() => {});
  });
}

/**
 * Page side: calls `onDeath` when the worker holding `name` ends, unless `cancel()` was called first (the page
 * stopped the worker itself).
 * @returns cancel
 */
export function watchLifeline(name: string, onDeath: () => void): () => void {
  let cancelled = false;
  const locks = locksOf(globalThis.navigator);
  if (locks)
    void locks
      .request(name, () => {
        if (!cancelled) onDeath();
        return Promise.resolve();
      })
      .catch(() => {
        // No lock (e.g. the page is closing): nothing to report.
      });
  return () => {
    cancelled = true;
  };
}
