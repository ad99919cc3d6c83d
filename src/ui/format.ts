/** Locale-aware formatting of values with their units (id-ID writes 1.234.567 and 12,5). */
import type { Unit } from '../domain/metrics';

export function formatNumber(locale: string, x: number, digits = 0): string {
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(x);
}

/** Compact people counts: 1,2 jt / 1.2M. */
export function formatCompact(locale: string, x: number): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(x);
}

export function formatValue(locale: string, unit: Unit, x: number): string {
  switch (unit) {
    case 'percent':
      return `${formatNumber(locale, x, 1)}%`;
    case 'people':
    case 'establishments':
      return formatNumber(locale, Math.round(x));
    default:
      return unit satisfies never;
  }
}

export function formatRange(locale: string, unit: Unit, lo: number, hi: number): string {
  if (unit === 'percent') return `${formatNumber(locale, lo, 1)}–${formatNumber(locale, hi, 1)}%`;
  return `${formatCompact(locale, lo)}–${formatCompact(locale, hi)}`;
}
