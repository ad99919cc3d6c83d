import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dataset } from '../../data/dataset';
import { participationReference } from '../../domain/planner/participants';
import { store, useStore } from '../../state/store';
import { formatNumber } from '../../i18n/format';

/**
 * The optional "expected participants" estimate: a participation rate the user sets (a share of the estimated
 * MSMEs within a stop's catchment), beside the 2018 campaign's own result as the reference.
 */
export function ParticipantsSection({ data }: { data: Dataset }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const rate = useStore((s) => s.participationRate);
  const [draft, setDraft] = useState<string | null>(null);
  const ref = participationReference(data.stats.facts);
  const source = ref ? data.stats.sources.find((x) => x.id === ref.sourceId) : undefined;
  const s = store.getState();
  return (
    <section className="sim-section" aria-labelledby="sim-participants-title">
      <h3 id="sim-participants-title">{t('planner.participantsTitle')}</h3>
      <label className="switch">
        <input
          type="checkbox"
          checked={rate !== null}
          onChange={(e) => s.setParticipationRate(e.target.checked ? 0.01 : null)}
        />
        <span>{t('planner.participantsOn')}</span>
      </label>
      {rate !== null ? (
        <label className="field sim-indent">
          <span>{t('planner.rate')}</span>
          <input
            type="number"
            min={0}
            max={100}
            step={0.1}
            value={draft ?? String(Math.round(rate * 10000) / 100)}
            onChange={(e) => {
              setDraft(e.target.value);
              const v = Number(e.target.value);
              if (e.target.value !== '' && Number.isFinite(v) && v >= 0 && v <= 100)
                s.setParticipationRate(v / 100);
            }}
            onBlur={() => setDraft(null)}
          />
        </label>
      ) : null}
      <p className="hint small" data-testid="participants-reference">
        {ref
          ? t('planner.reference', {
              trained: formatNumber(lng, ref.trained),
              cities: ref.cities,
              perCity: formatNumber(lng, Math.round(ref.trained / ref.cities)),
            })
          : t('planner.referenceMissing')}{' '}
        {source ? (
          <a href={source.url} target="_blank" rel="noreferrer">
            {source.org || source.title}
          </a>
        ) : null}
      </p>
      <p className="hint small">{t('planner.participantsNote')}</p>
    </section>
  );
}
