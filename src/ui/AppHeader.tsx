import { useTranslation } from 'react-i18next';
import type { Panel } from '../state/slices/selection';
import { store, useStore } from '../state/store';
import { BriefingActions } from './BriefingActions';
import { LanguageSwitch } from './LanguageSwitch';

const BUTTONS: readonly { panel: Panel; key: string }[] = [
  { panel: 'simulate', key: 'simulate.open' },
  { panel: 'gap', key: 'gap.open' },
  { panel: 'table', key: 'panel.table' },
  { panel: 'about', key: 'panel.about' },
  { panel: 'import', key: 'import.open' },
];

/** Page header: the app name and the buttons that open the side panels (each needs the data: off until they are in). */
export function AppHeader() {
  const { t } = useTranslation();
  const open = useStore((s) => s.panel);
  const noData = useStore((s) => s.dataset === null);
  return (
    <header className="app-header">
      <div className="app-title">
        <h1>{t('app.title')}</h1>
        <p className="app-subtitle">{t('app.subtitle')}</p>
      </div>
      <nav className="header-actions">
        {BUTTONS.map((b) => (
          <button
            key={b.panel}
            type="button"
            aria-pressed={open === b.panel}
            disabled={noData}
            onClick={() => store.getState().openPanel(b.panel)}
          >
            {t(b.key)}
          </button>
        ))}
      </nav>
      <BriefingActions />
      <LanguageSwitch />
    </header>
  );
}
