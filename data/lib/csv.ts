/**
 * CSV reading for the data build: papaparse for parsing, zod for validation.
 * Every failure names the file, the row (as a spreadsheet would number it: the header is row 1) and the column.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import Papa from 'papaparse';
import type { z } from 'zod';

export class DataBuildError extends Error {
  constructor(
    readonly file: string,
    readonly row: number | null,
    readonly column: string | null,
    detail: string,
    /** What `row` counts: CSV rows (header = row 1) or GeoJSON features (first = feature 1). */
    unit: 'row' | 'feature' = 'row',
  ) {
    const field = unit === 'row' ? 'column' : 'field';
    const where = [
      file,
      row === null ? null : `${unit} ${row}`,
      column === null ? null : `${field} "${column}"`,
    ]
      .filter((x) => x !== null)
      .join(', ');
    super(`${where}: ${detail}`);
    this.name = 'DataBuildError';
  }
}

export interface Located<T> {
  readonly row: number;
  readonly value: T;
}

/**
 * Parse a CSV file and validate each row against a zod object schema.
 * @param path file path
 * @param schema schema for one row (keys = header names)
 * @param text the file's contents (default: read from `path`)
 * @param label the file's name in messages (default: data/<name>, or data/admin/<name> under admin/)
 * @example readCsv('data/provinces.csv', ProvinceRow)
 */
export function readCsv<S extends z.ZodType>(
  path: string,
  schema: S,
  text?: string,
  label?: string,
): Located<z.output<S>>[] {
  const underAdmin = /[/\\]admin[/\\][^/\\]+$/.test(path);
  const file = label ?? (underAdmin ? `data/admin/${basename(path)}` : `data/${basename(path)}`);
  const source = (text ?? readFileSync(path, 'utf8')).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const parsed = Papa.parse<Record<string, string>>(source, { header: true, skipEmptyLines: 'greedy' });
  const first = parsed.errors[0];
  if (first) {
    throw new DataBuildError(file, first.row === undefined ? null : first.row + 2, null, first.message);
  }
  return parsed.data.map((raw, i) => {
    const row = i + 2;
    const result = schema.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0];
      const column = issue && issue.path.length > 0 ? String(issue.path[0]) : null;
      const got = column !== null ? JSON.stringify(raw[column] ?? '') : '';
      throw new DataBuildError(
        file,
        row,
        column,
        `${issue?.message ?? 'invalid row'}${got ? ` (got ${got})` : ''}`,
      );
    }
    return { row, value: result.data };
  });
}
