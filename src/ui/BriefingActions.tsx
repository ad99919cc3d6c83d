import { useTranslation } from 'react-i18next';
import { store, useStore } from '../state/store';
import { ExportMenu } from './ExportMenu';
import { PresenterButton } from './presenter/PresenterMode';
import { ShareButton } from './ShareButton';

/** The header's briefing controls (issue #7): share, scenes, presenter mode, image and data export. */
export function BriefingActions() {
  const { t } = useTranslation();
  const scenesOpen = useStore((s) => s.panel === 'scenes');
  // Scenes and presenter mode apply views to the data: off until the data are in.
  const noData = useStore((s) => s.dataset === null);
  return (
    <div className="header-briefing" role="group" aria-label={t('briefing.actions')}>
      <ShareButton />
      <button
        type="button"
        aria-pressed={scenesOpen}
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
