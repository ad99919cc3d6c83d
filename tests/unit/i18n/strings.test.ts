/**
 * Issue #9: no user-visible string is hard-coded outside the translation files, and Indonesian has every key.
 * Scans every .tsx file under src/ with the TypeScript parser: JSX text and user-facing attributes
 * (aria-label, title, placeholder, alt, label) must come from t(), not from literals with words in them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en';
import { id } from '../../../src/i18n/id';

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
});
