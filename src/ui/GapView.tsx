import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dumbbell } from '../charts/province-dumbbell/Dumbbell';
import type { DumbbellDatum, DumbbellRow } from '../charts/province-dumbbell/scales';
import { GapTrend } from '../charts/gap-trend/GapTrend';
import {
  REGION_COLOUR,
  REGION_TEXT_COLOUR,
  type TrendDatum,
  type TrendPoint,
} from '../charts/gap-trend/scales';
import type { Dataset } from '../data/dataset';
import {
  changeSince,
  classChanges,
  gapSeries,
  provinceSeries,
  REGIONS,
  SOURCE_SPEC,
  underservedByRegion,
  type GapChange,
  type GapSeries,
  type GapSource,
  type GapYear,
  type Region,
  type RegionFigure,
} from '../domain/gap';
import { seriesDefinition } from '../domain/metrics';
import { effectiveYear, selectCoverage, selectOffline } from '../state/selectors';
import type { Grouping } from '../state/slices/view';
import { store, useStore } from '../state/store';
import { formatCompact, formatNumber } from '../i18n/format';
import { Panel } from './Panel';
import { publisherOf } from './sources';

/**
 * The gap view's source and year: the year the map shows, whatever its metric, when the source has figures for
 * it (else the source's latest year); APJII when the map shows APJII's internet use, else BPS.
 */
function useSourceAndYear(series: Record<GapSource, GapSeries> | null) {
  const metric = useStore((s) => s.metric);
  const mapYear = useStore((s) => effectiveYear(s.dataset, s));
  const source: GapSource = metric === SOURCE_SPEC.apjii.metric ? 'apjii' : 'bps';
  const years = series ? series[source].years.map((y) => y.year) : [];
  const latest = years[years.length - 1] ?? null;
  const year = mapYear !== null && years.includes(mapYear) ? mapYear : latest;
  return { source, year };
}

/** Shows the year on the map too: the map metric becomes the source's internet use, so map and charts agree. */
function showYear(source: GapSource, year: number) {
  const s = store.getState();
  const metric = SOURCE_SPEC[source].metric;
  if (s.metric !== metric) s.setMetric(metric);
  s.setYear(year);
}

/** The year to show after switching source: the same year if the other source has it, else its best-covered year. */
function yearForSource(series: GapSeries, year: number | null): number | null {
  if (year !== null && series.years.some((y) => y.year === year)) return year;
  const best = [...series.years].sort((a, b) => b.coverage.used - a.coverage.used || b.year - a.year)[0];
  return best?.year ?? null;
}

function TableToggle({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className="table-toggle">
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('gap.hideTable') : t('gap.showTable')}
      </button>
      {open ? children : null}
    </div>
  );
}

/**
 * The east–west gap for executives: headline (east vs west, gap in pp and as a ratio, change since the
 * first year), the trend, provinces as a dumbbell, BPS/APJII switch with class changes, and the reach of the hubs.
 */
