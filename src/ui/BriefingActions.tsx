import { useTranslation } from 'react-i18next';
import { store, useStore } from '../state/store';
import { ExportDataMenu, ExportImageMenu } from './ExportMenu';
import { PresenterButton } from './presenter/PresenterMode';
import { ShareButton } from './ShareButton';

/** The header's briefing controls (issue #7): share, scenes, presenter mode, image and data export. */
export function BriefingActions() {
  const { t } = useTranslation();
  const scenesOpen = useStore((s) => s.panel === 'scenes');
  return (
    <div className="header-briefing" role="group" aria-label={t('briefing.actions')}>
      <ShareButton />
      <button type="button" aria-pressed={scenesOpen} onClick={() => store.getState().openPanel('scenes')}>
        {t('briefing.scenes')}
      </button>
      <PresenterButton />
      <ExportImageMenu />
      <ExportDataMenu />
    </div>
  );
}
