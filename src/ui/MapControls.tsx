import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CLASSES, MIN_CLASSES, SCHEMES, type Scheme } from '../domain/classify';
import { METRICS, metricDef, metricYears, type ChoroplethMetric } from '../domain/metrics';
import { effectiveYear } from '../state/selectors';
import type { PaletteId } from '../state/slices/view';
import { store, useStore } from '../state/store';

const PALETTES: readonly PaletteId[] = ['blues', 'purples', 'greens', 'viridis'];

/** Metric, year (with play), classification, classes and palette. */
export function MapControls() {
  const { t } = useTranslation();
  const data = useStore((s) => s.dataset);
  const metric = useStore((s) => s.metric);
  const scheme = useStore((s) => s.scheme);
  const classes = useStore((s) => s.classes);
  const palette = useStore((s) => s.palette);
  const year = useStore((s) => effectiveYear(s.dataset, s));
  const years = data ? metricYears(data.metrics, metric) : [];
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      const s = store.getState();
      const ys = s.dataset ? metricYears(s.dataset.metrics, s.metric) : [];
      const cur = effectiveYear(s.dataset, s);
      const i = cur === null ? -1 : ys.indexOf(cur);
      if (i < 0 || i >= ys.length - 1) {
        if (i >= ys.length - 1) setPlaying(false);
        if (i < 0 && ys[0] !== undefined) s.setYear(ys[0]);
        return;
      }
      s.setYear(ys[i + 1]!);
    }, 1200);
    return () => window.clearInterval(timer);
  }, [playing]);

  const s = store.getState();
  return (
    <fieldset className="control-group">
      <legend>{t('app.mapGroup')}</legend>
      <label className="field">
        <span>{t('metric.label')}</span>
        <select value={metric} onChange={(e) => s.setMetric(e.target.value as ChoroplethMetric)}>
          {METRICS.map((m) => (
            <option key={m.id} value={m.id}>
              {t(`metric.${m.id}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="field-row">
        <label className="field">
          <span>{t('year.label')}</span>
          <select
            value={year ?? ''}
            disabled={years.length === 0}
            onChange={(e) => s.setYear(Number(e.target.value))}
          >
            {years.length === 0 ? <option value="">{t('year.none')}</option> : null}
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="icon-button"
          disabled={years.length < 2 || metricDef(metric).yearsFrom === null}
          aria-pressed={playing}
          onClick={() => {
            if (!playing && year === years[years.length - 1] && years[0] !== undefined) s.setYear(years[0]);
            setPlaying(!playing);
          }}
        >
          {playing ? t('year.pause') : t('year.play')}
        </button>
      </div>
      <label className="field">
        <span>{t('classify.label')}</span>
        <select value={scheme} onChange={(e) => s.setScheme(e.target.value as Scheme)}>
          {SCHEMES.map((x) => (
            <option key={x} value={x}>
              {t(`classify.${x}`)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        aria-pressed={store.getState().panel === 'compare'}
        onClick={() => store.getState().openPanel('compare')}
      >
        {t('classify.compare')}
      </button>
      <div className="field-row">
        <label className="field">
          <span>{t('classify.classes')}</span>
          <input
            type="number"
            min={MIN_CLASSES}
            max={MAX_CLASSES}
            value={classes}
            onChange={(e) => s.setClasses(Number(e.target.value))}
          />
        </label>
        <label className="field">
          <span>{t('classify.palette')}</span>
          <select value={palette} onChange={(e) => s.setPalette(e.target.value as PaletteId)}>
            {PALETTES.map((p) => (
              <option key={p} value={p}>
                {t(`classify.${p}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </fieldset>
  );
}