export function GapView() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const data = useStore((s) => s.dataset);
  const grouping = useStore((s) => s.grouping);
  const scheme = useStore((s) => s.scheme);
  const k = useStore((s) => s.classes);
  const selected = useStore((s) => s.selected);
  const hubCount = useStore((s) => s.hubs.length);
  const coverage = useStore((s) => selectCoverage(s.dataset, s.hubs, s.rule));

  const series = useMemo(
    () =>
      data
        ? { bps: gapSeries(data.metrics, 'bps', grouping), apjii: gapSeries(data.metrics, 'apjii', grouping) }
        : null,
    [data, grouping],
  );
  const { source, year } = useSourceAndYear(series);
  // The other grouping's series too: both headlines side by side (the grouping changes the gap a lot).
  const byGrouping = useMemo(
    () =>
      data
        ? {
            se2016: gapSeries(data.metrics, source, 'se2016'),
            kti17: gapSeries(data.metrics, source, 'kti17'),
          }
        : null,
    [data, source],
  );
  const perProvince = useMemo(
    () => (data ? provinceSeries(data.metrics, source, grouping) : []),
    [data, source, grouping],
  );
  const comparison = useMemo(
    () => (data && year !== null ? classChanges(data.metrics, year, scheme, k) : null),
    [data, year, scheme, k],
  );
  const reach = useMemo(() => {
    const offline = data ? selectOffline(data) : null;
    if (!data || !offline || !coverage) return null;
    return {
      year: offline.year,
      regions: underservedByRegion(
        offline.demand.values,
        coverage.covered,
        data.cells.polygon,
        data.isEast[grouping],
      ),
    };
  }, [data, coverage, grouping]);

  if (!data || !series || year === null) return null;
  const s = series[source];
  const current = s.years.find((y) => y.year === year)!;
  const change = changeSince(s, year);
  const name = (b: number) => data.provinces.provinces.find((p) => p.bps === b)?.nameId ?? String(b);
  const names = (bs: readonly number[]) => bs.map(name).join(', ');
  const pct = (v: number) => `${formatNumber(lng, v, 1)}%`;
  const pp = (v: number) => t('gap.pp', { value: formatNumber(lng, v, 1) });
  const signedPp = (v: number) =>
    t('gap.pp', { value: `${v > 0 ? '+' : v < 0 ? '−' : '±'}${formatNumber(lng, Math.abs(v), 1)}` });
  const ratio = (v: number) => formatNumber(lng, v, 2);
  const regionName = (r: Region) => t(r === 'east' ? 'gap.east' : 'gap.west');
  const orgs = sourceOrgs(data, s);
  const sourceName = t(`gap.${source}`);
  const missingYears = missingYearsOf(s);
  const flagged = new Set(comparison?.changes.map((c) => c.bps));

  return (
    <Panel title={t('gap.title')} wide>
      <div className="gap-view">
        <div className="gap-controls">
          <div className="segmented" role="group" aria-label={t('gap.source')}>
            <span className="segmented-label">{t('gap.source')}</span>
            {(['bps', 'apjii'] as const).map((src) => (
              <button
                key={src}
                type="button"
                aria-pressed={source === src}
                onClick={() => {
                  const y = yearForSource(series[src], year);
                  if (y !== null) showYear(src, y);
                }}
              >
                {t(`gap.${src}`)}
              </button>
            ))}
          </div>
          <div className="segmented" role="group" aria-label={t('gap.year')}>
            <span className="segmented-label">{t('gap.year')}</span>
            {s.years.map((y) => (
              <button
                key={y.year}
                type="button"
                className={y.coverage.complete ? undefined : 'partial'}
                aria-pressed={y.year === year}
                aria-label={y.coverage.complete ? String(y.year) : t('gap.partialYear', { year: y.year })}
                onClick={() => showYear(source, y.year)}
              >
                {y.year}
              </button>
            ))}
          </div>
          <label className="gap-grouping">
            <span>{t('gap.grouping')}</span>
            <select
              value={grouping}
              onChange={(e) => store.getState().setGrouping(e.target.value as Grouping)}
            >
              <option value="se2016">{t('settings.se2016')}</option>
              <option value="kti17">{t('settings.kti17')}</option>
            </select>
          </label>
        </div>

        <section className="gap-headline" aria-label={t('gap.headline')}>
          <h3>{t('gap.lede', { year })}</h3>
          <div className="gap-figures">
            {REGIONS.map((r) => (
              <Figure key={r} region={r} label={regionName(r)} figure={current[r]} pct={pct} t={t} />
            ))}
            <div className="gap-figure gap-figure-gap" role="group" aria-label={t('gap.gap')}>
              <span className="gap-figure-label">{t('gap.gap')}</span>
              <span className="gap-figure-value">
                {current.gapPp === null ? t('gap.noData') : pp(current.gapPp)}
              </span>
              <span className="gap-figure-sub">
                {current.ratio === null ? '' : t('gap.ratio', { ratio: ratio(current.ratio) })}
              </span>
            </div>
          </div>
          {change && !change.comparable ? (
            <p className="gap-change">
              {t('gap.notComparable', {
                from: change.from.year,
                year: partialOf(change).year,
                used: partialOf(change).coverage.used,
                expected: partialOf(change).coverage.expected,
              })}
            </p>
          ) : change ? (
            <>
              <p className={`gap-verdict ${verdictOf(change.gapPp)}`}>
                {t(`gap.${verdictOf(change.gapPp)}`, {
                  pp: pp(Math.abs(change.gapPp)),
                  from: change.from.year,
                  gapFrom: pp(change.from.gapPp!),
                })}
              </p>
              <p className="gap-change">
                {t('gap.changeDetail', {
                  from: change.from.year,
                  east: signedPp(change.eastPp),
                  west: signedPp(change.westPp),
                  ratioFrom: ratio(change.from.ratio!),
                  ratioTo: ratio(change.to.ratio!),
                })}
              </p>
            </>
          ) : (
            <p className="gap-change">{t('gap.changeNone')}</p>
          )}
          {byGrouping ? (
            <ul className="gap-groupings plain" aria-label={t('gap.groupings')}>
              {(['se2016', 'kti17'] as const).map((g) => {
                const y = byGrouping[g].years.find((x) => x.year === year);
                return (
                  <li key={g} className={g === grouping ? 'current' : undefined}>
                    <button
                      type="button"
                      className="link-button"
                      aria-pressed={g === grouping}
                      onClick={() => store.getState().setGrouping(g)}
                    >
                      {t(`settings.${g}`)}
                    </button>
                    {': '}
                    <strong>{y && y.gapPp !== null ? pp(y.gapPp) : t('gap.noData')}</strong>
                    <span className="muted"> · {t(`gap.includes.${g}`)}</span>
                  </li>
                );
              })}
            </ul>
          ) : null}
          <CoverageNotes year={current} names={names} t={t} />
          {source === 'apjii' ? <p className="gap-note">{t('gap.apjiiNote')}</p> : null}
          <p className="muted small">
            {t('gap.method', { basis: s.basis, grouping: t(`settings.${grouping}`) })} {orgs}
          </p>
        </section>

        <h3>{t('gap.trend')}</h3>
        <GapTrend
          data={trendData(s, data)}
          selectedYear={year}
          title={t('gap.trendTitle', {
            from: s.years[0]?.year,
            to: s.years[s.years.length - 1]?.year,
            source: sourceName,
          })}
          description={t('gap.trendDesc')}
          regionLabel={{ east: t('gap.eastShort'), west: t('gap.westShort') }}
          pointLabel={(p: TrendPoint) => pointLabel(p, s, regionName, pct, t)}
          formatValue={pct}
          formatGap={pp}
          caption={{
            complete: t('gap.keyComplete'),
            partial: t('gap.keyPartial'),
            breakKey: t('gap.keyBreak'),
            ...(missingYears.length ? { note: t('gap.noYears', { years: missingYears.join(', ') }) } : {}),
            source: t('gap.sourceLine', { orgs }),
          }}
          onSelectYear={(y) => showYear(source, y)}
        />
        <TableToggle>
          <TrendTable series={s} pct={pct} pp={pp} ratio={ratio} t={t} />
        </TableToggle>

        <h3>{t('gap.provinces')}</h3>
        {comparison ? (
          <p className="gap-note">
            <strong>{t('gap.classTitle', { year })}: </strong>
            {comparison.changes.length
              ? t('gap.classSummary', {
                  changed: comparison.changes.length,
                  compared: comparison.compared.length,
                  scheme: t(`classify.${scheme}`),
                  k,
                })
              : t('gap.classNone', { compared: comparison.compared.length })}
          </p>
        ) : (
          <p className="muted small">{t('gap.classUnavailable', { year })}</p>
        )}
        {selected !== null ? (
          <p className="small">
            {t('gap.selected', { name: data.provinces.polygons[selected]?.label ?? '' })}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => store.getState().openPanel('detail')}
            >
              {t('gap.details')}
            </button>
          </p>
        ) : null}
        <ProvinceChart
          rows={perProvince}
          year={year}
          flagged={flagged}
          sourceName={sourceName}
          regionName={regionName}
          pct={pct}
          signedPp={signedPp}
          names={names}
          t={t}
        />

        <h3>{t('gap.reachTitle')}</h3>
        {reach ? (
          <>
            <ul className="gap-reach plain">
              {REGIONS.map((r) => {
                const v = reach.regions[r];
                const share = v.offline > 0 ? v.outside / v.offline : 0;
                return (
                  <li key={r} aria-label={regionName(r)}>
                    <span className="gap-reach-region" style={{ color: REGION_TEXT_COLOUR[r] }}>
                      {regionName(r)}
                    </span>
                    <span className="gap-reach-bar" aria-hidden="true">
                      <i style={{ width: `${(share * 100).toFixed(1)}%`, background: REGION_COLOUR[r] }} />
                    </span>
                    <span>
                      <strong>{t('gap.reachOutside', { outside: formatCompact(lng, v.outside) })}</strong>{' '}
                      <span className="muted">
                        {t('gap.reachOf', {
                          offline: formatCompact(lng, v.offline),
                          share: `${formatNumber(lng, share * 100, 0)}%`,
                        })}
                      </span>
                    </span>
                  </li>
                );
              })}
            </ul>
            <p className="muted small">
              <span className="tag tag-estimate">{t('legend.estimate')}</span>{' '}
              {t('gap.reachNote', { year: reach.year, hubs: hubCount })}
            </p>
          </>
        ) : null}
      </div>
    </Panel>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

