import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dataset } from '../../data/dataset';
import { selectAllowedPlaces, selectCandidateCount } from '../../state/simulate-selectors';
import { store, useStore } from '../../state/store';
import { formatCount, shortLabel } from './words';

/** Which places may become stops beyond the preset: minimum population, provinces, existing hubs, exclusions. */
export function CandidateFilters({ data }: { data: Dataset }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const filter = useStore((s) => s.filter);
  const hubs = useStore((s) => s.hubs);
  const grouping = useStore((s) => s.grouping);
  const excluded = useStore((s) => s.constraints.excluded);
  const allowed = selectAllowedPlaces(data, filter.kinds ?? null, excluded);
  const count = selectCandidateCount(data, filter, hubs, data.isEast[grouping], allowed);
  const [minPopDraft, setMinPopDraft] = useState<string | null>(null);
  const s = store.getState();
  const polygons = data.provinces.polygons;
  const chosen = new Set(filter.polygons ?? polygons.map((p) => p.id as number));
  /** Polygons the region filter leaves out anyway. */
  const outside = (id: number) =>
    filter.region !== 'all' && data.isEast[grouping][id] !== (filter.region === 'east');
  const toggle = (id: number, on: boolean) => {
    const next = polygons.map((p) => p.id as number).filter((p) => (p === id ? on : chosen.has(p)));
    s.setFilter({ polygons: next.length === polygons.length ? null : next });
  };
  return (
    <details className="sim-section sim-details">
      <summary>
        <strong>{t('simulate.filtersTitle')}</strong>{' '}
        <span className="muted" data-testid="candidate-count">
          {t('simulate.filterSummary', {
            count: formatCount(lng, count),
            total: formatCount(lng, data.places.id.length),
          })}
        </span>
      </summary>
      <div className="sim-details-body">
        <label className="field sim-minpop">
          <span>{t('simulate.minPop')}</span>
          <input
            type="number"
            min={0}
            step={5000}
            value={minPopDraft ?? String(filter.minPop)}
            onChange={(e) => {
              setMinPopDraft(e.target.value);
              const v = Number(e.target.value);
              if (e.target.value !== '' && Number.isFinite(v) && v >= 0)
                s.setFilter({ minPop: Math.round(v) });
            }}
            onBlur={() => setMinPopDraft(null)}
          />
        </label>
        <fieldset className="sim-fieldset">
          <legend>{t('simulate.provinces')}</legend>
          <div className="button-row">
            <button type="button" onClick={() => s.setFilter({ polygons: null })}>
              {t('simulate.provincesAll')}
            </button>
            <button type="button" onClick={() => s.setFilter({ polygons: [] })}>
              {t('simulate.provincesNone')}
            </button>
            <span className="hint small">
              {t('simulate.provincesCount', { count: chosen.size, total: polygons.length })}
            </span>
          </div>
          <ul className="sim-checklist">
            {polygons.map((p) => (
              <li key={p.id}>
                <label className={outside(p.id) ? 'switch sim-outside' : 'switch'} title={p.label}>
                  <input
                    type="checkbox"
                    checked={chosen.has(p.id)}
                    onChange={(e) => toggle(p.id, e.target.checked)}
                  />
                  <span>{shortLabel(data, p.id)}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {excluded.length > 0 ? (
          <p className="hint">
            {t('planner.excluded', {
              count: excluded.length,
              names: excluded
                .map((id) => data.places.name[data.places.id.indexOf(id)] ?? `#${id}`)
                .join(', '),
            })}{' '}
            <button type="button" onClick={() => s.setConstraints({ excluded: [] })}>
              {t('planner.includeAll')}
            </button>
          </p>
        ) : null}
        <label className="switch">
          <input
            type="checkbox"
            checked={filter.excludeExisting}
            onChange={(e) => s.setFilter({ excludeExisting: e.target.checked })}
          />
          <span>{t('simulate.excludeExisting')}</span>
        </label>
      </div>
    </details>
  );
}
