/**
 * Problems found while importing a user's file (issue #8). Every issue names the file and where in it the
 * problem is: a row and column of a CSV (rows numbered as a spreadsheet shows them, the header is row 1) or a
 * JSON path of a GeoJSON/TopoJSON file (`features[3].geometry.coordinates[0][5]`).
 */

/** `error`: the row (or file) is not imported; `warning`: imported, but worth a look. */
export type Severity = 'error' | 'warning';

/** Where a problem is: a CSV row (and column) or a JSON path. */
export type Location =
  | { readonly type: 'row'; readonly row: number; readonly column?: string }
  | { readonly type: 'path'; readonly path: string };

export interface ImportIssue {
  readonly file: string;
  readonly at: Location;
  readonly severity: Severity;
  /** What is wrong, in plain words (no location; see {@link describeIssue}). */
  readonly message: string;
  /** The raw text found there, if any (shown as text only). */
  readonly value?: string;
  /** A likely fix, e.g. the closest province name. */
  readonly suggestion?: string;
  /** True when the whole file cannot be imported (not just this row). */
  readonly blocking?: boolean;
}

/** Longest raw value carried in an issue (the preview shows text; a 1 MB cell helps nobody). */
export const MAX_VALUE_CHARS = 120;

/**
 * Shortens a raw value for display.
 * @param raw the text found in the file
 * @example clip('x'.repeat(500)).length // 121
 */
export function clip(raw: string): string {
  return raw.length > MAX_VALUE_CHARS ? `${raw.slice(0, MAX_VALUE_CHARS)}…` : raw;
}

/**
 * "file.csv, row 5, column "nilai"" or "file.geojson, features[2].properties.kode".
 * @param issue the issue
 * @example where({ file: 'a.csv', at: { type: 'row', row: 3, column: 'x' }, … }) // 'a.csv, row 3, column "x"'
 */
export function where(issue: Pick<ImportIssue, 'file' | 'at'>): string {
  const at = issue.at;
  switch (at.type) {
    case 'row':
      return `${issue.file}, row ${at.row}${at.column !== undefined ? `, column "${at.column}"` : ''}`;
    case 'path':
      return `${issue.file}, ${at.path}`;
    default:
      return at satisfies never;
  }
}

/**
 * One line for logs and tests: location, message, suggestion.
 * @param issue the issue
 * @example describeIssue(issue) // 'a.csv, row 3, column "provinsi": no province matches "Jawa Barar" (did you mean Jawa Barat?)'
 */
export function describeIssue(issue: ImportIssue): string {
  return `${where(issue)}: ${issue.message}${issue.suggestion ? ` (did you mean ${issue.suggestion}?)` : ''}`;
}

/** Collects issues, keeping at most `cap` per severity (a 50 MB file can have a million bad rows) and counting all. */
export class IssueLog {
  readonly list: ImportIssue[] = [];
  readonly counts: Record<Severity, number> = { error: 0, warning: 0 };
  private readonly kept: Record<Severity, number> = { error: 0, warning: 0 };
  constructor(
    readonly file: string,
    private readonly cap = 500,
  ) {}

  add(issue: Omit<ImportIssue, 'file'>): void {
    this.counts[issue.severity]++;
    // Blocking issues are always kept: they explain why nothing can be applied.
    if (this.kept[issue.severity] >= this.cap && !issue.blocking) return;
    this.kept[issue.severity]++;
    this.list.push({ ...issue, file: this.file });
  }

  row(
    row: number,
    column: string | undefined,
    message: string,
    extra: Partial<Omit<ImportIssue, 'file' | 'at' | 'message'>> = {},
  ): void {
    this.add({
      severity: 'error',
      ...extra,
      at: column === undefined ? { type: 'row', row } : { type: 'row', row, column },
      message,
    });
  }

  path(
    path: string,
    message: string,
    extra: Partial<Omit<ImportIssue, 'file' | 'at' | 'message'>> = {},
  ): void {
    this.add({ severity: 'error', ...extra, at: { type: 'path', path }, message });
  }

  get blocking(): boolean {
    return this.list.some((i) => i.blocking === true);
  }
}
