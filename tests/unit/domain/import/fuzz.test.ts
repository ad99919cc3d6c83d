/**
 * Property-based fuzzing of the import pipeline with malformed CSV and GeoJSON/TopoJSON (12,000
 * generated inputs, seeded). No exception escapes, and every input is either accepted or rejected with
 * messages that name the file and locate the problem (a row and column, or a JSON path or line).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyseImport,
  type ImportOptions,
  type ImportPreview,
} from '../../../../src/domain/import/pipeline';
import { PROBLEMS } from '../../../../src/domain/import/issues';
import { problemText, suggestionText } from '../../../../src/ui/import/issue-text';
import { english, tEn, tId } from '../../i18n/translate';
import { smallContext } from './data';

const ctx = smallContext();
const SEED = 20180913;

/** The contract every preview must meet. */
function check(name: string, p: ImportPreview): void {
  expect(p.internal, `internal failure: ${p.issues.map(english).join('; ')}`).toBeUndefined();
  expect(p.file).toBe(name);
  if (!p.ok) expect(p.issues.some((i) => i.severity === 'error')).toBe(true);
  if (p.ok) expect(p.result).not.toBeNull();
  for (const i of p.issues) {
    expect(i.file).toBe(name);
    const text = english(i);
    if (i.at.type === 'row') {
      // A spreadsheet row (the header is row 1), and the column when the problem is in one cell.
      expect(Number.isInteger(i.at.row) && i.at.row >= 1).toBe(true);
      expect(text.startsWith(`${name}, row ${i.at.row}`)).toBe(true);
    } else if (i.at.type === 'text') {
      // A JSON syntax error: line and column of the text.
      expect(i.at.line >= 1 && i.at.column >= 1).toBe(true);
      expect(text.startsWith(`${name}, line ${i.at.line}, column ${i.at.column}: `)).toBe(true);
    } else {
      // A JSON path (`features[3].geometry`, `arcs`), or '' for the top level.
      expect(i.at.path).toMatch(/^([A-Za-z_$][\w$]*([.[].*)?)?$/);
      expect(text.startsWith(`${name}, ${i.at.path || 'whole file'}: `)).toBe(true);
    }
    // A known code with exactly its parameters (the strings test checks that the words use just those), worded in
    // both languages.
    expect(Object.keys(i.problem.params ?? {}).sort()).toEqual([...PROBLEMS[i.problem.code]].sort());
    for (const [t, lng] of [
      [tEn, 'en'],
      [tId, 'id'],
    ] as const) {
      expect(problemText(t, lng, i.problem)).not.toBe(`import.problem.${i.problem.code}`);
      if (i.suggestion)
        expect(suggestionText(t, lng, i.suggestion)).not.toBe(`import.suggestion.${i.suggestion.code}`);
    }
  }
}

// ---------- CSV ----------

const headers = fc.constantFrom(
  'Provinsi',
  'provinsi',
  'kode',
  'Tahun',
  'year',
  'Internet (%)',
  'Jumlah Penduduk',
  'UMKM',
  'metric',
  'value',
  'Kota',
  'Peserta',
  'lat',
  'lon',
  'Tanggal',
  '2022',
  '2023',
  '',
  '"',
  'x;y',
  '<img src=x onerror=alert(1)>',
);
const cells = fc.oneof(
  fc.constantFrom(
    'Aceh',
    'DI. ACEH',
    'Jakarta Raya',
    'NUSATENGGARA BARAT',
    'Papua',
    'Papua Selatan',
    'Jawa Barar',
    '91',
    '92',
    '94',
    '97',
    '23',
    'ID-JB',
    'Makassar',
    'Atlantis',
  ),
  fc.constantFrom(
    '12,5',
    '1.234.567',
    '1,234,567',
    '1.234',
    '-5',
    '101',
    '12.5.6',
    '1e5',
    '',
    '-',
    '2024',
    '1899',
    '13/09/2018',
    '31/04/2019',
    '-6,2',
    '106.8',
    'NaN',
    'Infinity',
  ),
  fc.constantFrom(
    '"',
    '""',
    '"a;b"',
    '"unterminated',
    '\u0000',
    '\uFEFF',
    '<script>alert(1)</script>',
    'x'.repeat(300),
  ),
  fc.string({ maxLength: 12 }),
);
const delimiter = fc.constantFrom(',', ';', '\t', '|');
const newline = fc.constantFrom('\n', '\r\n', '\r');

const structuredCsv = fc
  .record({
    bom: fc.boolean(),
    d: delimiter,
    nl: newline,
    header: fc.array(headers, { minLength: 0, maxLength: 6 }),
    rows: fc.array(fc.array(cells, { minLength: 0, maxLength: 7 }), { maxLength: 12 }),
    otherD: fc.option(delimiter, { nil: undefined }),
  })
  .map(
    ({ bom, d, nl, header, rows, otherD }) =>
      (bom ? '\uFEFF' : '') +
      [header.join(d), ...rows.map((r, i) => r.join(i % 3 === 2 && otherD ? otherD : d))].join(nl),
  );

/** Insert, delete or replace characters at random positions. */
const mutate = (base: fc.Arbitrary<string>) =>
  fc
    .tuple(base, fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ maxLength: 3 })), { maxLength: 4 }))
    .map(([text, edits]) => {
      let s = text;
      for (const [pos, del, ins] of edits) {
        const at = s.length === 0 ? 0 : pos % (s.length + 1);
        s = s.slice(0, at) + ins + s.slice(at + del);
      }
      return s;
    });

