/**
 * Province statistics from a CSV: rows → observations, with a row-level account of everything that
 * was not taken (unmatched provinces, unreadable or out-of-range values, conflicting duplicates).
 *
 * Three layouts are read:
 * - wide: a province column, a year column (or a fixed year), one column per metric;
 * - years across: a province column and one column per year (headers "2021", "2022", …), one metric;
 * - long: province, year, metric and value columns.
 */
import type { Basis, BpsCode, MetricId, Observation, ProvinceRecord } from '../types';
import {
  columnByHeader,
  guessMetric,
  guessProvinceColumn,
  guessYearColumn,
  HEADERS,
  IMPORTABLE_METRICS,
  kindOf,
  parseYear,
  sample,
  yearIn,
} from './columns';
import type { CsvTable } from './csv';
import { clip, type IssueLog, type Problem } from './issues';
import { columnMark, parseNumber, type DecimalMark } from './numbers';
import { ambiguousCode, guessCodeSystem, isCode, type CodeSystem, type ProvinceMatcher } from './provinces';
import { normalise } from './text';
import { own, setOwn } from './own';

export interface StatisticsOptions {
  /** Column holding the province (code, ISO code or name). */
  readonly provinceColumn: string | null;
  /** How numeric codes 91–97 are read; null when not needed or not chosen. */
  readonly codeSystem: CodeSystem | null;
  /** Province list the figures are on: 34 (before the 2022 Papua split) or 38. */
  readonly basis: Basis;
  readonly yearColumn: string | null;
  /** Year of every row when there is no year column (and headers carry none). */
  readonly year: number | null;
  /** Long layout: the column naming the metric of each row, and the column with its value. */
  readonly metricColumn: string | null;
  readonly valueColumn: string | null;
  /** Wide layouts: the metric of each value column (null or absent: not imported). */
  readonly metrics: Readonly<Record<string, MetricId | null>>;
}

/** One imported figure, as the preview lists it. */
export interface MatchedValue {
  readonly row: number;
  readonly column: string;
  readonly province: string;
  readonly bps: BpsCode;
  readonly metric: MetricId;
  readonly year: number;
  readonly value: number;
}

export interface StatisticsResult {
  readonly kind: 'statistics';
  readonly options: StatisticsOptions;
  readonly columns: readonly string[];
  /** True when numeric codes 91–97 appear and no code system is chosen. */
  readonly needsCodeSystem: boolean;
  /** True when the province column holds codes (the code-system choice applies). */
  readonly hasCodes: boolean;
  /** Observations to add (sourceId is filled in when applied). */
  readonly observations: readonly Observation[];
  readonly matched: readonly MatchedValue[];
  readonly counts: {
    readonly rows: number;
    readonly matchedRows: number;
    readonly unmatchedRows: number;
    readonly outOfRange: number;
    readonly invalid: number;
    readonly empty: number;
    readonly duplicates: number;
  };
}

/** Provinces created in the 2022 Papua split: they have no row on the 34-province basis. */
const newIn2022 = (p: ProvinceRecord) => p.splitYear !== null && p.splitYear >= 2022;

/**
 * Fills the options the user has not set with guesses from the header and the values.
 * @param table the parsed CSV
 * @param matcher province matcher
 * @param provinces the 38 provinces
 * @param fileName used to guess the metric of year columns ("internet-2021-2023.csv")
 * @param given the user's choices so far
 * @example guessStatisticsOptions(table, matcher, provinces, 'a.csv', {})
 */
