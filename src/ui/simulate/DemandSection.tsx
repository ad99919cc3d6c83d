import { useTranslation } from 'react-i18next';
import type { Dataset } from '../../data/dataset';
import {
  censusOf,
  selectCompleteShareYears,
  selectDemandPreview,
  selectMsmeRates,
  shareYearOf,
} from '../../state/simulate-selectors';
import { store, useStore } from '../../state/store';
import { demandParts, formatCount, formatEstimate, polygonNames } from './words';

/** The demand formula in words, its year and missing data, and the switches that change it. */
export function DemandSection({ data }: { data: Dataset }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const demand = useStore((s) => s.demand);
  const year = useStore(shareYearOf);
  const onMap = useStore((s) => s.metric === 'internet_use_bps');
  const preview = selectDemandPreview(data, demand, year);
  const msme = selectMsmeRates(data);
  const complete = selectCompleteShareYears(data);
  const s = store.getState();
  return (
    <section className="sim-section" aria-labelledby="sim-demand-title">
      <h3 id="sim-demand-title">{t('simulate.demandTitle')}</h3>
      <p className="sim-formula" data-testid="demand-formula">
        <strong>{t('simulate.demandLabel')}</strong> ={' '}
        {demandParts(t, lng, demand).map((part, i) => (
          <span key={part.text}>
            {i > 0 ? ' × ' : null}
            {part.text}
            {part.power === undefined ? null : <sup>{part.power}</sup>}
          </span>
        ))}
      </p>
      {demand.useOffline ? (
        <p className="hint">
          {year === null
            ? t('simulate.shareYearNone')
            : t(onMap ? 'simulate.shareYearMap' : 'simulate.shareYearLatest', { year })}
        </p>
      ) : null}
      {demand.useOffline && preview.missingSharePolygons.length > 0 ? (
        <p className="hint sim-missing">
          {t('simulate.missingShare', {
            count: preview.missingSharePolygons.length,
            names: polygonNames(data, preview.missingSharePolygons),
            cells: formatCount(lng, preview.missingShareCells),
            people: formatEstimate(lng, censusOf(data, preview.missingSharePolygons)),
            year: year ?? '—',
          })}{' '}
          {complete.length > 0 ? t('simulate.completeYears', { years: complete.join(', ') }) : null}
        </p>
      ) : null}
      {demand.useMsme && preview.missingMsmePolygons.length > 0 ? (
        <p className="hint sim-missing">
          {t('simulate.missingMsme', {
            count: preview.missingMsmePolygons.length,
            names: polygonNames(data, preview.missingMsmePolygons),
            cells: formatCount(lng, preview.missingMsmeCells),
          })}
        </p>
      ) : null}
      <details className="sim-details">
        <summary>{t('simulate.adjust')}</summary>
        <div className="sim-details-body">
          <label className="switch">
            <input
              type="checkbox"
              checked={demand.useOffline}
              onChange={(e) => s.setDemand({ useOffline: e.target.checked })}
            />
            <span>{t('simulate.useOffline')}</span>
          </label>
          <label className="field sim-indent">
            <span>
              {t('simulate.exponent')}{' '}
              <output>
                {new Intl.NumberFormat(lng, { maximumFractionDigits: 2 }).format(demand.offlineExponent)}
              </output>
            </span>
            <input
              type="range"
              min={0}
              max={3}
              step={0.1}
              value={demand.offlineExponent}
              disabled={!demand.useOffline}
              onChange={(e) => s.setDemand({ offlineExponent: Number(e.target.value) })}
            />
          </label>
          <p className="hint small sim-indent">{t('simulate.exponentHint')}</p>
          <label className="switch">
            <input
              type="checkbox"
              checked={demand.useCoverage}
              onChange={(e) => s.setDemand({ useCoverage: e.target.checked })}
            />
            <span>{t('simulate.useCoverage')}</span>
          </label>
          <label className="switch">
            <input
              type="checkbox"
              checked={demand.useMsme}
              disabled={msme.year === null}
              onChange={(e) => s.setDemand({ useMsme: e.target.checked })}
            />
            <span>{t('simulate.useMsme')}</span>
          </label>
          <p className="hint small sim-indent">
            {msme.year === null ? t('simulate.msmeUnavailable') : t('simulate.msmeHint', { year: msme.year })}
          </p>
        </div>
      </details>
      <p className="hint small">{t('simulate.estimateNote')}</p>
    </section>
  );
}
