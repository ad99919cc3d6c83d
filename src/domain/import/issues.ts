/**
 * Problems found while importing a user's file. Every issue names the file and where in it the
 * problem is: a row and column of a CSV (rows numbered as a spreadsheet shows them, the header is row 1), a
 * JSON path of a GeoJSON/TopoJSON file (`features[3].geometry.coordinates[0][5]`), or a line and column of
 * text that is not JSON. What is wrong is a code with parameters: src/ui/import/issue-text.ts words
 * it in the reader's language.
 */

/** `error`: the row (or file) is not imported; `warning`: imported, but worth a look. */
export type Severity = 'error' | 'warning';

/**
 * Where a problem is: a CSV row (and column), a JSON path (`''` is the top level), or a line and column of the
 * text (JSON syntax errors).
 */
export type Location =
  | { readonly type: 'row'; readonly row: number; readonly column?: string }
  | { readonly type: 'path'; readonly path: string }
  | { readonly type: 'text'; readonly line: number; readonly column: number };

/**
 * Every problem the import reports, with the names of the values its words need. The domain stays
 * free of any language: the UI words a problem as `import.problem.<code>` with these parameters. Numbers are
 * formatted for the reader's language by the UI, so years, codes and values echoed from the file are passed as
 * text; a `metric` parameter is a metric id, shown by its name.
 */
export const PROBLEMS = {
  // The file as a whole
  binaryFile: [],
  emptyFile: [],
  unreadableFile: ['detail'],
  // CSV
  unclosedQuote: [],
  malformedQuotes: ['detail'],
  noHeader: [],
  tooManyColumns: ['max'],
  oneColumn: ['header'],
  extraFields: ['fields', 'columns'],
  noDataRows: [],
  // Provinces
  emptyProvince: [],
  unknownProvince: [],
  noCode: ['code'],
  noBpsCode: ['code'],
  noKemendagriCode: ['code'],
  ambiguousCode: ['code', 'bps', 'kemendagri'],
  createdLater: ['province', 'year'],
  // Numbers and dates
  notNumber: [],
  manyDecimalMarks: ['mark'],
  misplacedThousands: ['mark'],
  separatorAfterDecimal: [],
  notFinite: [],
  notDate: [],
  notInCalendar: ['date'],
  readAsMonthFirst: [],
  // Statistics
  noProvinceColumn: [],
  noValueColumn: [],
  noMetricChosen: [],
  unknownYear: [],
  badFixedYear: ['year'],
  notYear: [],
  unknownMetric: ['metrics'],
  percentOutOfRange: [],
  negativeCount: [],
  duplicateValue: ['province', 'metric', 'year', 'row', 'value'],
  noRowImported: [],
  // Training records
  noPlaceColumn: [],
  noParticipantsColumn: [],
  numberMissing: [],
  notWholeNumber: [],
  latLonNotNumbers: [],
  notInIndonesia: ['lat', 'lon'],
  emptyCity: [],
  placeNotFound: [],
  manyPlaces: ['places', 'population'],
  manyPlacesInProvince: ['places', 'province', 'population'],
  noCoordinates: [],
  tooManyPlaces: ['max'],
  // Boundary files: JSON and GeoJSON
  jsonRefused: ['detail'],
  jsonUnexpected: ['found'],
  jsonEndsEarly: [],
  notGeoJson: [],
  notGeoJsonFound: ['type'],
  notFeatureCollection: ['detail'],
  notFeature: ['detail'],
  noGeometry: [],
  notArea: ['type'],
  notAreaType: [],
  invalidGeometry: ['detail'],
  coordinateNotNumber: [],
  positionTooShort: [],
  ringTooShort: [],
  polygonNoRing: [],
  multiPolygonEmpty: [],
  badCoordinate: ['x', 'y'],
  projectedCoordinate: ['x', 'y'],
  ringNotClosed: [],
  // TopoJSON
  notTopology: ['detail'],
  arcPositionTooShort: [],
  noPolygons: [],
  invalidTopoGeometry: ['detail'],
  missingArc: ['arc', 'arcs'],
  emptyRing: [],
  topoConversion: ['detail'],
  // Matching features to provinces
  noMatchProperty: [],
  missingProperty: ['property'],
  conflictingProperty: ['value', 'province', 'property', 'other', 'otherProvince'],
  duplicateFeature: ['province'],
  noFeatureMatches: [],
  missingProvinces: ['provinces'],
  missingProvincesMore: ['provinces', 'more'],
  fewPeopleInside: ['percent'],
  peopleOutside: ['percent', 'people'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

/** Likely fixes, worded by the UI as `import.suggestion.<code>`. */
export const SUGGESTIONS = {
  /** The closest province or place name. */
  name: ['name'],
  /** The province this code stands for in the other code system. */
  bpsCode: ['name', 'code'],
  kemendagriCode: ['name', 'code'],
  swapLatLon: [],
} as const satisfies Readonly<Record<string, readonly string[]>>;

type Catalogue = Readonly<Record<string, readonly string[]>>;
/** A parameter value: text from the file or the data, or a number the UI formats for the reader. */
export type ParamValue = string | number;
/** `{ code, params }` for each code of a catalogue, with exactly the parameters it names. */
export type MessageOf<T extends Catalogue> = {
  [C in keyof T & string]: T[C] extends readonly []
    ? { readonly code: C; readonly params?: undefined }
    : { readonly code: C; readonly params: { readonly [P in T[C][number]]: ParamValue } };
}[keyof T & string];

export type ProblemCode = keyof typeof PROBLEMS;
export type Problem = MessageOf<typeof PROBLEMS>;
export type SuggestionCode = keyof typeof SUGGESTIONS;
export type Suggestion = MessageOf<typeof SUGGESTIONS>;

export interface ImportIssue {
  readonly file: string;
  readonly at: Location;
  readonly severity: Severity;
  /** What is wrong, as a code with parameters (no location; the UI words it). */
  readonly problem: Problem;
  /** The raw text found there, if any (shown as text only). */
  readonly value?: string;
  /** A likely fix, e.g. the closest province name. */
  readonly suggestion?: Suggestion;
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
 * A suggestion of a name, or none.
 * @example suggestName('Jawa Barat') // { suggestion: { code: 'name', params: { name: 'Jawa Barat' } } }
 */
export const suggestName = (name: string | null | undefined): { suggestion?: Suggestion } =>
  name ? { suggestion: { code: 'name', params: { name } } } : {};

type Extra = Partial<Omit<ImportIssue, 'file' | 'at' | 'problem'>>;

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

  /** A problem in a CSV row (and column); an error unless `extra` says otherwise. */
  row(row: number, column: string | undefined, problem: Problem, extra: Extra = {}): void {
    this.add({
      severity: 'error',
      ...extra,
      at: column === undefined ? { type: 'row', row } : { type: 'row', row, column },
      problem,
    });
  }

  /** A problem at a JSON path (`''`: the top level). */
  path(path: string, problem: Problem, extra: Extra = {}): void {
    this.add({ severity: 'error', ...extra, at: { type: 'path', path }, problem });
  }

  /** A problem at a line and column of the text (JSON syntax). */
  text(line: number, column: number, problem: Problem, extra: Extra = {}): void {
    this.add({ severity: 'error', ...extra, at: { type: 'text', line, column }, problem });
  }

  get blocking(): boolean {
    return this.list.some((i) => i.blocking === true);
  }
}
