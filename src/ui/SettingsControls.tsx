import { useTranslation } from 'react-i18next';
import type { Grouping } from '../state/slices/view';
import { store, useStore } from '../state/store';

export function SettingsControls() {
  const { t } = useTranslation();
  const showDivide = useStore((s) => s.showDivide);
  const grouping = useStore((s) => s.grouping);
  const s = store.getState();
  return (
    <fieldset className="control-group">
      <legend>{t('settings.title')}</legend>
      <label className="switch">
        <input type="checkbox" checked={showDivide} onChange={(e) => s.setShowDivide(e.target.checked)} />
        <span>{t('settings.divide')}</span>
      </label>
      <label className="field">
        <span>{t('settings.grouping')}</span>
        <select value={grouping} onChange={(e) => s.setGrouping(e.target.value as Grouping)}>
          <option value="se2016">{t('settings.se2016')}</option>
          <option value="kti17">{t('settings.kti17')}</option>
        </select>
      </label>
    </fieldset>
  );
}
