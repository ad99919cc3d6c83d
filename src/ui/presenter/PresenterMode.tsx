import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';
import { enterPresenter, keyAction, leavePresenter, stepScene } from './presenter';

/** Header control: "Presenter mode". */
export function PresenterButton({ disabled = false }: { disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <button type="button" disabled={disabled} onClick={enterPresenter}>
      {t('briefing.presenter')}
    </button>
  );
}

/**
 * The presenter overlay: scene name, "Scene 2 of 5", previous/next, speaker notes behind a toggle, and the keys
 * (→ / PageDown next, ← / PageUp previous, Esc leaves). Leaving full screen with the browser's own Esc leaves too.
 */
export function PresenterOverlay() {
  const { t } = useTranslation();
  const on = useStore((s) => s.presenter);
  const scenes = useStore((s) => s.scenes);
  const index = useStore((s) => s.sceneIndex);
  const [notesOpen, setNotesOpen] = useState(false);

  useEffect(() => {
    if (!on) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const action = keyAction(e.key);
      if (!action) return;
      // Capture phase on window: the map's own arrow-key panning never sees these keys.
      e.preventDefault();
      e.stopPropagation();
      if (action === 'leave') leavePresenter();
      else stepScene(action === 'next' ? 1 : -1);
    };
    let wasFullscreen = Boolean(document.fullscreenElement);
    const onFullscreen = () => {
      if (wasFullscreen && !document.fullscreenElement) leavePresenter();
      wasFullscreen = Boolean(document.fullscreenElement);
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, [on]);

  if (!on) return null;
  const scene = index === null ? undefined : scenes[index];
  return (
    <section className="presenter-bar" aria-label={t('briefing.presenter')}>
      <div className="presenter-title">
        <h2>{scene?.name ?? t('app.title')}</h2>
        {scenes.length > 0 ? (
          <p className="presenter-counter" role="status">
            {t('briefing.counter', { n: (index ?? 0) + 1, total: scenes.length })}
          </p>
        ) : (
          <p className="presenter-counter">{t('briefing.noScenes')}</p>
        )}
      </div>
      <div className="presenter-buttons">
        <button
          type="button"
          aria-label={t('briefing.previous')}
          disabled={scenes.length === 0 || index === 0}
          onClick={() => stepScene(-1)}
        >
          ←
        </button>
        <button
          type="button"
          aria-label={t('briefing.next')}
          disabled={scenes.length === 0 || index === scenes.length - 1}
          onClick={() => stepScene(1)}
        >
          →
        </button>
        <button
          type="button"
          aria-pressed={notesOpen}
          disabled={!scene}
          onClick={() => setNotesOpen(!notesOpen)}
        >
          {t('briefing.speakerNotes')}
        </button>
        <button type="button" onClick={leavePresenter}>
          {t('briefing.exitPresenter')}
        </button>
      </div>
      <p className="presenter-hint">{t('briefing.presenterHint')}</p>
      {notesOpen && scene ? (
        <aside className="presenter-notes" aria-label={t('briefing.speakerNotes')}>
          {scene.notes ? (
            scene.notes.split('\n').map((line, i) => <p key={i}>{line}</p>)
          ) : (
            <p className="muted">{t('briefing.noNotes')}</p>
          )}
        </aside>
      ) : null}
    </section>
  );
}
