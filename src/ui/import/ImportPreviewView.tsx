/**
 * The preview of an import: a summary, what will be imported, and every problem with its place in
 * the file, the value found there, the reason and a suggestion. All file content is rendered as React text.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { METRIC_KIND } from '../../domain/aggregate';
import type { ImportIssue } from '../../domain/import/issues';
import type { BoundaryResult, ImportPreview } from '../../domain/import/pipeline';
import type { StatisticsResult } from '../../domain/import/statistics';
import type { TrainingResult } from '../../domain/import/training';
import { useStore } from '../../state/store';
import { formatCompact, formatDate, formatNumber } from '../../i18n/format';
import { problemText, suggestionText, whereText } from './issue-text';

/** Rows shown per table; the rest are counted. */
const SHOWN = 200;

function More({ total }: { total: number }) {
  const { t } = useTranslation();
  return total > SHOWN ? (
    <p className="muted small">{t('import.summary.more', { count: total - SHOWN })}</p>
  ) : null;
}

function plain(lng: string, x: number): string {
  return new Intl.NumberFormat(lng, { maximumFractionDigits: 3 }).format(x);
}

function Problems({ issues, total }: { issues: readonly ImportIssue[]; total: number }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  if (issues.length === 0) return <p className="muted">{t('import.noProblems')}</p>;
  return (
    <>
      <table className="data-table import-problems">
        <caption>{t('import.problems')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.col.where')}</th>
            <th scope="col">{t('import.col.column')}</th>
            <th scope="col">{t('import.col.value')}</th>
            <th scope="col">{t('import.col.problem')}</th>
            <th scope="col">{t('import.col.suggestion')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.slice(0, SHOWN).map((i, k) => (
            <tr key={k} className={`issue-${i.severity}`}>
              <td>{whereText(t, i.at)}</td>
              <td>{i.at.type === 'row' ? (i.at.column ?? '') : ''}</td>
              <td className="import-value">{i.value ?? ''}</td>
              <td>
                <span className={`tag tag-${i.severity}`}>{t(`import.severity.${i.severity}`)}</span>{' '}
                {problemText(t, lng, i.problem)}
              </td>
              <td>{i.suggestion ? suggestionText(t, lng, i.suggestion) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <More total={total} />
    </>
  );
}

function StatisticsPreview({ r, children }: { r: StatisticsResult; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const provinces = useStore((s) => s.dataset?.provinces.provinces);
  const c = r.counts;
  const name = (bps: number) => provinces?.find((p) => p.bps === bps)?.nameId ?? String(bps);
  return (
    <>
      <p className="import-summary">
        {t('import.summary.statistics', {
          rows: c.rows,
          matched: c.matchedRows,
          unmatched: c.unmatchedRows,
          outOfRange: c.outOfRange,
          invalid: c.invalid,
          empty: c.empty,
          duplicates: c.duplicates,
        })}{' '}
        {r.observations.length > 0
          ? t('import.summary.statisticsValues', { count: r.observations.length })
          : null}
      </p>
      {children}
      {r.matched.length > 0 ? (
        <>
          <table className="data-table import-matched">
            <caption>{t('import.matched')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.col.where')}</th>
                <th scope="col">{t('import.col.province')}</th>
                <th scope="col">{t('import.col.matchedTo')}</th>
                <th scope="col">{t('import.col.metric')}</th>
                <th scope="col">{t('import.col.year')}</th>
                <th scope="col">{t('import.col.value')}</th>
              </tr>
            </thead>
            <tbody>
              {r.matched.slice(0, SHOWN).map((m) => (
                <tr key={`${m.row}|${m.column}`}>
                  <td>{t('import.row', { row: m.row })}</td>
                  <td className="import-value">{m.province}</td>
                  <td>{name(m.bps)}</td>
                  <td>{t(`import.metrics.${m.metric}`)}</td>
                  <td>{m.year}</td>
                  <td>
                    {plain(i18n.language, m.value)}
                    {METRIC_KIND[m.metric] === 'percent' ? '%' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <More total={r.matched.length} />
        </>
      ) : null}
    </>
  );
}

function TrainingPreview({ r, children }: { r: TrainingResult; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const c = r.counts;
  return (
    <>
      <p className="import-summary">
        {t('import.summary.training', {
          rows: c.rows,
          matched: c.matchedRows,
          hubs: r.hubs.length,
          participants: formatNumber(lng, r.participants),
          unmatched: c.unmatchedRows,
          invalid: c.invalid,
        })}
      </p>
      {children}
      {r.hubs.length > 0 ? (
        <>
          <table className="data-table import-matched">
            <caption>{t('import.matched')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.col.place')}</th>
                <th scope="col">{t('import.col.located')}</th>
                <th scope="col">{t('import.col.date')}</th>
                <th scope="col">{t('import.col.participants')}</th>
                {r.msmes !== null ? <th scope="col">{t('import.col.msmes')}</th> : null}
                <th scope="col">{t('import.col.rows')}</th>
              </tr>
            </thead>
            <tbody>
              {r.hubs.slice(0, SHOWN).map((h) => (
                <tr key={`${h.lat},${h.lon}`}>
                  <td className="import-value">{h.name}</td>
                  <td>{t(`import.located.${h.located}`)}</td>
                  <td>{h.date ? formatDate(lng, h.date) : '—'}</td>
                  <td>{formatNumber(lng, h.participants)}</td>
                  {r.msmes !== null ? <td>{h.msmes === null ? '—' : formatNumber(lng, h.msmes)}</td> : null}
                  <td>
                    {h.rows.slice(0, 8).join(', ')}
                    {h.rows.length > 8 ? ', …' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <More total={r.hubs.length} />
        </>
      ) : null}
    </>
  );
}

function BoundaryPreview({ r, children }: { r: BoundaryResult; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const provinces = useStore((s) => s.dataset?.provinces.provinces);
  const c = r.counts;
  const a = r.apply;
  const polygonOf = new Map(a?.provincePolygon ?? []);
  const name = (bps: number) => provinces?.find((p) => p.bps === bps)?.nameId ?? String(bps);
  return (
    <>
      <p className="import-summary">
        {t('import.summary.boundaries', {
          features: c.features,
          matched: c.matched,
          unmatched: c.unmatched,
          invalid: c.invalid,
        })}
        {a ? ` ${t('import.summary.polygons', { count: a.polygons.length })}` : null}
      </p>
      {a && a.outsideCells > 0 ? (
        <p className="hint">
          {t('import.summary.outside', {
            cells: formatNumber(lng, a.outsideCells),
            people: formatCompact(lng, a.outsidePeople),
            km: formatNumber(lng, a.maxOutsideKm, 1),
          })}
        </p>
      ) : null}
      {children}
      <table className="data-table import-matched">
        <caption>{t('import.matched')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.col.feature')}</th>
            <th scope="col">{t('import.col.value')}</th>
            <th scope="col">{t('import.col.matchedTo')}</th>
            <th scope="col">{t('import.col.polygon')}</th>
          </tr>
        </thead>
        <tbody>
          {r.features.slice(0, SHOWN).map((f) => {
            const polygon = f.bps === null ? undefined : a?.polygons[polygonOf.get(f.bps) ?? -1];
            return (
              <tr key={f.path}>
                <td>{f.path === '' ? t('import.topLevel') : f.path}</td>
                <td className="import-value">{f.value}</td>
                <td>
                  {f.bps === null ? (
                    <span className="tag tag-error">{t('import.unmatched')}</span>
                  ) : (
                    name(f.bps)
                  )}
                </td>
                <td>{polygon?.label ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <More total={r.features.length} />
    </>
  );
}

export function ImportPreviewView({ preview, children }: { preview: ImportPreview; children: ReactNode }) {
  const r = preview.result;
  // Actions and problems come right after the summary; what would be imported is listed after them.
  const next = (
    <>
      {children}
      <Problems issues={preview.issues} total={preview.counts.error + preview.counts.warning} />
    </>
  );
  return (
    <div className="import-preview">
      {r?.kind === 'statistics' ? <StatisticsPreview r={r}>{next}</StatisticsPreview> : null}
      {r?.kind === 'training' ? <TrainingPreview r={r}>{next}</TrainingPreview> : null}
      {r?.kind === 'boundaries' ? <BoundaryPreview r={r}>{next}</BoundaryPreview> : null}
      {r === null ? next : null}
    </div>
  );
}
