import { useTranslation } from 'react-i18next';
import type { Dataset } from '../../data/dataset';
import { MAX_PRIORITY_FACTOR } from '../../domain/demand';
import type { Region } from '../../domain/optimizer/candidates';
import { has3TFlags, hasPlaceKinds, PLACE_KINDS, type PlaceKind } from '../../domain/planner/fields';
import { PRESET_IDS } from '../../domain/planner/presets';
import { selectEdited } from '../../state/planner-selectors';
import { RADIUS_MAX_KM, RADIUS_MIN_KM, SEA_CROSSING_MAX_KM } from '../../state/slices/scenario';
import type { Grouping } from '../../state/slices/view';
import { store, useStore } from '../../state/store';
import { useShallow } from 'zustand/react/shallow';
import { presetSentence, seaRuleText } from './planner-words';

const REGIONS: readonly Region[] = ['east', 'all', 'west'];
const GROUPINGS: readonly Grouping[] = ['se2016', 'kti17'];

/** The mission preset, chosen at the top of the planner, with its formula in words and its settings to edit. */
export function PresetSection({ data }: { data: Dataset }) {
  const { t } = useTranslation();
  const preset = useStore((s) => s.preset);
  const edited = useStore(useShallow(selectEdited));
  const demand = useStore((s) => s.demand);
  const filter = useStore((s) => s.filter);
  const rule = useStore((s) => s.rule);
  const grouping = useStore((s) => s.grouping);
  const s = store.getState();
  const flags = has3TFlags(data.cells);
  const kindsInData = hasPlaceKinds(data.places);
  const kinds = filter.kinds ?? null;
  const toggleKind = (k: PlaceKind, on: boolean) => {
    const next = PLACE_KINDS.filter((x) => (x === k ? on : (kinds ?? PLACE_KINDS).includes(x)));
    s.setFilter({ kinds: next.length === PLACE_KINDS.length ? [...PLACE_KINDS] : next });
  };
  return (
    <section className="sim-section sim-presets" aria-labelledby="sim-preset-title">
      <h3 id="sim-preset-title">{t('planner.presetTitle')}</h3>
      <div className="segmented sim-preset-switch" role="radiogroup" aria-label={t('planner.presetTitle')}>
        {PRESET_IDS.map((id) => (
          <button
            key={id}
            type="button"
            role="radio"
            aria-checked={preset === id}
            onClick={() => s.choosePreset(id)}
          >
            {t(`planner.preset.${id}`)}
          </button>
        ))}
      </div>
      <p className="sim-formula" data-testid="preset-formula">
        {presetSentence(t, { demand, filter, rule, grouping, flags, kindsInData })}
      </p>
      {edited.length > 0 ? (
        <p className="hint">
          {t('planner.edited', { preset: t(`planner.preset.${preset}`) })}{' '}
          <button type="button" onClick={() => s.choosePreset(preset)}>
            {t('planner.reset')}
          </button>
        </p>
      ) : null}
      <details className="sim-details">
        <summary>{t('planner.editPreset')}</summary>
        <div className="sim-details-body sim-preset-grid">
          <fieldset className="sim-fieldset">
            <legend>{t('planner.region')}</legend>
            <div className="sim-radios">
              {REGIONS.map((r) => (
                <label key={r} className="switch">
                  <input
                    type="radio"
                    name="planner-region"
                    checked={filter.region === r}
                    onChange={() => s.setFilter({ region: r })}
                  />
                  <span>{t(`planner.regionName.${r}`)}</span>
                </label>
              ))}
            </div>
            <label className="field">
              <span>{t('planner.grouping')}</span>
              <select value={grouping} onChange={(e) => s.setGrouping(e.target.value as Grouping)}>
                {GROUPINGS.map((g) => (
                  <option key={g} value={g}>
                    {t(`settings.${g}`)}
                  </option>
                ))}
              </select>
            </label>
            <p className="hint small">{t('planner.regionHint')}</p>
          </fieldset>
          <fieldset className="sim-fieldset">
            <legend>{t('planner.hosts')}</legend>
            <label className="switch">
              <input
                type="checkbox"
                checked={kinds === null}
                onChange={(e) => s.setFilter({ kinds: e.target.checked ? null : [...PLACE_KINDS] })}
              />
              <span>{t('planner.kindAny')}</span>
            </label>
            {PLACE_KINDS.map((k) => (
              <label key={k} className="switch sim-indent">
                <input
                  type="checkbox"
                  disabled={kinds === null}
                  checked={kinds === null || kinds.includes(k)}
                  onChange={(e) => toggleKind(k, e.target.checked)}
                />
                <span>{t(`planner.kind.${k}`)}</span>
              </label>
            ))}
            {kindsInData ? null : <p className="hint small sim-missing">{t('planner.kindsNoData')}</p>}
          </fieldset>
          <fieldset className="sim-fieldset">
            <legend>{t('planner.weightTitle')}</legend>
            <label className="field">
              <span>{t('planner.weight3T')}</span>
              <input
                type="number"
                min={1}
                max={MAX_PRIORITY_FACTOR}
                step={0.5}
                value={demand.priorityFactor ?? 1}
                onChange={(e) => {
                  const v = Number(e.target.value);
                  if (e.target.value !== '' && Number.isFinite(v)) s.setDemand({ priorityFactor: v });
                }}
              />
            </label>
            <p className={flags ? 'hint small' : 'hint small sim-missing'}>
              {flags ? t('planner.weightHint') : t('planner.weightNoData')}
            </p>
          </fieldset>
          <fieldset className="sim-fieldset">
            <legend>{t('planner.catchment')}</legend>
            <label className="field">
              <span>{t('planner.radius')}</span>
              <input
                type="number"
                min={RADIUS_MIN_KM}
                max={RADIUS_MAX_KM}
                step={10}
                value={rule.radiusKm}
                onChange={(e) => {
                  const v = Number(e.target.value);
                  if (e.target.value !== '' && v >= RADIUS_MIN_KM && v <= RADIUS_MAX_KM)
                    s.setRule({ radiusKm: v });
                }}
              />
            </label>
            <label className="field">
              <span>{t('planner.crossing')}</span>
              <input
                type="number"
                min={0}
                max={SEA_CROSSING_MAX_KM}
                step={5}
                value={rule.sameIslandOnly ? 0 : rule.seaCrossingKm}
                onChange={(e) => {
                  const v = Number(e.target.value);
                  if (e.target.value !== '' && v >= 0 && v <= SEA_CROSSING_MAX_KM)
                    s.setRule({ seaCrossingKm: v, sameIslandOnly: false });
                }}
              />
            </label>
            <label className="switch">
              <input
                type="checkbox"
                checked={rule.crossTo === 'smaller'}
                onChange={(e) => s.setRule({ crossTo: e.target.checked ? 'smaller' : 'any' })}
              />
              <span>{t('planner.crossSmaller')}</span>
            </label>
            <p className="hint small" data-testid="sea-rule">
              {seaRuleText(t, rule)}
            </p>
          </fieldset>
        </div>
      </details>
    </section>
  );
}
