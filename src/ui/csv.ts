/**
 * CSV cells that cannot become spreadsheet formulas. A text cell that begins with `=`, `+`, `-`, `@`, a tab or a
 * carriage return is read by Excel, LibreOffice and Google Sheets as a formula (OWASP "CSV injection"): an imported
 * file named `=cmd|' -C calc'!A0` would run when the export is opened. Such text gets a leading `'`, which the
 * spreadsheet shows as plain text. Numbers (a negative latitude) stay numbers, and so does text that is just a number.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * @example neutraliseFormula('=1+2') // "'=1+2"
 * @example neutraliseFormula('-3.5') // '-3.5'
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * One RFC 4180 field: null is empty, text is neutralised (see above) and quoted when it holds `"`, `,` or a line
 * break.
 *
 * @example csvCell('Bau-Bau, Buton') // '"Bau-Bau, Buton"'
 * @example csvCell('@SUM(1+1)') // "'@SUM(1+1)"
 */
export function csvCell(x: string | number | boolean | null | undefined): string {
  if (x === null || x === undefined) return '';
  const s = typeof x === 'string' ? neutraliseFormula(x) : String(x);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
