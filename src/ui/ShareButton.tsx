import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { store } from '../state/store';
import { flushUrl } from '../state/url-sync';

type Status = { type: 'idle' } | { type: 'manual'; url: string };

/**
 * "Share link": copies the page's address, which always carries the current view, and says so in a
 * toast. Where the clipboard API is missing or refused, a text field with the link appears, selected, for the user
 * to copy.
 */
export function ShareButton() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>({ type: 'idle' });
  const fieldRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (status.type === 'manual') fieldRef.current?.select();
  }, [status]);

  const share = async () => {
    flushUrl();
    const url = window.location.href;
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setStatus({ type: 'idle' });
      store.getState().pushToast({ kind: 'done', text: t('briefing.copied') });
    } catch {
      setStatus({ type: 'manual', url });
    }
  };

  return (
    <div className="briefing-share">
      <button type="button" onClick={() => void share()}>
        {t('briefing.share')}
      </button>
      {status.type === 'manual' ? (
        <div className="briefing-popover" role="group" aria-label={t('briefing.linkField')}>
          <label className="field">
            <span>{t('briefing.copyManually')}</span>
            <input
              ref={fieldRef}
              type="text"
              readOnly
              value={status.url}
              onFocus={(e) => e.target.select()}
              onKeyDown={(e) => e.key === 'Escape' && setStatus({ type: 'idle' })}
            />
          </label>
          <button type="button" onClick={() => setStatus({ type: 'idle' })}>
            {t('briefing.dismiss')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
