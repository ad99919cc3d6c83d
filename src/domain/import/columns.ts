/**
 * Guessing what the columns of a user's CSV hold, from their header and their values. Every guess is
 * shown in the import panel and can be changed by the user.
 */
import { METRIC_KIND } from '../aggregate';
import type { MetricId } from '../types';
import type { CsvTable } from './csv';
import type { ProvinceMatcher } from './provinces';
import { normalise } from './text';

/** Rows looked at when guessing. */
export const SAMPLE_ROWS = 500;

/** The metrics a statistics file may carry (the cited ones; estimates are computed, never imported). */
export const IMPORTABLE_METRICS: readonly MetricId[] = Object.keys(METRIC_KIND) as MetricId[];

/**
 * The metric a header (or file name) most likely names, or null.
 * @param text a column header, a metric name in a long table, or a file name
 * @example guessMetric('Persentase Penduduk yang Mengakses Internet') // 'internet_use_bps'
 * @example guessMetric('Jumlah Penduduk (jiwa)') // 'population'
 */
export function guessMetric(text: string): MetricId | null {
  const s = ` ${normalise(text)} `;
  if (/ apjii /.test(s)) return 'internet_use_apjii';
  if (/ (rumah tangga|ruta|households?) /.test(s)) return 'households_internet';
  if (/ internet /.test(s)) return 'internet_use_bps';
  if (/ (umk|micro and small) /.test(s)) return 'msme_umk';
  if (/ (umkm|msmes?|ukm|usaha|establishments?|firms?) /.test(s)) return 'msme_total';
  if (/ (penduduk|population|populasi|jiwa) /.test(s)) return 'population';
  return null;
}

/** A four-digit year 1900–2100 inside a header ("2023", "Internet 2023"), or null. */
export function yearIn(header: string): number | null {
  const m = /(?:^|\D)((?:19|20)\d{2}|2100)(?:\D|$)/.exec(header);
  return m ? Number(m[1]) : null;
}

/** A whole year 1900–2100 written in a cell ("2023", "2023.0"), or null. */
export function parseYear(raw: string): number | null {
  const m = /^\s*(\d{4})(?:\.0+)?\s*$/.exec(raw);
  if (!m) return null;
  const y = Number(m[1]);
  return y >= 1900 && y <= 2100 ? y : null;
}

/** Values of one column in the first {@link SAMPLE_ROWS} rows. */
export function sample(table: CsvTable, column: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < table.rows.length && out.length < SAMPLE_ROWS; i++) {
    const v = table.rows[i]![column] ?? '';
    if (v.trim() !== '') out.push(v);
  }
  return out;
}

const headerIs = (header: string, re: RegExp) => re.test(normalise(header));

/** Header patterns, compared after normalisation. */
export const HEADERS = {
  province: /^(kode |kd |nama )?(prov|provinsi|propinsi|province|wilayah|region|daerah)( name| code| kode)?$/,
  year: /^(tahun|year|thn|periode|period)$/,
  metric: /^(metric|metrik|indikator|indicator|variabel|variable|jenis data|measure)$/,
  value: /^(value|nilai|angka)$/,
  city: /(^| )(kota|city|kabupaten|kab|kabupaten kota|kab kota|lokasi|location|tempat|venue|place)( |$)/,
  lat: /^(lat|latitude|lintang|y)$/,
  lon: /^(lon|lng|long|longitude|bujur|x)$/,
  date: /(^| )(tanggal|tgl|date|waktu|when)( |$)/,
  participants: /(^| )(peserta|participants?|attendees?|attendance|hadir|trained people)( |$)/,
  msmes: /(^| )(umkm|msmes?|ukm|usaha)( |$)/,
} as const;

/**
 * The column that holds provinces: the one whose sampled values match a province most often; a header that
 * says "province" counts for half of that (so a short file of mostly bad names still finds its column), and
 * names beat codes on a tie.
 * @returns the column index, or null when no column is named so or matches at least half of its values
 */
export function guessProvinceColumn(table: CsvTable, matcher: ProvinceMatcher): number | null {
  let best: { col: number; score: number } | null = null;
  table.header.forEach((h, col) => {
    const values = sample(table, col);
    if (values.length === 0) return;
    let hits = 0;
    let byName = 0;
    for (const v of values) {
      const m = matcher.match(v, null);
      if (m.type === 'matched' || m.type === 'ambiguous') hits++;
      if (m.type === 'matched' && m.by === 'name') byName++;
    }
    const rate = hits / values.length;
    const named = headerIs(h, HEADERS.province);
    if (rate < 0.5 && !named) return;
    const score = rate * 100 + (named ? 50 : 0) + (byName > 0 ? 1 : 0);
    if (!best || score > best.score) best = { col, score };
  });
  return (best as { col: number } | null)?.col ?? null;
}

/** The first column whose header matches `re` (and is not excluded), or null. */
export function columnByHeader(
  table: CsvTable,
  re: RegExp,
  exclude: ReadonlySet<number> = new Set(),
): number | null {
  const i = table.header.findIndex((h, col) => !exclude.has(col) && headerIs(h, re));
  return i < 0 ? null : i;
}

/** The year column: by header, else a column whose sampled values are all years. */
export function guessYearColumn(table: CsvTable, exclude: ReadonlySet<number>): number | null {
  const byHeader = columnByHeader(table, HEADERS.year, exclude);
  if (byHeader !== null) return byHeader;
  const i = table.header.findIndex((_, col) => {
    if (exclude.has(col)) return false;
    const v = sample(table, col);
    return v.length > 0 && v.every((x) => parseYear(x) !== null);
  });
  return i < 0 ? null : i;
}

/** Whether the kind of a metric is a percentage or a count. */
export const kindOf = (metric: MetricId) => METRIC_KIND[metric];
