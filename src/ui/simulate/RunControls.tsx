import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_STOPS } from '../../domain/optimizer/plan';
import { optimizerService } from '../../state/optimizer-service';
import { store, useStore } from '../../state/store';

/** "Rank candidates", "Plan stops" with the number of stops and robustness, and the state of the run. */
export function RunControls() {
  const { t } = useTranslation();
  const planK = useStore((s) => s.planK);
  const robust = useStore((s) => s.planRobust);
  const running = useStore((s) => s.running);
  const progress = useStore((s) => s.progress);
  const error = useStore((s) => s.error);
  const [draft, setDraft] = useState<string | null>(null);
  const s = store.getState();
  return (
    <section className="sim-run" aria-label={t('simulate.views')}>
      <div className="sim-run-row">
        <button type="button" className="primary" onClick={() => void optimizerService().rank()}>
          {t('simulate.rank')}
        </button>
        <span className="hint">{t('simulate.rankHint')}</span>
      </div>
      <div className="sim-run-row">
        <button type="button" className="primary" onClick={() => void optimizerService().plan()}>
          {t('simulate.plan')}
        </button>
        <label className="sim-k">
          <span>{t('simulate.stops')}</span>
          <input
            type="number"
            min={1}
            max={MAX_STOPS}
            step={1}
            value={draft ?? String(planK)}
            onChange={(e) => {
              setDraft(e.target.value);
              const k = Number(e.target.value);
              if (Number.isInteger(k) && k >= 1 && k <= MAX_STOPS) s.setPlanK(k);
            }}
            onBlur={() => setDraft(null)}
          />
        </label>
        <label className="switch">
          <input type="checkbox" checked={robust} onChange={(e) => s.setPlanRobust(e.target.checked)} />
          <span>{t('simulate.robustness')}</span>
        </label>
      </div>
      <div className="sim-status" aria-live="polite">
        {running === 'rank' ? <p className="hint">{t('simulate.ranking')}</p> : null}
        {running === 'plan' ? (
          <div className="sim-progress">
            <span className="hint">{t('simulate.planning')}</span>
            <progress aria-label={t('simulate.progress')} max={1} value={progress ?? 0} />
            <button type="button" onClick={() => optimizerService().cancel('plan')}>
              {t('simulate.cancel')}
            </button>
          </div>
        ) : null}
      </div>
      {error ? (
        <p className="sim-error" role="alert">
          {error.kind === 'crashed' && error.message === ''
            ? t('simulate.error.crashedNoDetail')
            : t(`simulate.error.${error.kind}`, { message: error.message })}
        </p>
      ) : null}
    </section>
  );
}
