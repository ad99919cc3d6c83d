import { Layer, Source, useMap } from '@vis.gl/react-maplibre';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dataset } from '../../data/dataset';
import type { RegencyLayerMode, RegencyMeasure } from '../../state/slices/regencies';
import { useStore } from '../../state/store';
import { formatValue } from '../../i18n/format';
import {
  REGENCIES_SOURCE_ID,
  REGENCY_AUTO_ZOOM,
  regenciesFillLayer,
  regenciesOutlineLayer,
  regenciesUrl,
  regencyFill,
  regencySelectedLayer,
} from './regencies';

const MODES: readonly RegencyLayerMode[] = ['auto', 'on', 'off'];
const MEASURES: readonly RegencyMeasure[] = ['population', 'density', 'tertinggal'];
/** Zoom from which regency names are written on the map. */
const NAMES_ZOOM = 7;

/** Whether the regency layer shows at a zoom, in a mode. */
export const regenciesShown = (mode: RegencyLayerMode, zoom: number): boolean =>
  mode === 'on' || (mode === 'auto' && zoom >= REGENCY_AUTO_ZOOM);

/**
 * The regency layer (outlines, names and a choropleth of the 514 kabupaten/kota), shown when zoomed in or on
 * request, with its control and legend. Its outlines load the first time it shows.
 */
export function RegencyLayer({ data }: { data: Dataset }) {
  const { current: map } = useMap();
  const mode = useStore((s) => s.regencyMode);
  const measure = useStore((s) => s.regencyMeasure);
  const selected = useStore((s) => s.selectedRegency);
  const [zoom, setZoom] = useState(() => map?.getZoom() ?? 4);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (!map) return;
    const onZoom = () => setZoom(map.getZoom());
    map.on('zoomend', onZoom);
    return () => {
      map.off('zoomend', onZoom);
    };
  }, [map]);
  const shown = regenciesShown(mode, zoom);
  const regencies = data.regencies.regencies;
  const fill = useMemo(() => regencyFill(regencies, measure), [regencies, measure]);

  // Colours as feature state, once the outlines are in (and again when the measure changes).
  useEffect(() => {
    const m = map?.getMap();
    if (!m || !shown) return;
    const apply = () => {
      if (!m.getSource(REGENCIES_SOURCE_ID) || !m.isSourceLoaded(REGENCIES_SOURCE_ID)) return false;
      fill.colours.forEach((c, id) => m.setFeatureState({ source: REGENCIES_SOURCE_ID, id }, { c }));
      setLoaded(true);
      return true;
    };
    if (apply()) return;
    const onData = () => {
      if (apply()) m.off('sourcedata', onData);
    };
    m.on('sourcedata', onData);
    return () => {
      m.off('sourcedata', onData);
    };
  }, [map, shown, fill]);

  return (
    <>
      {shown ? (
        <Source id={REGENCIES_SOURCE_ID} type="geojson" data={regenciesUrl()} promoteId="id">
          <Layer {...regenciesFillLayer} />
          <Layer {...regenciesOutlineLayer} />
          <Layer {...regencySelectedLayer(selected)} />
        </Source>
      ) : null}
      {shown && loaded && zoom >= NAMES_ZOOM ? <RegencyNames data={data} /> : null}
      <RegencyControl shown={shown} classes={fill.classes} />
    </>
  );
}

function RegencyControl({
  shown,
  classes,
}: {
  shown: boolean;
  classes: readonly (readonly [number, string])[];
}) {
  const { t, i18n } = useTranslation();
  const mode = useStore((s) => s.regencyMode);
  const measure = useStore((s) => s.regencyMeasure);
  const setMode = useStore((s) => s.setRegencyMode);
  const setMeasure = useStore((s) => s.setRegencyMeasure);
  return (
    <div className="regency-control" role="group" aria-label={t('regency.layer')}>
      <span className="regency-control-title">{t('regency.layer')}</span>
      <span className="regency-modes">
        {MODES.map((m) => (
          <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>
            {t(`regency.mode.${m}`)}
          </button>
        ))}
      </span>
      {shown ? (
        <>
          <label>
            <span className="visually-hidden">{t('regency.measure')}</span>
            <select value={measure} onChange={(e) => setMeasure(e.target.value as RegencyMeasure)}>
              {MEASURES.map((m) => (
                <option key={m} value={m}>
                  {t(`regency.measures.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <span className="regency-legend">
            {classes.map(([lower, colour]) => (
              <span key={colour} className="regency-legend-item">
                <i style={{ background: colour }} />
                {measure === 'tertinggal'
                  ? t('regency.tertinggalLegend')
                  : measure === 'density'
                    ? `≥ ${formatValue(i18n.language, 'people', Math.round(lower))}/km²`
                    : `≥ ${formatValue(i18n.language, 'people', lower)}`}
              </span>
            ))}
          </span>
        </>
      ) : (
        <span className="muted">{t('regency.zoomHint')}</span>
      )}
    </div>
  );
}

interface Placed {
  readonly key: number;
  readonly text: string;
  readonly x: number;
  readonly y: number;
}

/** Regency names as HTML over the map (no glyph server), larger regencies first, never overlapping. */
function RegencyNames({ data }: { data: Dataset }) {
  const { current: map } = useMap();
  const [placed, setPlaced] = useState<Placed[]>([]);
  useEffect(() => {
    if (!map) return;
    let frame = 0;
    const order = data.regencies.regencies
      .map((r, i) => [r.areaKm2 ?? 0, i] as const)
      .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    const layout = () => {
      frame = 0;
      const { width, height } = map.getContainer().getBoundingClientRect();
      const boxes: [number, number, number, number][] = [];
      const out: Placed[] = [];
      for (const [, i] of order) {
        const r = data.regencies.regencies[i]!;
        const text = r.name.replace(/^(Kabupaten|Kota)( Administrasi)? /, (m) =>
          m.startsWith('Kota') ? 'Kota ' : '',
        );
        const p = map.project([r.labelAt[0], r.labelAt[1]]);
        const w = text.length * 5.6;
        const box: [number, number, number, number] = [p.x - w / 2, p.y - 7, p.x + w / 2, p.y + 7];
        if (box[2] < 0 || box[0] > width || box[3] < 0 || box[1] > height) continue;
        if (boxes.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) continue;
        boxes.push(box);
        out.push({ key: i, text, x: p.x, y: p.y });
      }
      setPlaced(out);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(layout);
    };
    schedule();
    map.on('move', schedule);
    map.on('resize', schedule);
    return () => {
      map.off('move', schedule);
      map.off('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [map, data]);
  return (
    <div className="map-labels" aria-hidden="true">
      {placed.map((l) => (
        <span
          key={l.key}
          className="map-label map-label-regency"
          style={{ transform: `translate(${Math.round(l.x)}px, ${Math.round(l.y)}px)` }}
        >
          {l.text}
        </span>
      ))}
    </div>
  );
}
