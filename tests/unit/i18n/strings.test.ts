/**
 * No user-visible string is hard-coded outside the translation files, and Indonesian has every key.
 * Scans every .tsx file under src/ with the TypeScript parser: JSX text and user-facing attributes
 * (aria-label, title, placeholder, alt, label) must come from t(), not from literals with words in them.
 * Plain .ts modules hand messages to the UI as codes with parameters: the fields that carry them (`message`,
 * `detail`, `reason`, …) and the import's `log.row` / `log.path` and the link codec's `fail` / `drop` must not
 * be given English words either, nor may the errors the UI words from codes (`DataLoadError`, `ExportError`), nor
 * any error of the modules whose errors all reach the user (data loading, image export).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DATA_LOAD_REASONS } from '../../../src/data/dataset';
import { PROBLEMS, SUGGESTIONS } from '../../../src/domain/import/issues';
import { en } from '../../../src/i18n/en';
import { id } from '../../../src/i18n/id';
import { EXPORT_FAILURES } from '../../../src/map/export';

const root = join(import.meta.dirname, '../../..');
const USER_FACING_ATTRS = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description']);
/** Text that is not language: symbols, units and numbers. */
const LANGUAGE_FREE =
  /^[\s\d.,:;%×·—–\-+/()[\]{}|*#=<>!?'"…▾▸▴▼▲←→↑↓°²]*(km|px|BPS|APJII|H3|SP2020|SE2016|CSV|GeoJSON|PNG|JSON|1×|2×|Jangkau|MapLibre)?[\s\d.,:;%×·—–\-+/()*]*$/;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    return d.isDirectory() ? tsxFiles(p) : p.endsWith('.tsx') ? [p] : [];
  });
}