const csvOptions: fc.Arbitrary<ImportOptions> = fc.record(
  {
    kind: fc.constantFrom('statistics', 'training', 'boundaries'),
    statistics: fc.record(
      {
        provinceColumn: fc.option(fc.oneof(headers, fc.string({ maxLength: 4 })), { nil: null }),
        codeSystem: fc.constantFrom('bps', 'kemendagri', null),
        basis: fc.constantFrom('34', '38'),
        yearColumn: fc.option(headers, { nil: null }),
        year: fc.option(fc.integer({ min: -10, max: 3000 }), { nil: null }),
        metricColumn: fc.option(headers, { nil: null }),
        valueColumn: fc.option(headers, { nil: null }),
        metrics: fc.dictionary(
          headers,
          fc.constantFrom('population', 'internet_use_bps', 'msme_total', null),
        ),
      },
      { requiredKeys: [] },
    ),
    training: fc.record(
      {
        cityColumn: fc.option(headers, { nil: null }),
        participantsColumn: fc.option(headers, { nil: null }),
        latColumn: fc.option(headers, { nil: null }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

// ---------- GeoJSON / TopoJSON ----------

const square = (x: number, y: number, s: number) => [
  [
    [x, y],
    [x + s, y],
    [x + s, y + s],
    [x, y + s],
    [x, y],
  ],
];
const property = fc.oneof(
  fc.constantFrom<unknown>(
    11,
    31,
    91,
    92,
    94,
    97,
    '64',
    'PAPUA',
    'DI. ACEH',
    'Jawa Barar',
    null,
    true,
    [],
    {},
    '<img src=x onerror=alert(1)>',
  ),
  fc.jsonValue({ maxDepth: 1 }),
);
/** Degrees with three decimals (integers are much cheaper to generate than doubles). */
const degrees = (min: number, max: number) =>
  fc.integer({ min: min * 1000, max: max * 1000 }).map((x) => x / 1000);
const coordinate = fc.oneof(
  { weight: 8, arbitrary: degrees(94, 142) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>('1', null, 1e7, -200, true) },
);
const ring = fc.oneof(
  fc.tuple(degrees(95, 140), degrees(-10, 5), degrees(0, 5)).map(([x, y, s]) => square(x, y, s)[0]),
  fc.array(fc.tuple(coordinate, coordinate), { maxLength: 6 }),
);
const geometry = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(ring, { minLength: 0, maxLength: 3 })
      .map((coordinates) => ({ type: 'Polygon', coordinates })),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.array(ring, { maxLength: 2 }), { maxLength: 3 })
      .map((coordinates) => ({ type: 'MultiPolygon', coordinates })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      null,
      { type: 'Point', coordinates: [100, 0] },
      { type: 'GeometryCollection', geometries: [] },
      { type: 'Polygon' },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);
const feature = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('Feature'),
      properties: fc.oneof(
        fc.dictionary(fc.constantFrom('kode', 'Propinsi', 'name', 'ID'), property),
        fc.constant(null),
      ),
      geometry,
    }),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);
const featureCollection = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('FeatureCollection'),
      features: fc.array(feature, { maxLength: 8 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constantFrom('FeatureCollection', 'Feature', 'Topology', 'Polygon', 42),
      features: fc.jsonValue({ maxDepth: 2 }),
    }),
  },
);
const topoArc = fc.array(fc.tuple(degrees(94, 142), degrees(-11, 6)), { minLength: 0, maxLength: 5 });
const topology = fc.record({
  type: fc.constant('Topology'),
  arcs: fc.array(topoArc, { maxLength: 5 }),
  objects: fc.dictionary(
    fc.constantFrom('prov', 'a b', 'x'),
    fc.record({
      type: fc.constantFrom('GeometryCollection', 'Polygon', 'Point'),
      geometries: fc.array(
        fc.record({
          type: fc.constantFrom('Polygon', 'MultiPolygon', 'LineString', 'Nope'),
          arcs: fc.oneof(
            fc.array(fc.array(fc.integer({ min: -8, max: 8 }), { maxLength: 3 }), { maxLength: 2 }),
            fc.array(
              fc.array(fc.array(fc.integer({ min: -8, max: 8 }), { maxLength: 2 }), { maxLength: 2 }),
              { maxLength: 2 },
            ),
            fc.jsonValue({ maxDepth: 1 }),
          ),
          properties: fc.dictionary(fc.constantFrom('kode', 'nama'), property),
        }),
        { maxLength: 5 },
      ),
    }),
  ),
  transform: fc.option(
    fc.record({
      scale: fc.tuple(degrees(0.001, 1), degrees(0.001, 1)),
      translate: fc.tuple(fc.constant(95), fc.constant(-11)),
    }),
    { nil: undefined },
  ),
});
/** Serialise, then sometimes break the syntax. */
const jsonText = (value: fc.Arbitrary<unknown>) =>
  fc.tuple(value, fc.nat(), fc.constantFrom('none', 'truncate', 'inject', 'bom')).map(([v, n, how]) => {
    const s = JSON.stringify(v) ?? 'undefined';
    if (how === 'truncate') return s.slice(0, n % (s.length + 1));
    if (how === 'inject') {
      const at = n % (s.length + 1);
      return `${s.slice(0, at)}${'}],:"x'[n % 6]}${s.slice(at)}`;
    }
    return how === 'bom' ? `\uFEFF${s}` : s;
  });

