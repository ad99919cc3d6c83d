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
import { localDay } from '../i18n/format';
import { Popover } from './Popover';

/**
 * Why the image could not be made, in the reader's language; the browser's own message stays as it is.
 * @example imageFailedText(t, { code: 'noCanvas' }) // 'The image could not be made: the browser could not …'
 */
export function imageFailedText(t: TFunction, failure: ExportFailure): string {
  const why = t(`briefing.imageFailure.${failure.code}`, { detail: failure.detail ?? '' });
  return t('briefing.imageFailed', { message: why });
}

/** The image items: the map as a PNG at 1× or 2×, with legend, title, source and assumptions. */
function useImageItems() {
  const { t, i18n } = useTranslation();
  const map = useSyncExternalStore(subscribeActiveMap, getActiveMap);
  const [busy, setBusy] = useState(false);

  const run = async (scale: ExportScale) => {
    const s = store.getState();
    const spec = buildExportSpec(s, t, i18n.language, scale, localDay());
    if (!spec) return;
    setBusy(true);
    const toast = s.pushToast({ kind: 'busy', text: t('briefing.rendering') });
    try {
      const blob = await exportActiveMapPng(spec);
      const name = exportFileName(s, scale);
      downloadBlob(blob, name);
      s.pushToast({ kind: 'done', text: t('briefing.imageSaved', { name }) }, toast);
    } catch (e) {
      s.pushToast({ kind: 'error', text: imageFailedText(t, exportFailure(e)) }, toast);
    } finally {
      setBusy(false);
    }
  };

  return (): MenuItem[] => {
    const css = map ? activeMapSize() : null;
    return EXPORT_SCALES.map((scale) => {
      const size = css ? exportSize(css, scale) : null;
      return {
        key: `png${scale}`,
        label: t('briefing.imageAt', { scale, w: size?.width ?? '—', h: size?.height ?? '—' }),
        disabled: !size || busy,
        run: () => void run(scale),
      };
    });
  };
}

interface MenuItem {
  readonly key: string;
  readonly label: string;
  readonly disabled?: boolean;
  readonly run: () => void;
}

/** The data items: province statistics (CSV, GeoJSON), sources, and the plan when there is one. */
function useDataItems(): MenuItem[] {
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
  return items.map((item) => ({ key: item.key, label: t(`briefing.${item.key}`), run: item.run }));
}

/** "Export": the map as an image, and the data behind it, in one header menu (keeps the header on one row). */
export function ExportMenu() {
  const { t } = useTranslation();
  const noData = useStore((s) => s.dataset === null);
  const imageItems = useImageItems();
  const dataItems = useDataItems();
  const group = (title: string, items: readonly MenuItem[], close: () => void) => (
    <div className="menu-group" role="group" aria-label={title}>
      <span className="menu-group-title" aria-hidden="true">
        {title}
      </span>
      {items.map((item) => (
        <button
          key={item.key}
          type="button"
          disabled={item.disabled}
          onClick={() => {
            close();
            item.run();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
  return (
    <Popover label={t('briefing.export')} disabled={noData}>
      {(close) => (
        <>
          {group(t('briefing.exportImage'), imageItems(), close)}
          {group(t('briefing.exportData'), dataItems, close)}
        </>
      )}
    </Popover>
  );
}