export function guessStatisticsOptions(
  table: CsvTable,
  matcher: ProvinceMatcher,
  provinces: readonly ProvinceRecord[],
  fileName: string,
  given: Partial<StatisticsOptions>,
): StatisticsOptions {
  const h = table.header;
  const colOf = (name: string | null | undefined) => (name == null ? -1 : h.indexOf(name));
  const provinceIdx =
    given.provinceColumn !== undefined
      ? colOf(given.provinceColumn)
      : (guessProvinceColumn(table, matcher) ?? -1);
  const used = new Set<number>(provinceIdx >= 0 ? [provinceIdx] : []);

  // Code system: from codes that only one system has (97), or from names beside the codes in the same rows
  // (guessed even when names are the chosen column, in case the user switches to the codes).
  let codeSystem = given.codeSystem ?? null;
  const names = nameColumn(table, matcher, -1);
  const codes = codeColumn(table, names, provinceIdx);
  if (given.codeSystem === undefined && codes !== null) {
    if (sample(table, codes).some((c) => isCode(c) && Number.parseInt(c, 10) === 97)) codeSystem = 'bps';
    else if (names !== null)
      codeSystem = guessCodeSystem(
        matcher,
        table.rows.slice(0, 500).map((r) => [r[codes] ?? '', r[names] ?? ''] as const),
      );
  }
  // A second province column (names next to codes, or codes next to names) is not a value column.
  if (names !== null) used.add(names);
  if (codes !== null) used.add(codes);

  const metricIdx =
    given.metricColumn !== undefined
      ? colOf(given.metricColumn)
      : (columnByHeader(table, HEADERS.metric, used) ?? -1);
  if (metricIdx >= 0) used.add(metricIdx);
  const valueIdx =
    given.valueColumn !== undefined
      ? colOf(given.valueColumn)
      : metricIdx >= 0
        ? (columnByHeader(table, HEADERS.value, used) ?? -1)
        : -1;
  if (valueIdx >= 0) used.add(valueIdx);
  const yearIdx =
    given.yearColumn !== undefined ? colOf(given.yearColumn) : (guessYearColumn(table, used) ?? -1);
  if (yearIdx >= 0) used.add(yearIdx);

  const fileMetric = guessMetric(fileName.replace(/\.[a-z0-9]+$/i, ''));
  const metrics: Record<string, MetricId | null> = {};
  if (metricIdx < 0) {
    h.forEach((name, col) => {
      if (used.has(col)) return;
      setOwn(metrics, name, guessMetric(name) ?? (yearIn(name) !== null ? fileMetric : null));
    });
  }
  for (const [name, metric] of Object.entries(given.metrics ?? {})) setOwn(metrics, name, metric);

  // Basis: 38 if any of the provinces created in 2022 appears, else 34 (BPS published 34 until 2023).
  let basis: Basis = given.basis ?? '34';
  if (given.basis === undefined && provinceIdx >= 0) {
    const news = new Set(provinces.filter(newIn2022).map((p) => p.bps));
    for (const v of sample(table, provinceIdx)) {
      const m = matcher.match(v, codeSystem);
      if (m.type === 'matched' && news.has(m.bps)) {
        basis = '38';
        break;
      }
    }
  }
  const name = (i: number) => (i >= 0 ? h[i]! : null);
  return {
    provinceColumn: name(provinceIdx),
    codeSystem,
    basis,
    yearColumn: name(yearIdx),
    year: given.year ?? null,
    metricColumn: name(metricIdx),
    valueColumn: name(valueIdx),
    metrics,
  };
}

/** Another column whose values are mostly province names or ISO codes (not codes, which numbers resemble). */
function nameColumn(table: CsvTable, matcher: ProvinceMatcher, except: number): number | null {
  const i = table.header.findIndex((_, col) => {
    if (col === except) return false;
    const vals = sample(table, col);
    const hits = vals.filter((v) => {
      const m = matcher.match(v, null);
      return m.type === 'matched' && m.by !== 'code';
    }).length;
    return vals.length > 0 && hits / vals.length >= 0.5;
  });
  return i < 0 ? null : i;
}

/**
 * A column of province codes (BPS or Kemendagri), other than `except`: the chosen province column or one whose
 * header says so (a column of small whole numbers is not taken for codes otherwise).
 */
function codeColumn(table: CsvTable, except: number | null, provinceIdx: number): number | null {
  const i = table.header.findIndex((h, col) => {
    if (col === except || (col !== provinceIdx && !headerIsProvince(h))) return false;
    const vals = sample(table, col);
    return vals.length > 0 && vals.filter((v) => isCode(v)).length / vals.length >= 0.8;
  });
  return i < 0 ? null : i;
}

const headerIsProvince = (h: string) =>
  HEADERS.province.test(normalise(h)) || /^(kode|kd|code|id)$/.test(normalise(h));

