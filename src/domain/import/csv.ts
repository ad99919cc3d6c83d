/**
 * CSV text to a table of strings, with papaparse. Handles a UTF-8 byte-order mark, comma, semicolon,
 * tab or pipe delimiters (detected), quoted fields (with delimiters, quotes and line breaks inside), and
 * reports malformed quoting and rows with the wrong number of fields by spreadsheet row number.
 */
import Papa from 'papaparse';
import type { IssueLog } from './issues';
import { clip } from './issues';

export type Delimiter = ',' | ';' | '\t' | '|';
const DELIMITERS: readonly Delimiter[] = [';', ',', '\t', '|'];

export interface CsvTable {
  /** Column names, made unique and non-empty ("column 3", "nilai (2)"). */
  readonly header: readonly string[];
  /** Data rows, each as long as the header (missing fields are ''). */
  readonly rows: readonly (readonly string[])[];
  /** Spreadsheet row number of each data row (the header is row 1; empty lines count). */
  readonly rowNumbers: readonly number[];
  readonly delimiter: Delimiter;
}

/** Largest number of fields accepted in a header (a binary file read as text can have millions). */
export const MAX_COLUMNS = 500;

/** Delimiter counts per line, outside quotes. */
function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === d && !quoted) n++;
  }
  return n;
}

/**
 * The delimiter that splits the first lines into the same number (> 0) of fields; the header decides otherwise.
 * @param text the CSV text (without BOM)
 * @example detectDelimiter('provinsi;nilai\nAceh;12,5') // ';'
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .slice(0, 64 * 1024)
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim().length > 0)
    .slice(0, 6);
  if (lines.length === 0) return ',';
  let best: Delimiter | null = null;
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (first > 0 && counts.every((c) => c === first) && first > bestCount) {
      best = d;
      bestCount = first;
    }
  }
  if (best) return best;
  const header = lines[0] ?? '';
  let fallback: Delimiter = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const c = countOutsideQuotes(header, d);
    if (c > most) {
      most = c;
      fallback = d;
    }
  }
  return fallback;
}

/** Strips a UTF-8 byte-order mark (a text decoder may leave it as U+FEFF). */
export const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Unique, non-empty column names. */
function uniqueHeader(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    const name = h.trim() || `column ${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

/**
 * Parses CSV text. Problems go to `log` with their row; a file without a usable header is reported as blocking.
 * @param text the file's text
 * @param log where problems are reported (its file name is used)
 * @param onProgress fraction of the text parsed, 0–1
 * @example parseCsv('\uFEFFprovinsi;nilai\n"Aceh";"12,5"', log).rows // [['Aceh', '12,5']]
 */
export function parseCsv(
  text: string,
  log: IssueLog,
  onProgress?: (fraction: number) => void,
): CsvTable | null {
  const body = stripBom(text);
  const delimiter = detectDelimiter(body);
  const records: string[][] = [];
  const numbers: number[] = [];
  let index = 0;
  let header: string[] | null = null;
  let headerRow = 0;
  let tooWide = false;
  const total = Math.max(1, body.length);
  Papa.parse<string[]>(body, {
    delimiter,
    header: false,
    skipEmptyLines: false,
    worker: false,
    chunkSize: 1 << 20,
    complete: () => undefined,
    chunk: (results: Papa.ParseResult<string[]>) => {
      for (const e of results.errors) {
        const row = index + (e.row ?? 0) + 1;
        log.row(
          row,
          undefined,
          e.code === 'MissingQuotes'
            ? { code: 'unclosedQuote' }
            : { code: 'malformedQuotes', params: { detail: e.message } },
        );
      }
      const data = results.data;
      for (let k = 0; k < data.length; k++) {
        const rec = data[k]!;
        const row = index + k + 1;
        if (rec.length === 1 && rec[0]!.trim() === '') continue;
        if (header === null) {
          if (rec.length > MAX_COLUMNS) {
            tooWide = true;
            header = [];
            headerRow = row;
            continue;
          }
          header = uniqueHeader(rec);
          headerRow = row;
          continue;
        }
        if (tooWide) continue;
        records.push(rec);
        numbers.push(row);
      }
      index += data.length;
      onProgress?.(Math.min(1, (results.meta.cursor ?? 0) / total));
    },
  });
  if (header === null) {
    log.row(1, undefined, { code: 'noHeader' }, { blocking: true });
    return null;
  }
  if (tooWide) {
    log.row(
      headerRow,
      undefined,
      { code: 'tooManyColumns', params: { max: MAX_COLUMNS } },
      { blocking: true },
    );
    return null;
  }
  const h: string[] = header;
  if (h.length < 2) {
    log.row(
      headerRow,
      undefined,
      { code: 'oneColumn', params: { header: clip(h[0] ?? '') } },
      { blocking: true },
    );
    return null;
  }
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = 0; i < records.length; i++) {
    const rec = records[i]!;
    const row = numbers[i]!;
    if (rec.length > h.length && rec.slice(h.length).some((f) => f.trim() !== '')) {
      log.row(
        row,
        undefined,
        { code: 'extraFields', params: { fields: rec.length, columns: h.length } },
        { severity: 'warning' },
      );
    }
    rows.push(rec.length === h.length ? rec : Array.from(h, (_, j) => rec[j] ?? ''));
    rowNumbers.push(row);
  }
  if (rows.length === 0) log.row(headerRow, undefined, { code: 'noDataRows' }, { blocking: true });
  return { header: h, rows, rowNumbers, delimiter };
}