const geoOptions: fc.Arbitrary<ImportOptions> = fc.record(
  {
    boundaries: fc.record(
      {
        property: fc.option(fc.constantFrom('kode', 'Propinsi', 'name', 'nope'), { nil: null }),
        codeSystem: fc.constantFrom('bps', 'kemendagri', null),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

describe('fuzzing the import pipeline', () => {
  it('never throws on 6,000 malformed CSV files, and every problem is located', () => {
    fc.assert(
      fc.property(
        fc.oneof(structuredCsv, mutate(structuredCsv), fc.string({ maxLength: 200 })),
        csvOptions,
        fc.boolean(),
        (text, options, useOptions) => {
          check('data.csv', analyseImport({ name: 'data.csv', text }, useOptions ? options : {}, ctx));
        },
      ),
      { seed: SEED, numRuns: 6000 },
    );
  }, 60_000);

  it('never throws on 6,000 malformed GeoJSON and TopoJSON files, and every problem is located', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          jsonText(featureCollection),
          jsonText(topology),
          jsonText(fc.jsonValue({ maxDepth: 3 })),
          fc.string({ maxLength: 80 }),
        ),
        geoOptions,
        (text, options) => {
          check('b.geojson', analyseImport({ name: 'b.geojson', text }, options, ctx));
        },
      ),
      { seed: SEED, numRuns: 6000 },
    );
  }, 60_000);
});
