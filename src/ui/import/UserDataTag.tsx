import { useTranslation } from 'react-i18next';

/** The "user data" tag shown next to values that come from an import. */
export function UserDataTag() {
  const { t } = useTranslation();
  return <span className="tag tag-user">{t('legend.userData')}</span>;
}
