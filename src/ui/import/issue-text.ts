/**
 * Words for the import's problems: the domain reports a code with parameters and a location; this
 * module turns them into the reader's language (`import.problem.<code>`, `import.suggestion.<code>`), with
 * numbers formatted for the locale (id-ID writes 1.234.567 and 12,5) and metric ids shown by their names.
 */
import type { TFunction } from 'i18next';
import type { ImportIssue, Location, ParamValue, Problem, Suggestion } from '../../domain/import/issues';
import { formatPlain } from '../../i18n/format';

/** The translation function: i18next's `t`, or any function with its call shape (tests). */
export type Translate = TFunction | ((key: string, options?: Record<string, unknown>) => string);

const call = (t: Translate, key: string, options?: Record<string, unknown>): string =>
  (t as (key: string, options?: Record<string, unknown>) => string)(key, options);

/** Parameters as the words need them: numbers in the locale's format, metric ids as metric names. */
function wordParams(
  t: Translate,
  locale: string,
  params: Readonly<Record<string, ParamValue>> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (typeof v === 'number') out[k] = formatPlain(locale, v);
    else if (k === 'metric') out[k] = call(t, `import.metrics.${v}`, { defaultValue: v });
    else out[k] = v;
  }
  return out;
}

/**
 * What is wrong, in the reader's language.
 * @example problemText(t, 'id', { code: 'notInIndonesia', params: { lat: 48.85, lon: 2.35 } }) // '48,85, 2,35 tidak berada di Indonesia'
 */
export function problemText(t: Translate, locale: string, problem: Problem): string {
  return call(t, `import.problem.${problem.code}`, wordParams(t, locale, problem.params));
}

/** A likely fix, in the reader's language. */
export function suggestionText(t: Translate, locale: string, suggestion: Suggestion): string {
  return call(t, `import.suggestion.${suggestion.code}`, wordParams(t, locale, suggestion.params));
}

/**
 * Where in the file: "row 5", a JSON path, "line 3, column 16", or "whole file" (the column of a row is shown
 * on its own).
 */
export function whereText(t: Translate, at: Location): string {
  switch (at.type) {
    case 'row':
      return call(t, 'import.row', { row: at.row });
    case 'path':
      return at.path === '' ? call(t, 'import.topLevel') : at.path;
    case 'text':
      return call(t, 'import.line', { line: at.line, column: at.column });
    default:
      return at satisfies never;
  }
}

/**
 * One line naming the file, the place, the problem and the suggestion, for logs and tests.
 * @example describeIssue(t, 'en', issue) // 'a.csv, row 3, column "provinsi": no province has this name (did you mean Jawa Barat?)'
 */
export function describeIssue(t: Translate, locale: string, issue: ImportIssue): string {
  const at = issue.at;
  const column =
    at.type === 'row' && at.column !== undefined
      ? `, ${call(t, 'import.columnNamed', { column: at.column })}`
      : '';
  const suggestion = issue.suggestion
    ? ` (${call(t, 'import.didYouMean', { suggestion: suggestionText(t, locale, issue.suggestion) })})`
    : '';
  return `${issue.file}, ${whereText(t, at)}${column}: ${problemText(t, locale, issue.problem)}${suggestion}`;
}