/** The year of a change that lacks provinces (the later one when both do). */
const partialOf = (c: GapChange): GapYear => (c.to.coverage.complete ? c.from : c.to);

const verdictOf = (gapChange: number): 'wider' | 'narrower' | 'same' =>
  gapChange >= 0.05 ? 'wider' : gapChange <= -0.05 ? 'narrower' : 'same';

function Figure({
  region,
  label,
  figure,
  pct,
  t,
}: {
  region: Region;
  label: string;
  figure: RegionFigure;
  pct: (v: number) => string;
  t: T;
}) {
  return (
    <div className={`gap-figure gap-figure-${region}`} role="group" aria-label={label}>
      <span className="gap-figure-label" style={{ color: REGION_TEXT_COLOUR[region] }}>
        {label}
      </span>
      <span className="gap-figure-value">{figure.value === null ? t('gap.noData') : pct(figure.value)}</span>
      <span className="gap-figure-sub">
        {t('gap.provincesOf', { used: figure.provinces.length, expected: figure.expected })}
      </span>
    </div>
  );
}

function CoverageNotes({
  year,
  names,
  t,
}: {
  year: GapYear;
  names: (bs: readonly number[]) => string;
  t: T;
}) {
  if (year.coverage.complete) return null;
  const missing = [...year.east.missing, ...year.west.missing];
  const unweighted = [...year.east.unweighted, ...year.west.unweighted];
  return (
    <div className="gap-partial" role="note">
      <p>
        <strong>
          {t('gap.partial', { used: year.coverage.used, expected: year.coverage.expected, year: year.year })}
        </strong>
      </p>
      {missing.length ? <p className="small">{t('gap.missing', { names: names(missing) })}</p> : null}
      {unweighted.length ? (
        <p className="small">{t('gap.unweighted', { names: names(unweighted) })}</p>
      ) : null}
    </div>
  );
}

