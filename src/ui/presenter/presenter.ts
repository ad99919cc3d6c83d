/**
 * Presenter mode actions: enter (full screen where the browser allows it), leave, and step through the
 * saved scenes. Kept outside React so the header button, the overlay and the key handler share them.
 */
import { store } from '../../state/store';

/** Enters presenter mode from a user gesture (the Fullscreen API requires one) and shows the first scene. */
export function enterPresenter(): void {
  const s = store.getState();
  s.setPresenter(true);
  // Like a slide show, presenting starts at the first scene.
  if (s.scenes.length > 0) s.showScene(0);
  const root = document.documentElement;
  if (
    document.fullscreenEnabled &&
    !document.fullscreenElement &&
    typeof root.requestFullscreen === 'function'
  )
    root.requestFullscreen().catch(() => {
      // Refused (e.g. inside an iframe without permission): presenter mode works in the window.
    });
}

export function leavePresenter(): void {
  store.getState().setPresenter(false);
  if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
}

/** Shows the next (+1) or previous (−1) scene; stays on the first or last. */
export function stepScene(delta: 1 | -1): void {
  const s = store.getState();
  if (s.scenes.length === 0) return;
  const next = s.sceneIndex === null ? 0 : Math.max(0, Math.min(s.scenes.length - 1, s.sceneIndex + delta));
  if (next !== s.sceneIndex) s.showScene(next);
}

/** The action of a key in presenter mode (presentation clickers send PageDown / PageUp). */
export function keyAction(key: string): 'next' | 'previous' | 'leave' | null {
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'previous';
    case 'Escape':
      return 'leave';
    default:
      return null;
  }
}
