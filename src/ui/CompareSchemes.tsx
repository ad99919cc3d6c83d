import { useTranslation } from 'react-i18next';
import { MiniMap } from '../charts/mini-map/MiniMap';
import { SCHEMES } from '../domain/classify';
import { metricDef } from '../domain/metrics';
import { buildChoropleth, choroplethOf } from '../state/selectors';
import { useStore } from '../state/store';
import { formatRange } from '../i18n/format';
import { Panel } from './Panel';

/** The same metric under quantile, equal interval and Jenks side by side. */
export function CompareSchemes() {
  const { t, i18n } = useTranslation();
  const data = useStore((s) => s.dataset);
  const current = useStore(choroplethOf);
  const classes = useStore((s) => s.classes);
  const palette = useStore((s) => s.palette);
  if (!data || !current) return null;
  const unit = metricDef(current.result.metric).unit;
  return (
    <Panel title={t('classify.compareTitle')} wide>
      <p className="muted">{t('classify.compareHint')}</p>
      <div className="compare-grid">
        {SCHEMES.map((scheme) => {
          const c = buildChoropleth(current.result, scheme, classes, palette)!;
          return (
            <figure key={scheme}>
              <MiniMap
                boundaries={data.boundaries}
                fill={c.fill}
                title={`${t(`metric.${current.result.metric}`)}: ${t(`classify.${scheme}`)}`}
              />
              <figcaption>
                <strong>{t(`classify.${scheme}`)}</strong>
                <ul className="legend-classes compact">
                  {c.classes
                    ? c.colours.map((col, i) => (
                        <li key={col}>
                          <i className="swatch" style={{ background: col }} />
                          {formatRange(i18n.language, unit, c.classes!.bounds[i]!, c.classes!.bounds[i + 1]!)}
                        </li>
                      ))
                    : null}
                </ul>
              </figcaption>
            </figure>
          );
        })}
      </div>
    </Panel>
  );
}
