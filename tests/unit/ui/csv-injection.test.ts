// Every CSV the app writes neutralises cells that a spreadsheet would run as a formula (OWASP CSV injection):
// file names, province and hub names, notes, whatever the user's imports put there.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseImport } from '../../../src/domain/import/pipeline';
import { createAppStore } from '../../../src/state/store';
import { csvCell, neutraliseFormula } from '../../../src/ui/csv';
import { exportPlanCsv, provinceStatsCsv, sourcesCsv, toCsv } from '../../../src/ui/export-data';
import { planToCsv } from '../../../src/ui/simulate/plan-export';
import { context, dataset, fixture } from '../domain/import/data';

const HOSTILE = [
  '=1+2',
  '@SUM(1+1)',
  "=cmd|' -C calc'!A0",
  '+1+1',
  '-1+1',
  '\t=1+2',
  '\r=1+2',
  '=HYPERLINK("http://example.invalid","x")',
];

/** RFC 4180 fields of a CSV text (quoted fields with commas, quotes and line breaks). */
function cells(text: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || (ch === '\r' && text[i + 1] === '\n')) {
      out.push(field);
      field = '';
      if (ch === '\r') i++;
    } else field += ch;
  }
  return out;
}

/** No cell of the CSV would start a formula (numbers, even negative ones, are fine). */
function expectNoFormula(csv: string) {
  for (const cell of cells(csv))
    if (/^[=+\-@\t\r]/.test(cell))
      expect(cell, `cell ${JSON.stringify(cell)}`).toMatch(/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i);
}

describe('a statistics file named like a formula, applied, then exported', () => {
  const data = dataset();
  const text = fixture('statistics-id.csv');

  it.each(HOSTILE)(
    'file %j: sources and statistics CSVs hold it as text',
    (name) => {
      const store = createAppStore();
      store.getState().setDataset(data);
      const preview = analyseImport({ name, text }, {}, context(data));
      expect(store.getState().applyImport(preview)).toBeNull();
      const after = store.getState().dataset!;
      const sources = sourcesCsv(after);
      expectNoFormula(sources);
      // The name is still there, readable, behind the apostrophe.
      expect(cells(sources)).toContain(`'${name}`);
      expectNoFormula(provinceStatsCsv(after));
    },
    30_000,
  );
});

describe('plan exports', () => {
  it.each(HOSTILE)('a stop named %j', (name) => {
    const stop = { name, lat: -3.7, lon: 128.2, gain: 10, cumulative: 10, robust: null };
    for (const csv of [exportPlanCsv({ stops: [stop] }), planToCsv({ stops: [stop] })]) {
      expectNoFormula(csv);
      expect(cells(csv)).toContain(`'${name}`);
      // Negative coordinates stay numbers.
      expect(cells(csv)).toContain('-3.7');
    }
  });
});

describe('the cell writer', () => {
  it('neutralises every formula start, keeps numbers and ordinary text', () => {
    expect(neutraliseFormula('=1+2')).toBe("'=1+2");
    expect(neutraliseFormula('-12.5')).toBe('-12.5');
    expect(neutraliseFormula('Bau-Bau')).toBe('Bau-Bau');
    expect(csvCell(-3.7)).toBe('-3.7');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
  });

  it('never lets any text through as a formula, and keeps every character (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string()), { minLength: 1, maxLength: 6 }),
        (row) => {
          const csv = toCsv(
            row.map((_, i) => `c${i}`),
            [row],
          );
          expectNoFormula(csv);
          const read = cells(csv).slice(row.length);
          read.forEach((cell, i) => expect(cell).toBe(neutraliseFormula(row[i]!)));
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000);
});