function sourceOrgs(data: Dataset, s: GapSeries): string {
  const ids = new Set(s.years.flatMap((y) => y.sourceIds));
  const orgs = new Set<string>();
  for (const src of data.stats.sources) if (ids.has(src.id)) orgs.add(publisherOf(src.org));
  return [...orgs].join('; ');
}

/** Calendar years inside the series' range without any figure (e.g. 2020). */
function missingYearsOf(s: GapSeries): number[] {
  const ys = s.years.map((y) => y.year);
  const out: number[] = [];
  for (let y = (ys[0] ?? 0) + 1; y < (ys[ys.length - 1] ?? 0); y++) if (!ys.includes(y)) out.push(y);
  return out;
}

const trendData = (s: GapSeries, data: Dataset): TrendDatum[] =>
  s.years.map((y) => ({
    year: y.year,
    east: y.east.value,
    west: y.west.value,
    complete: y.coverage.complete,
    definition: seriesDefinition(data.stats, SOURCE_SPEC[s.source].metric, y.year),
  }));

function pointLabel(
  p: TrendPoint,
  s: GapSeries,
  regionName: (r: Region) => string,
  pct: (v: number) => string,
  t: T,
): string {
  const y = s.years.find((x) => x.year === p.year)!;
  const f = y[p.region];
  const label = t('gap.pointLabel', {
    region: regionName(p.region),
    year: p.year,
    value: pct(p.value),
    provinces: t('gap.provincesOf', { used: f.provinces.length, expected: f.expected }),
  });
  return p.complete ? label : t('gap.pointPartial', { label });
}

