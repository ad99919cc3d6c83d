import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { store, useStore } from '../state/store';
import { ExportMenu } from './ExportMenu';
import { PresenterButton } from './presenter/PresenterMode';
import { ShareButton } from './ShareButton';

/** The header's briefing controls: share, scenes, presenter mode, image and data export. */
export function BriefingActions() {
  const { t } = useTranslation();
  const scenesOpen = useStore((s) => s.panel === 'scenes');
  // Scenes and presenter mode apply views to the data: off until the data are in.
  const noData = useStore((s) => s.dataset === null);
  // "Save view as scene" from anywhere: Alt+Shift+S saves the whole view under the next default name.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.altKey && e.shiftKey && e.code === 'KeyS')) return;
      const s = store.getState();
      if (!s.dataset || !s.scenesReady) return;
      e.preventDefault();
      const scene = s.saveScene(t('briefing.defaultName', { n: s.scenes.length + 1 }), '');
      s.pushToast({ kind: 'done', text: t('briefing.saved', { name: scene.name }) });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [t]);
  return (
    <div className="header-briefing" role="group" aria-label={t('briefing.actions')}>
      <ShareButton />
      <button
        type="button"
        aria-pressed={scenesOpen}
        aria-keyshortcuts="Alt+Shift+S"
        title={t('briefing.saveShortcut')}
        disabled={noData}
        onClick={() => store.getState().openPanel('scenes')}
      >
        {t('briefing.scenes')}
      </button>
      <PresenterButton disabled={noData} />
      <ExportMenu />
    </div>
  );
}
