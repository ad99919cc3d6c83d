import type { TFunction } from 'i18next';
import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { getActiveMap, subscribeActiveMap } from '../map/active-map';
import { activeMapSize, exportActiveMapPng, exportFailure, type ExportFailure } from '../map/export';
import { EXPORT_SCALES, exportSize, type ExportScale } from '../map/export-layout';
import { selectCoverage } from '../state/selectors';
import { store, useStore } from '../state/store';
import { downloadBlob, downloadText } from './download';
import {
  exportPlanCsv,
  exportPlanGeoJson,
  planOf,
  provinceStatsCsv,
  provinceStatsGeoJson,
  sourcesCsv,
} from './export-data';
import { buildExportSpec, exportFileName } from './export-spec';
import { localDay } from './format';
import { Popover } from './Popover';

type Status =
  | { type: 'idle' }
  | { type: 'busy' }
  | { type: 'done'; name: string }
  | { type: 'error'; failure: ExportFailure };

/**
 * Why the image could not be made, in the reader's language (issue #9); the browser's own message stays as it is.
 * @example imageFailedText(t, { code: 'noCanvas' }) // 'The image could not be made: the browser could not …'
 */
export function imageFailedText(t: TFunction, failure: ExportFailure): string {
  const why = t(`briefing.imageFailure.${failure.code}`, { detail: failure.detail ?? '' });
  return t('briefing.imageFailed', { message: why });
}

/** "Export image": the map as a PNG at 1× or 2×, with legend, title, source and assumptions (issue #7). */
export function ExportImageMenu() {
  const { t, i18n } = useTranslation();
  const map = useSyncExternalStore(subscribeActiveMap, getActiveMap);
  const [status, setStatus] = useState<Status>({ type: 'idle' });

  const run = async (scale: ExportScale) => {
    const s = store.getState();
    const spec = buildExportSpec(s, t, i18n.language, scale, localDay());
    if (!spec) return;
    setStatus({ type: 'busy' });
    try {
      const blob = await exportActiveMapPng(spec);
      const name = exportFileName(s, scale);
      downloadBlob(blob, name);
      setStatus({ type: 'done', name });
    } catch (e) {
      setStatus({ type: 'error', failure: exportFailure(e) });
    }
  };

  return (
    <div className="briefing-export">
      <Popover label={t('briefing.exportImage')} disabled={!map}>
        {(close) => {
          const css = activeMapSize();
          return EXPORT_SCALES.map((scale) => {
            const size = css ? exportSize(css, scale) : null;
            return (
              <button
                key={scale}
                type="button"
                disabled={!size || status.type === 'busy'}
                onClick={() => {
                  close();
                  void run(scale);
                }}
              >
                {t('briefing.imageAt', { scale, w: size?.width ?? '—', h: size?.height ?? '—' })}
              </button>
            );
          });
        }}
      </Popover>
      <span role="status" className={status.type === 'error' ? 'briefing-status error' : 'briefing-status'}>
        {status.type === 'busy'
          ? t('briefing.rendering')
          : status.type === 'done'
            ? t('briefing.imageSaved', { name: status.name })
            : status.type === 'error'
              ? imageFailedText(t, status.failure)
              : ''}
      </span>
    </div>
  );
}

/** "Export data": province statistics (CSV, GeoJSON), sources, and the plan when there is one (issue #7). */
export function ExportDataMenu() {
  const { t } = useTranslation();
  const data = useStore((s) => s.dataset);
  const plan = useStore((s) => planOf(s));
  const day = () => localDay();
  const coverage = () => {
    const s = store.getState();
    return selectCoverage(s.dataset, s.hubs, s.rule)?.byPolygon;
  };
  const items: { key: string; run: () => void }[] = data
    ? [
        {
          key: 'statsCsv',
          run: () =>
            downloadText(
              provinceStatsCsv(data, coverage()),
              `jangkau-province-statistics-${day()}.csv`,
              'text/csv',
            ),
        },
        {
          key: 'statsGeoJson',
          run: () =>
            downloadText(
              provinceStatsGeoJson(data, coverage()),
              `jangkau-province-statistics-${day()}.geojson`,
              'application/geo+json',
            ),
        },
        { key: 'sourcesCsv', run: () => downloadText(sourcesCsv(data), 'jangkau-sources.csv', 'text/csv') },
        ...(plan
          ? [
              {
                key: 'planCsv',
                run: () => downloadText(exportPlanCsv(plan), `jangkau-plan-${day()}.csv`, 'text/csv'),
              },
              {
                key: 'planGeoJson',
                run: () =>
                  downloadText(
                    exportPlanGeoJson(plan),
                    `jangkau-plan-${day()}.geojson`,
                    'application/geo+json',
                  ),
              },
            ]
          : []),
      ]
    : [];
  return (
    <Popover label={t('briefing.exportData')} disabled={!data}>
      {(close) =>
        items.map((item) => (
          <button
            key={item.key}
            type="button"
            onClick={() => {
              close();
              item.run();
            }}
          >
            {t(`briefing.${item.key}`)}
          </button>
        ))
      }
    </Popover>
  );
}