function TrendTable({
  series,
  pct,
  pp,
  ratio,
  t,
}: {
  series: GapSeries;
  pct: (v: number) => string;
  pp: (v: number) => string;
  ratio: (v: number) => string;
  t: T;
}) {
  const cell = (f: RegionFigure) => (f.value === null ? t('gap.noData') : pct(f.value));
  return (
    <table className="data-table">
      <caption>{t('gap.trend')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('gap.colYear')}</th>
          <th scope="col">{t('gap.eastShort')}</th>
          <th scope="col">{t('gap.westShort')}</th>
          <th scope="col">{t('gap.colGap')}</th>
          <th scope="col">{t('gap.colRatio')}</th>
          <th scope="col">{t('gap.colCoverage')}</th>
        </tr>
      </thead>
      <tbody>
        {series.years.map((y) => (
          <tr key={y.year}>
            <th scope="row">{y.year}</th>
            <td>{cell(y.east)}</td>
            <td>{cell(y.west)}</td>
            <td>{y.gapPp === null ? '—' : pp(y.gapPp)}</td>
            <td>{y.ratio === null ? '—' : ratio(y.ratio)}</td>
            <td>
              {y.coverage.used}/{y.coverage.expected}
              {y.coverage.complete ? '' : <span className="tag">{t('gap.partialTag')}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ProvinceChart({
  rows,
  year,
  flagged,
  sourceName,
  regionName,
  pct,
  signedPp,
  names,
  t,
}: {
  rows: ReturnType<typeof provinceSeries>;
  year: number;
  flagged: ReadonlySet<number>;
  sourceName: string;
  regionName: (r: Region) => string;
  pct: (v: number) => string;
  signedPp: (v: number) => string;
  names: (bs: readonly number[]) => string;
  t: T;
}) {
  const data = useMemo(
    () =>
      rows.flatMap((p): DumbbellDatum[] => {
        const to = p.points.find((x) => x.year === year);
        if (!to) return [];
        return [
          {
            key: String(p.bps),
            label: p.name,
            polygonId: p.polygonId,
            region: p.region,
            from: p.points[0] ?? null,
            to,
            flagged: flagged.has(p.bps),
          },
        ];
      }),
    [rows, year, flagged],
  );
  const without = rows.filter((p) => !p.points.some((x) => x.year === year)).map((p) => p.bps);
  const rowLabel = (r: DumbbellRow) => {
    const d = r.datum;
    let label = t('gap.rowLabel', {
      rank: r.rank,
      name: d.label,
      region: regionName(d.region),
      value: pct(d.to.value),
      year: d.to.year,
    });
    if (d.from && d.from.year !== d.to.year)
      label = t('gap.rowFrom', { label, value: pct(d.from.value), year: d.from.year });
    return d.flagged ? t('gap.rowFlag', { label }) : label;
  };
  const sorted = [...data].sort((a, b) => b.to.value - a.to.value || a.label.localeCompare(b.label));
  return (
    <>
      <Dumbbell
        data={data}
        title={t('gap.provincesTitle', { year, source: sourceName })}
        description={t('gap.provincesDesc', { year })}
        rowLabel={rowLabel}
        formatValue={pct}
        legend={{
          east: regionName('east'),
          west: regionName('west'),
          from: t('gap.keyFrom'),
          to: String(year),
        }}
      />
      {without.length ? (
        <p className="muted small">{t('gap.withoutData', { year, names: names(without) })}</p>
      ) : null}
      <TableToggle>
        <table className="data-table">
          <caption>{t('gap.provincesTitle', { year, source: sourceName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('gap.colRank')}</th>
              <th scope="col">{t('gap.colProvince')}</th>
              <th scope="col">{t('gap.colRegion')}</th>
              <th scope="col">{t('gap.colFirst')}</th>
              <th scope="col">{t('gap.colSelected', { year })}</th>
              <th scope="col">{t('gap.colChange')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((d, i) => (
              <tr key={d.key}>
                <td>{i + 1}</td>
                <th scope="row">
                  {d.flagged ? '◆ ' : ''}
                  {d.label}
                </th>
                <td>{regionName(d.region)}</td>
                <td>{d.from && d.from.year !== d.to.year ? `${pct(d.from.value)} (${d.from.year})` : '—'}</td>
                <td>{pct(d.to.value)}</td>
                <td>{d.from && d.from.year !== d.to.year ? signedPp(d.to.value - d.from.value) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableToggle>
    </>
  );
}