/** A value column and how its metric and year are found. */
interface ValueColumn {
  readonly col: number;
  readonly name: string;
  readonly metric: MetricId | null;
  readonly headerYear: number | null;
  readonly mark: DecimalMark | null;
}

const METRIC_RANGE: Readonly<Record<'percent' | 'count', { min: number; max: number; problem: Problem }>> = {
  percent: { min: 0, max: 100, problem: { code: 'percentOutOfRange' } },
  count: { min: 0, max: Infinity, problem: { code: 'negativeCount' } },
};

/**
 * Reads the rows into observations on the chosen basis, reporting every row (and column) not taken.
 * @param table the parsed CSV
 * @param options complete options (see {@link guessStatisticsOptions})
 * @param matcher province matcher
 * @param provinces the 38 provinces
 * @param log where problems go
 * @example analyseStatistics(table, options, matcher, provinces, log).observations
 */
export function analyseStatistics(
  table: CsvTable,
  options: StatisticsOptions,
  matcher: ProvinceMatcher,
  provinces: readonly ProvinceRecord[],
  log: IssueLog,
): StatisticsResult {
  const h = table.header;
  const counts = {
    rows: table.rows.length,
    matchedRows: 0,
    unmatchedRows: 0,
    outOfRange: 0,
    invalid: 0,
    empty: 0,
    duplicates: 0,
  };
  const observations: Observation[] = [];
  const matched: MatchedValue[] = [];
  const base = {
    kind: 'statistics' as const,
    options,
    columns: h,
    needsCodeSystem: false,
    hasCodes: false,
    observations,
    matched,
    counts,
  };
  const provinceIdx = options.provinceColumn === null ? -1 : h.indexOf(options.provinceColumn);
  if (provinceIdx < 0) {
    log.row(1, undefined, { code: 'noProvinceColumn' }, { blocking: true });
    return base;
  }
  const yearIdx = options.yearColumn === null ? -1 : h.indexOf(options.yearColumn);
  const metricIdx = options.metricColumn === null ? -1 : h.indexOf(options.metricColumn);
  const valueIdx = options.valueColumn === null ? -1 : h.indexOf(options.valueColumn);
  const long = metricIdx >= 0;
  const markOf = (col: number) =>
    columnMark(
      (function* () {
        for (const r of table.rows) yield r[col] ?? '';
      })(),
    );

  const valueColumns: ValueColumn[] = [];
  if (long) {
    if (valueIdx < 0) {
      log.row(1, options.metricColumn ?? undefined, { code: 'noValueColumn' }, { blocking: true });
      return base;
    }
    valueColumns.push({
      col: valueIdx,
      name: h[valueIdx]!,
      metric: null,
      headerYear: null,
      mark: markOf(valueIdx),
    });
  } else {
    h.forEach((name, col) => {
      const metric = own(options.metrics, name) ?? null;
      if (metric === null || col === provinceIdx || col === yearIdx) return;
      if (!IMPORTABLE_METRICS.includes(metric)) return;
      valueColumns.push({
        col,
        name,
        metric,
        headerYear: yearIdx < 0 ? yearIn(name) : null,
        mark: markOf(col),
      });
    });
    if (valueColumns.length === 0) {
      log.row(1, undefined, { code: 'noMetricChosen' }, { blocking: true });
      return base;
    }
  }
  const yearless = yearIdx < 0 && options.year === null && valueColumns.some((v) => v.headerYear === null);
  if (yearless) {
    log.row(1, undefined, { code: 'unknownYear' }, { blocking: true });
    return base;
  }
  if (
    yearIdx < 0 &&
    options.year !== null &&
    (options.year < 1900 || options.year > 2100 || !Number.isInteger(options.year))
  ) {
    log.row(
      1,
      undefined,
      { code: 'badFixedYear', params: { year: String(options.year) } },
      { blocking: true },
    );
    return base;
  }

  const byBps = new Map(provinces.map((p) => [p.bps, p]));
  const seen = new Map<string, { row: number; value: number }>();
  const provinceName = h[provinceIdx]!;
  const longMetricCache = new Map<string, MetricId | null>();
  let ambiguous = 0;
  let codes = 0;

  for (let i = 0; i < table.rows.length; i++) {
    const r = table.rows[i]!;
    const row = table.rowNumbers[i]!;
    const raw = r[provinceIdx] ?? '';
    if (raw.trim() === '' && r.every((c) => c.trim() === '')) continue;
    if (isCode(raw)) codes++;
    const m = matcher.match(raw, options.codeSystem);
    if (m.type === 'ambiguous') {
      ambiguous++;
      counts.unmatchedRows++;
      log.row(row, provinceName, ambiguousCode(matcher, m), { value: clip(raw) });
      continue;
    }
    if (m.type === 'unmatched') {
      counts.unmatchedRows++;
      log.row(row, provinceName, m.reason, {
        value: clip(raw),
        ...(m.suggestion ? { suggestion: m.suggestion } : {}),
      });
      continue;
    }
    const province = byBps.get(m.bps)!;
    if (options.basis === '34' && newIn2022(province)) {
      counts.unmatchedRows++;
      log.row(
        row,
        provinceName,
        { code: 'createdLater', params: { province: province.nameId, year: String(province.splitYear) } },
        { value: clip(raw) },
      );
      continue;
    }
    let rowYear: number | null = options.year;
    if (yearIdx >= 0) {
      const y = parseYear(r[yearIdx] ?? '');
      if (y === null) {
        counts.invalid++;
        log.row(row, h[yearIdx], { code: 'notYear' }, { value: clip(r[yearIdx] ?? '') });
        continue;
      }
      rowYear = y;
    }
    let took = false;
    for (const vc of valueColumns) {
      let metric = vc.metric;
      if (long) {
        const text = r[metricIdx] ?? '';
        if (!longMetricCache.has(text))
          longMetricCache.set(
            text,
            (IMPORTABLE_METRICS as readonly string[]).includes(text.trim())
              ? (text.trim() as MetricId)
              : guessMetric(text),
          );
        metric = longMetricCache.get(text) ?? null;
        if (metric === null) {
          counts.invalid++;
          log.row(
            row,
            h[metricIdx],
            { code: 'unknownMetric', params: { metrics: IMPORTABLE_METRICS.join(', ') } },
            { value: clip(text) },
          );
          continue;
        }
      }
      if (metric === null) continue;
      const year = vc.headerYear ?? rowYear;
      if (year === null) continue;
      const kind = kindOf(metric);
      const cell = r[vc.col] ?? '';
      const n = parseNumber(cell, vc.mark, kind);
      if (n.type === 'empty') {
        counts.empty++;
        continue;
      }
      if (n.type === 'invalid') {
        counts.invalid++;
        log.row(row, vc.name, n.reason, { value: clip(cell) });
        continue;
      }
      const range = METRIC_RANGE[kind];
      if (n.value < range.min || n.value > range.max) {
        counts.outOfRange++;
        log.row(row, vc.name, range.problem, { value: clip(cell) });
        continue;
      }
      const key = `${metric}|${year}|${province.bps}`;
      const before = seen.get(key);
      if (before) {
        counts.duplicates++;
        if (before.value !== n.value)
          log.row(
            row,
            vc.name,
            {
              code: 'duplicateValue',
              params: {
                province: province.nameId,
                metric,
                year: String(year),
                row: before.row,
                value: before.value,
              },
            },
            { value: clip(cell) },
          );
        continue;
      }
      seen.set(key, { row, value: n.value });
      observations.push({
        metric,
        bps: province.bps,
        basis: options.basis,
        year,
        value: n.value,
        sourceId: '',
      });
      matched.push({
        row,
        column: vc.name,
        province: clip(raw),
        bps: province.bps,
        metric,
        year,
        value: n.value,
      });
      took = true;
    }
    if (took) counts.matchedRows++;
  }
  if (counts.rows > 0 && observations.length === 0 && !log.blocking)
    log.row(1, undefined, { code: 'noRowImported' }, { blocking: true });
  return { ...base, needsCodeSystem: ambiguous > 0 && options.codeSystem === null, hasCodes: codes > 0 };
}
