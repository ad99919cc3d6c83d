/**
 * Reading numbers the way Indonesian and English spreadsheets write them: "12,5" and "12.5",
 * "1.234.567" and "1,234,567", "1.234,5", spaces or non-breaking spaces between thousands, a trailing "%".
 *
 * Whether "." or "," is the decimal mark is decided per column from the values that can only be read one way
 * ("12,5", "1.234.567", "1.234,5" say comma; "12.5", "1,234,567" say dot). A value such as "1.234" that reads
 * both ways follows its column; when the column does not tell either, it is settled by the metric: a percentage cannot be 1 234 (so it is 1.234), a count of people or
 * firms is a whole number (so it is 1 234).
 */

/** Which character is the decimal mark. */
export type DecimalMark = '.' | ',';

import type { Problem } from './issues';

export type ParsedNumber =
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'empty' }
  | { readonly type: 'invalid'; readonly reason: Problem };

/** Cells that mean "no value" in statistical tables. */
const MISSING = new Set(['', '-', '–', '—', '...', '…', 'na', 'n/a', 'nan', 'null', 'tidak ada', 'x']);

/** Marks present in a cleaned numeric string. */
function clean(raw: string): string {
  return raw
    .trim()
    .replace(/[\s\u00a0\u202f']/g, '')
    .replace(/%$/, '');
}

/**
 * The decimal mark a single value implies, or null when it reads both ways (or has no marks).
 * @example impliedMark('12,5') // ','
 * @example impliedMark('1.234') // null
 */
export function impliedMark(raw: string): DecimalMark | null {
  const s = clean(raw).replace(/^[-+]/, '');
  if (/^\d{1,3}(\.\d{3}){2,}(,\d*)?$/.test(s) || /^\d{1,3}(\.\d{3})+,\d*$/.test(s)) return ',';
  if (/^\d{1,3}(,\d{3}){2,}(\.\d*)?$/.test(s) || /^\d{1,3}(,\d{3})+\.\d*$/.test(s)) return '.';
  if (/^\d*,\d+$/.test(s) && !/^\d{1,3},\d{3}$/.test(s)) return ',';
  if (/^\d*\.\d+$/.test(s) && !/^\d{1,3}\.\d{3}$/.test(s)) return '.';
  return null;
}

/**
 * The decimal mark of a column: what most of its unambiguous values imply (null when none tells).
 * @param values the column's cells
 * @example columnMark(['12,5', '1.234']) // ','
 */
export function columnMark(values: Iterable<string>): DecimalMark | null {
  let comma = 0;
  let dot = 0;
  for (const v of values) {
    const m = impliedMark(v);
    if (m === ',') comma++;
    else if (m === '.') dot++;
  }
  if (comma === dot) return null;
  return comma > dot ? ',' : '.';
}

/**
 * Parses one cell.
 * @param raw the cell text
 * @param mark the column's decimal mark (null: unknown)
 * @param kind what the number counts: a percentage or a whole-number count (settles "1.234")
 * @example parseNumber('1.234.567', ',', 'count') // { type: 'number', value: 1234567 }
 * @example parseNumber('12,5', null, 'percent') // { type: 'number', value: 12.5 }
 */
export function parseNumber(raw: string, mark: DecimalMark | null, kind: 'percent' | 'count'): ParsedNumber {
  if (MISSING.has(raw.trim().toLowerCase())) return { type: 'empty' };
  const s = clean(raw);
  if (!/^[-+]?(\d[\d.,]*|[.,]\d+)$/.test(s)) return { type: 'invalid', reason: { code: 'notNumber' } };
  const sign = s.startsWith('-') ? -1 : 1;
  const body = s.replace(/^[-+]/, '');
  const own = impliedMark(body);
  let decimal: DecimalMark | null = own ?? mark;
  if (decimal === null && /^\d{1,3}([.,])\d{3}$/.test(body)) {
    // Reads both ways ("1.234") and the column does not tell: a percentage is the decimal reading, a count the
    // whole number.
    decimal = kind === 'percent' ? (body.includes('.') ? '.' : ',') : body.includes('.') ? ',' : '.';
  }
  if (decimal === null) decimal = body.includes(',') && !body.includes('.') ? ',' : '.';
  const thousands = decimal === '.' ? ',' : '.';
  const parts = body.split(decimal);
  if (parts.length > 2)
    return { type: 'invalid', reason: { code: 'manyDecimalMarks', params: { mark: decimal } } };
  const [whole = '', frac] = parts;
  if (whole.includes(thousands) && !new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})+$`).test(whole))
    return { type: 'invalid', reason: { code: 'misplacedThousands', params: { mark: thousands } } };
  if (frac !== undefined && frac.includes(thousands))
    return { type: 'invalid', reason: { code: 'separatorAfterDecimal' } };
  const value = sign * Number(`${whole.split(thousands).join('') || '0'}.${frac ?? ''}`.replace(/\.$/, ''));
  return Number.isFinite(value)
    ? { type: 'number', value }
    : { type: 'invalid', reason: { code: 'notFinite' } };
}
