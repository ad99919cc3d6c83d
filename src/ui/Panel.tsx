import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { store } from '../state/store';

/** A side panel with a heading and a close button. */
export function Panel({
  title,
  children,
  wide = false,
}: {
  title: string;
  children: ReactNode;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section className={`side-panel${wide ? ' wide' : ''}`} aria-label={title}>
      <header>
        <h2>{title}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('panel.close')}
          onClick={() => store.getState().openPanel('none')}
        >
          ×
        </button>
      </header>
      <div className="side-panel-body">{children}</div>
    </section>
  );
}
