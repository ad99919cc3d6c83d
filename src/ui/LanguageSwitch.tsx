import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n';
import { store, useStore } from '../state/store';

/** "Language" / "Bahasa": switches the interface language (kept in the URL) and the page's `lang`. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <label className="language-switch">
      <select
        aria-label={t('language.label')}
        value={language}
        onChange={(e) => store.getState().setLanguage(e.target.value as Language)}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
