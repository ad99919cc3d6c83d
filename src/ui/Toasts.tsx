import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { TOAST_MS, type Toast } from '../state/slices/toasts';
import { store, useStore } from '../state/store';

function ToastItem({ toast }: { toast: Toast }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (toast.kind !== 'done') return;
    const timer = window.setTimeout(() => store.getState().dismissToast(toast.id), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [toast]);
  return (
    <li className={`toast toast-${toast.kind}`}>
      <span className="toast-text">{toast.text}</span>
      <button
        type="button"
        className="icon-button"
        aria-label={t('briefing.dismiss')}
        onClick={() => store.getState().dismissToast(toast.id)}
      >
        ×
      </button>
    </li>
  );
}

/** The stack of toasts under the header, newest at the bottom; read out politely by screen readers. */
export function Toasts() {
  const { t } = useTranslation();
  const toasts = useStore((s) => s.toasts);
  return (
    <div className="toasts" role="status" aria-label={t('briefing.toasts')}>
      {toasts.length ? (
        <ul className="plain">
          {toasts.map((x) => (
            <ToastItem key={x.id} toast={x} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
