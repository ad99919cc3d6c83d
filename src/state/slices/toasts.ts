import type { StateCreator } from 'zustand';
import type { Store } from '../store';

/**
 * Short messages about something the user just did ("Link copied", "Image saved"). They stack instead of
 * covering one another; a success goes by itself after a few seconds, an error stays until dismissed.
 */
export interface Toast {
  readonly id: number;
  readonly kind: 'done' | 'busy' | 'error';
  /** Worded by the caller in the reader's language. */
  readonly text: string;
}

export interface ToastsState {
  readonly toasts: readonly Toast[];
}

export interface ToastsSlice extends ToastsState {
  /** Adds a toast (or replaces toast `replace`, e.g. "Rendering…" by "Image saved") and returns its id. */
  pushToast: (toast: Omit<Toast, 'id'>, replace?: number) => number;
  dismissToast: (id: number) => void;
}

/** How long a success stays on screen. */
export const TOAST_MS = 5000;
/** At most this many at once: the oldest go first. */
const MAX_TOASTS = 4;

let toastId = 0;

export const createToastsSlice: StateCreator<Store, [], [], ToastsSlice> = (set) => ({
  toasts: [],
  pushToast: (toast, replace) => {
    const id = ++toastId;
    set((s) => ({
      toasts: [...s.toasts.filter((x) => x.id !== replace), { ...toast, id }].slice(-MAX_TOASTS),
    }));
    return id;
  },
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((x) => x.id !== id) })),
});
