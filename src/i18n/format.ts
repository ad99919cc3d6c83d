/** Locale-aware formatting of values with their units (id-ID writes 1.234.567 and 12,5). */
import type { Unit } from '../domain/metrics';

/** Formatters are costly to build (a table's worth took 60 ms at start-up) and are reused per locale and style. */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(id: string, make: () => F): F {
  let f = formatters.get(id) as F | undefined;
  if (!f) formatters.set(id, (f = make()));
  return f;
}

function numberFormat(locale: string, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(`number|${locale}|${key}`, () => new Intl.NumberFormat(locale, options));
}

export function formatNumber(locale: string, x: number, digits = 0): string {
  return numberFormat(locale, `fixed${digits}`, {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(x);
}

/** Compact people counts: 1,2 jt / 1.2M. */
export function formatCompact(locale: string, x: number): string {
  return numberFormat(locale, 'compact', { notation: 'compact', maximumFractionDigits: 1 }).format(x);
}

export function formatValue(locale: string, unit: Unit, x: number): string {
  switch (unit) {
    case 'percent':
      return `${formatNumber(locale, x, 1)}%`;
    case 'people':
    case 'establishments':
      return formatNumber(locale, Math.round(x));
    case 'index':
      return formatNumber(locale, x, 2);
    default:
      return unit satisfies never;
  }
}

export function formatRange(locale: string, unit: Unit, lo: number, hi: number): string {
  if (unit === 'percent') return `${formatNumber(locale, lo, 1)}–${formatNumber(locale, hi, 1)}%`;
  if (unit === 'index') return `${formatNumber(locale, lo, 2)}–${formatNumber(locale, hi, 2)}`;
  return `${formatCompact(locale, lo)}–${formatCompact(locale, hi)}`;
}

/**
 * A calendar date (`YYYY-MM-DD`) in the locale's words: id "13 Sep 2018", en "Sep 13, 2018". Read as a day,
 * not a moment, so no time zone can shift it. Text that is not such a date is returned as it is.
 * @example formatDate('id', '2018-09-13', 'long') // '13 September 2018'
 */
export function formatDate(locale: string, iso: string, style: 'medium' | 'long' = 'medium'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(day.getTime())) return iso;
  return cached(
    `date|${locale}|${style}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }),
  ).format(day);
}

/**
 * A number as written in running text: the locale's marks, up to six decimals, none added (id "1.234,5").
 * @example formatPlain('id', 1234.5) // '1.234,5'
 */
export function formatPlain(locale: string, x: number): string {
  return numberFormat(locale, 'plain', { maximumFractionDigits: 6 }).format(x);
}

/**
 * A day as `YYYY-MM-DD` in the user's own time zone: an export made at 06:00 in Jakarta is dated that day, not
 * the UTC day before.
 * @example localDay(new Date(2026, 10, 22, 6)) // '2026-11-22'
 */
export function localDay(at: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
