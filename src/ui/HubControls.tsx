import { useTranslation } from 'react-i18next';
import { demandYear, selectZones } from '../state/selectors';
import { RADIUS_MAX_KM, RADIUS_MIN_KM, SEA_CROSSING_MAX_KM } from '../state/slices/scenario';
import { store, useStore } from '../state/store';
import { statusText } from '../map/hub-labels';
import { formatNumber } from '../i18n/format';

/** Add hub, catchment rule controls and the hub list with live reach. */
export function HubControls() {
  const { t, i18n } = useTranslation();
  const data = useStore((s) => s.dataset);
  const hubs = useStore((s) => s.hubs);
  const rule = useStore((s) => s.rule);
  const armed = useStore((s) => s.addHubArmed);
  const { reach } = selectZones(data, hubs, rule);
  const s = store.getState();
  const lng = i18n.language;
  return (
    <fieldset className="control-group">
      <legend>{t('hubs.title')}</legend>
      <button
        type="button"
        className={armed ? 'primary armed' : 'primary'}
        aria-pressed={armed}
        onClick={() => s.armAddHub(!armed)}
      >
        {t('hubs.add')}
      </button>
      {armed ? (
        <p className="hint" role="status">
          {t('hubs.addArmed')}
        </p>
      ) : null}
      <label className="field">
        <span>{t('hubs.radius')}</span>
        <input
          type="range"
          min={RADIUS_MIN_KM}
          max={RADIUS_MAX_KM}
          step={5}
          value={rule.radiusKm}
          onChange={(e) => s.setRule({ radiusKm: Number(e.target.value) })}
        />
        <output>{rule.radiusKm} km</output>
      </label>
      <label className="switch">
        <input
          type="checkbox"
          checked={rule.sameIslandOnly}
          onChange={(e) => s.setRule({ sameIslandOnly: e.target.checked })}
        />
        <span>{t('hubs.sameIsland')}</span>
      </label>
      <label className="field">
        <span>{t('hubs.seaCrossing')}</span>
        <input
          type="range"
          min={0}
          max={SEA_CROSSING_MAX_KM}
          step={1}
          value={rule.seaCrossingKm}
          disabled={rule.sameIslandOnly}
          onChange={(e) => s.setRule({ seaCrossingKm: Number(e.target.value) })}
        />
        <output>{rule.seaCrossingKm} km</output>
      </label>
      {hubs.length === 0 ? (
        <p className="hint">{t('hubs.none')}</p>
      ) : (
        <ul className="hub-list" aria-label={t('hubs.title')}>
          {reach.map(({ hub, people, underserved }) => (
            <li key={hub.id} className="hub-row" data-hub-id={hub.id}>
              <div>
                <strong>{hub.name}</strong>{' '}
                <span className={`tag tag-${hub.status}`}>{statusText(t, lng, hub)}</span>
                <div className="hub-reach">
                  <span data-testid="hub-people">{formatNumber(lng, people)}</span> {t('hubs.people')} ·{' '}
                  <span data-testid="hub-underserved">{formatNumber(lng, underserved)}</span>{' '}
                  {t('hubs.underserved')}
                </div>
              </div>
              <button
                type="button"
                className="icon-button"
                aria-label={t('hubs.remove', { name: hub.name })}
                onClick={() => s.removeHub(hub.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {data ? <p className="hint small">{t('hubs.reachNote', { year: demandYear(data) ?? '—' })}</p> : null}
    </fieldset>
  );
}
