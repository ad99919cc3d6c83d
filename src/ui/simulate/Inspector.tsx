import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dataset } from '../../data/dataset';
import type { Inspection } from '../../domain/planner/inspect';
import { regenciesOf } from '../../domain/planner/fields';
import {
  selectInspection,
  selectIslandNames,
  selectPlaceRows,
  selectPlacesByName,
} from '../../state/planner-selectors';
import type { Store } from '../../state/store';
import { store, useStore } from '../../state/store';
import { formatNumber } from '../../i18n/format';
import { formatEstimate, formatShare, shortLabel } from './words';

/** Finds a town by name and inspects it. */
export function TownSearch({ data }: { data: Dataset }) {
  const { t } = useTranslation();
  const listId = useId();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const places = selectPlacesByName(data);
  const find = (name: string) => {
    const q = name.trim().toLowerCase();
    if (q === '') return;
    const hit =
      places.find((p) => p.name.toLowerCase() === q) ??
      places.find((p) => p.name.toLowerCase().startsWith(q));
    setMissing(!hit);
    if (hit) store.getState().inspect(data.places.id[hit.row] ?? null);
  };
  return (
    <form
      className="sim-search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        find(text);
      }}
    >
      <label className="field">
        <span>{t('planner.search')}</span>
        <input
          type="search"
          list={listId}
          value={text}
          placeholder={t('planner.searchPlaceholder')}
          onChange={(e) => {
            setText(e.target.value);
            setMissing(false);
          }}
        />
      </label>
      <datalist id={listId}>
        {places.map((p) => (
          <option key={p.row} value={p.name}>
            {shortLabel(data, data.places.polygon[p.row] ?? -1)}
          </option>
        ))}
      </datalist>
      <button type="submit">{t('planner.find')}</button>
      {missing ? (
        <p className="hint sim-missing" role="status">
          {t('planner.notFound', { name: text })}
        </p>
      ) : null}
    </form>
  );
}

/** Names of the parts a catchment reaches, largest first, "+N more" past `max`. */
function partNames(names: readonly string[], max = 5): string {
  return names.length > max ? `${names.slice(0, max).join(', ')} +${names.length - max}` : names.join(', ');
}

interface Facts {
  readonly label: string;
  readonly value: (x: Inspection) => string;
}

/** The figures of a catchment, each with its unit, for the inspector and the comparison. */
function useFacts(data: Dataset): Facts[] {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const islands = selectIslandNames(data);
  const regencies = regenciesOf(data);
  const pct = (x: number | null) => (x === null ? t('planner.noData') : formatShare(lng, x));
  return [
    { label: t('planner.fact.people'), value: (x) => formatEstimate(lng, x.people) },
    { label: t('planner.fact.offline'), value: (x) => formatEstimate(lng, x.offline) },
    { label: t('planner.fact.offlineShare'), value: (x) => pct(x.offlineShare) },
    { label: t('planner.fact.inRegion'), value: (x) => formatEstimate(lng, x.inRegion) },
    { label: t('planner.fact.share3T'), value: (x) => pct(x.share3T) },
    {
      label: t('planner.fact.msmes'),
      value: (x) => (x.msmes === null ? t('planner.noData') : formatEstimate(lng, x.msmes)),
    },
    { label: t('planner.fact.overlap'), value: (x) => formatShare(lng, x.overlapShare) },
    {
      label: t('planner.fact.nearest'),
      value: (x) =>
        Number.isFinite(x.nearestHubKm)
          ? t('simulate.km', { km: formatNumber(lng, x.nearestHubKm) })
          : t('simulate.noHub'),
    },
    {
      label: t('planner.fact.provinces'),
      value: (x) => partNames(x.polygons.map((p) => shortLabel(data, p.id))),
    },
    {
      label: t('planner.fact.regencies'),
      value: (x) =>
        x.regencies === null || regencies === null
          ? t('planner.noData')
          : partNames(x.regencies.map((r) => regencies[r.id]?.name ?? `#${r.id}`)),
    },
    {
      label: t('planner.fact.islands'),
      value: (x) =>
        partNames(
          x.islands.map((i) => {
            const name = islands[i.id];
            return name ? t('planner.islandOf', { name }) : t('planner.islandNo', { id: i.id });
          }),
        ),
    },
  ];
}

const inspectionOf = (placeId: number | null) => (s: Store) => selectInspection(s, placeId);

/** The inspected candidate: why it ranks where it does. */
export function Inspector({ data }: { data: Dataset }) {
  const { t } = useTranslation();
  const placeId = useStore((s) => s.inspected);
  const radius = useStore((s) => s.rule.radiusKm);
  const x = useStore(inspectionOf(placeId));
  const facts = useFacts(data);
  if (placeId === null || !x) return null;
  const row = selectPlaceRows(data).get(placeId) ?? -1;
  const name = data.places.name[row] ?? '';
  const s = store.getState();
  return (
    <section className="sim-section sim-inspector" aria-label={t('planner.inspectorFor', { name })}>
      <header className="sim-inspector-head">
        <h3>{name}</h3>
        <span className="hint">
          {shortLabel(data, data.places.polygon[row] ?? -1)} · {t('planner.catchmentOf', { km: radius })}
        </span>
        <button
          type="button"
          className="icon-button"
          aria-label={t('panel.close')}
          onClick={() => s.inspect(null)}
        >
          ×
        </button>
      </header>
      <dl className="sim-facts">
        {facts.map((f) => (
          <div key={f.label}>
            <dt>{f.label}</dt>
            <dd>{f.value(x)}</dd>
          </div>
        ))}
      </dl>
      <p className="hint small">{t('planner.inspectNote')}</p>
    </section>
  );
}

/** Two or three candidates side by side. */
export function Comparison({ data }: { data: Dataset }) {
  const { t } = useTranslation();
  const compared = useStore((s) => s.compared);
  const state = useStore((s) => s);
  const facts = useFacts(data);
  if (compared.length < 2) return null;
  const rows = selectPlaceRows(data);
  const columns = compared.map((id) => ({
    id,
    name: data.places.name[rows.get(id) ?? -1] ?? '',
    x: selectInspection(state, id),
  }));
  return (
    <section className="sim-section" aria-label={t('planner.compareTitle')}>
      <h3>{t('planner.compareTitle')}</h3>
      <table className="data-table sim-table sim-compare-table">
        <caption className="sim-sr-only">{t('planner.compareTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="sim-sr-only">{t('planner.fact.label')}</span>
            </th>
            {columns.map((c) => (
              <th key={c.id} scope="col">
                {c.name}{' '}
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('planner.uncompare', { name: c.name })}
                  onClick={() => store.getState().toggleCompared(c.id)}
                >
                  ×
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {facts.map((f) => (
            <tr key={f.label}>
              <th scope="row">{f.label}</th>
              {columns.map((c) => (
                <td key={c.id}>{c.x ? f.value(c.x) : t('planner.noData')}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