export function hardCodedStrings(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, s: string) => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${relative(root, file)}:${line + 1}: "${s.trim()}"`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && !LANGUAGE_FREE.test(node.text) && /\p{L}{2,}/u.test(node.text))
      report(node, node.text);
    if (ts.isJsxAttribute(node) && USER_FACING_ATTRS.has(node.name.getText()) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init) && /\p{L}{2,}/u.test(init.text) && !LANGUAGE_FREE.test(init.text))
        report(node, init.text);
    }
    // Literal text inside {…} in JSX: {'Close'}, {`Hub ${name}`} (as a child or as a user-facing attribute).
    if (ts.isJsxExpression(node) && node.expression) {
      const parent = node.parent;
      const userFacing =
        ts.isJsxElement(parent) ||
        ts.isJsxFragment(parent) ||
        (ts.isJsxAttribute(parent) && USER_FACING_ATTRS.has(parent.name.getText()));
      const e = node.expression;
      const literal =
        ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)
          ? e.text
          : ts.isTemplateExpression(e)
            ? [e.head.text, ...e.templateSpans.map((t) => t.literal.text)].join(' ')
            : null;
      if (userFacing && literal !== null && /\p{L}{2,}/u.test(literal) && !LANGUAGE_FREE.test(literal))
        report(node, literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return p === join(root, 'src/i18n') ? [] : tsFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

/** Fields of plain-TS results that the UI shows to the user. */
const MESSAGE_FIELDS = new Set([
  'message',
  'detail',
  'reason',
  'part',
  'note',
  'suggestion',
  'problem',
  'problems',
]);
/** Calls whose arguments become user-facing messages: the import's issue log and the link codec. */
const MESSAGE_CALLS = new Set(['row', 'path', 'add', 'fail', 'drop']);
/** Errors the UI words from their code (a failed data file, a failed image export): built with codes only. */
const CODED_ERRORS = new Set(['DataLoadError', 'ExportError']);
/** Modules whose every error reaches the user (data loading, image export): no error of theirs is English. */
const CODED_ERROR_MODULES = new Set(['src/data/dataset.ts', 'src/map/export.ts']);
/** Comma-separated tokens: a format ('YYYY-MM-DD', 'name~lat~lon~status[~date]') or a list ('h, p, a'). */
const CODE_LIST = /^[\w~[\]\-–.]+(, [\w~[\]\-–.]+)*$/u;
/** A line (or the line before it) that says why its English is not for the UI. */
const EXEMPT = /i18n-exempt: \S/;

/** A literal's text; a template's `${…}` join the word they touch (`${path}.type` is a path, not words). */
function literalText(e: ts.Node): string | null {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isTemplateExpression(e))
    return [e.head.text, ...e.templateSpans.map((t) => t.literal.text)].join('');
  return null;
}

/** English sentences handed to the UI from a .ts module, as `file:line: "text"`. */
export function englishMessages(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const lines = text.split('\n');
  const check = (node: ts.Node) => {
    // A literal, or one inside a conditional or a list (`cond ? 'a b' : 'c d'`, `['a b']`).
    const candidates: ts.Node[] = [node];
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i]!;
      if (ts.isConditionalExpression(c)) candidates.push(c.whenTrue, c.whenFalse);
      else if (ts.isArrayLiteralExpression(c)) candidates.push(...c.elements);
      else if (ts.isParenthesizedExpression(c)) candidates.push(c.expression);
      else if (ts.isBinaryExpression(c) && c.operatorToken.kind === ts.SyntaxKind.PlusToken)
        candidates.push(c.left, c.right);
      const s = literalText(c);
      if (s === null || !/\p{L}{2,}/u.test(s) || CODE_LIST.test(s) || LANGUAGE_FREE.test(s)) continue;
      const { line } = sf.getLineAndCharacterOfPosition(c.getStart());
      if (EXEMPT.test(lines[line] ?? '') || EXEMPT.test(lines[line - 1] ?? '')) continue;
      found.push(`${relative(root, file)}:${line + 1}: "${s}"`);
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && MESSAGE_FIELDS.has(node.name.getText())) check(node.initializer);
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isIdentifier(callee)
          ? callee.text
          : '';
      const onLog = ts.isPropertyAccessExpression(callee) && /log$/i.test(callee.expression.getText());
      if (MESSAGE_CALLS.has(name) && (onLog || ts.isIdentifier(callee))) node.arguments.forEach(check);
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
      const name = node.expression.text;
      const codedModule = CODED_ERROR_MODULES.has(relative(root, file));
      if (CODED_ERRORS.has(name) || (codedModule && /Error$/.test(name))) node.arguments?.forEach(check);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

type Tree = { readonly [k: string]: string | Tree };
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

describe('translations', () => {
  it('finds a hard-coded string when there is one (the scanner works)', () => {
    expect(
      hardCodedStrings('x.tsx', 'export const A = () => <p title="Close me">Hello world</p>;'),
    ).toHaveLength(2);
    expect(
      hardCodedStrings('x.tsx', "export const A = () => <p title={t('a')}>{t('b')} · 50 km</p>;"),
    ).toEqual([]);
  });

  it('no user-visible string is hard-coded in src/**/*.tsx', () => {
    const found = tsxFiles(join(root, 'src')).flatMap((f) => hardCodedStrings(f, readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('finds English handed to the UI from a .ts module (the scanner works)', () => {
    const code = [
      "log.row(3, 'x', 'no province has this name');",
      "log.path('a', { code: 'unknownProvince' });",
      "const r = { reason: ok ? 'not a number' : 'notNumber', detail: '0, 1', part: `hub ${i}, latitude` };",
      "return fail('badFormat', 'YYYY-MM-DD', 'name~lat~lon~status[~date]');",
      "throw new RangeError('k must be an integer');",
      '// i18n-exempt: an English data file',
      'const source = { note: `imported from ${file}` };',
      "throw new DataLoadError(name, 'is not valid JSON');",
      "throw new DataLoadError(name, 'badJson', String(res.status));",
    ].join('\n');
    expect(englishMessages('x.ts', code).map((f) => f.replace(/^.*?: /, ''))).toEqual([
      '"no province has this name"',
      '"not a number"',
      '"hub , latitude"',
      '"is not valid JSON"',
    ]);
    // In a module whose errors all reach the user, a plain Error with English is flagged too.
    const exportCode = "reject(new Error('PNG encoding failed')); throw new ExportError('encode');";
    expect(englishMessages(join(root, 'src/map/export.ts'), exportCode)).toHaveLength(1);
    expect(englishMessages('x.ts', exportCode)).toEqual([]);
  });

  it('no English sentence is handed to the UI from src/**/*.ts', () => {
    const found = tsFiles(join(root, 'src')).flatMap((f) => englishMessages(f, readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('Bahasa Indonesia has every English key, and no extra ones', () => {
    const enKeys = keys(en).sort();
    const idKeys = keys(id).sort();
    expect(enKeys.filter((k) => !idKeys.includes(k))).toEqual([]);
    expect(idKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it('keeps the same interpolation placeholders in both languages', () => {
    const get = (tree: Tree, key: string) =>
      key
        .split('.')
        .reduce<Tree | string | undefined>((t, k) => (typeof t === 'object' ? t[k] : undefined), tree);
    for (const key of keys(en)) {
      const e = get(en, key);
      if (typeof e !== 'string') continue;
      const i = get(id, key);
      if (typeof i !== 'string') continue;
      const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(vars(i), key).toEqual(vars(e));
    }
  });

  it('words every code a plain-TS module reports, with exactly the parameters it gives', () => {
    const vars = (s: string) => [...new Set([...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();
    const catalogues: [string, Readonly<Record<string, readonly string[]>>][] = [
      ['import.problem', PROBLEMS],
      ['import.suggestion', SUGGESTIONS],
      ['app.loadFailure', DATA_LOAD_REASONS],
      ['briefing.imageFailure', EXPORT_FAILURES],
    ];
    for (const [prefix, catalogue] of catalogues) {
      const [section, group] = prefix.split('.') as [keyof typeof en, string];
      for (const [lang, tree] of [
        ['en', en],
        ['id', id],
      ] as const) {
        const words = (tree[section] as Tree | undefined)?.[group] as Readonly<Record<string, string>>;
        expect(Object.keys(words).sort(), `${lang} ${prefix}`).toEqual(Object.keys(catalogue).sort());
        for (const [code, params] of Object.entries(catalogue))
          expect(vars(words[code] ?? ''), `${lang} ${prefix}.${code}`).toEqual([...params].sort());
      }
    }
  });
});
