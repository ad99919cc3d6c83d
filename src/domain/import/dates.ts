/**
 * Dates as planners write them: ISO ("2018-09-13"), day first as in Indonesia ("13/09/2018",
 * "13-09-2018", "13.09.2018"), and with Indonesian or English month names ("13 September 2018", "13 Sep 2018",
 * "September 13, 2018"). The calendar is checked (no 31 April).
 */
import type { Problem } from './issues';
import { normalise } from './text';
import { own } from './own';

export type ParsedDate =
  /** `note`: a warning on how the date was read (e.g. month first). */
  | { readonly type: 'date'; readonly iso: string; readonly note?: Problem }
  | { readonly type: 'empty' }
  | { readonly type: 'invalid'; readonly reason: Problem };

const MONTHS: Readonly<Record<string, number>> = {};
[
  ['januari', 'january', 'jan'],
  ['februari', 'february', 'feb', 'pebruari'],
  ['maret', 'march', 'mar'],
  ['april', 'apr'],
  ['mei', 'may'],
  ['juni', 'june', 'jun'],
  ['juli', 'july', 'jul'],
  ['agustus', 'august', 'agu', 'agt', 'aug'],
  ['september', 'sep', 'sept'],
  ['oktober', 'october', 'okt', 'oct'],
  ['november', 'nopember', 'nov', 'nop'],
  ['desember', 'december', 'des', 'dec'],
].forEach((names, i) => names.forEach((n) => ((MONTHS as Record<string, number>)[n] = i + 1)));

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function iso(y: number, m: number, d: number, note?: Problem): ParsedDate {
  if (!valid(y, m, d))
    return {
      type: 'invalid',
      reason: { code: 'notInCalendar', params: { date: `${y}-${pad(m)}-${pad(d)}` } },
    };
  return note
    ? { type: 'date', iso: `${y}-${pad(m)}-${pad(d)}`, note }
    : { type: 'date', iso: `${y}-${pad(m)}-${pad(d)}` };
}

/**
 * @param raw the cell text
 * @example parseDate('13/09/2018') // { type: 'date', iso: '2018-09-13' }
 * @example parseDate('13 Agustus 2018') // { type: 'date', iso: '2018-08-13' }
 */
export function parseDate(raw: string): ParsedDate {
  const s = raw.trim();
  if (s === '' || s === '-') return { type: 'empty' };
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    if (b > 12 && a <= 12) return iso(y, a, b, { code: 'readAsMonthFirst' });
    return iso(y, b, a);
  }
  const words = normalise(s).split(' ');
  if (words.length === 3) {
    const [w1 = '', w2 = '', w3 = ''] = words;
    const m1 = own(MONTHS, w1);
    const m2 = own(MONTHS, w2);
    if (/^\d{1,2}$/.test(w1) && m2 && /^\d{4}$/.test(w3)) return iso(Number(w3), m2, Number(w1));
    if (m1 && /^\d{1,2}$/.test(w2) && /^\d{4}$/.test(w3)) return iso(Number(w3), m1, Number(w2));
  }
  return { type: 'invalid', reason: { code: 'notDate' } };
}
