// Import files written to break the checks: boundaries that cover the map's cells but not its people, and
// properties, headers and words that name the methods every object inherits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../../src/domain/import/dates';
import { analyseImport, type ImportPreview } from '../../../../src/domain/import/pipeline';
import { english } from '../../i18n/translate';
import { context, dataset, fixture, root, smallContext } from './data';

const PROTO_WORDS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', '__defineGetter__'];

/** No internal failure, and the preview crosses a worker boundary unchanged. */
function expectSound(p: ImportPreview) {
  expect(p.internal, `internal failure: ${p.issues.map(english).join('; ')}`).toBeUndefined();
  expect(() => structuredClone(p)).not.toThrow();
}

describe('boundary coverage is measured in people, whatever the coordinates', () => {
  it('the western provinces moved across the date line are rejected; the embedded ones pass', () => {
    const data = dataset();
    const text = readFileSync(join(root, 'public/data/provinces.geojson'), 'utf8');
    const shifted = JSON.parse(text) as {
      features: { geometry: { type: string; coordinates: unknown } }[];
    };
    const wrap = (x: number) => (x + 80 > 180 ? x + 80 - 360 : x + 80);
    for (const f of shifted.features) {
      const g = f.geometry;
      const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
      // Sumatra, Java, Bali, western Kalimantan: most people, a minority of the cells.
      if (polys[0]![0]![0]![0]! > 116) continue;
      for (const p of polys) for (const r of p) for (const q of r) q[0] = wrap(q[0]!);
    }
    const bad = analyseImport(
      { name: 'shifted.geojson', text: JSON.stringify(shifted) },
      { kind: 'boundaries' },
      context(data),
    );
    expectSound(bad);
    expect(bad.ok).toBe(false);
    const blocking = bad.issues.filter((i) => i.blocking);
    expect(blocking.map((i) => i.problem.code)).toEqual(['fewPeopleInside']);
    expect(english(blocking[0]!)).toMatch(/only 2\d% of the population lives inside these polygons/);

    const good = analyseImport({ name: 'provinces.geojson', text }, { kind: 'boundaries' }, context(data));
    expect(good.ok).toBe(true);
    expect(good.issues.map((i) => i.problem.code)).not.toContain('peopleOutside');
  }, 120_000);
});

describe('names of inherited methods are data', () => {
  const ctx = smallContext();

  it('GeoJSON features with (and without) constructor, toString and __proto__ properties', () => {
    const file = JSON.parse(fixture('boundaries-two.geojson')) as {
      features: { properties: Record<string, unknown> }[];
    };
    // Only the first feature has them: reading them from the others must find nothing, not a method.
    for (const w of PROTO_WORDS)
      Object.defineProperty(file.features[0]!.properties, w, { value: `x-${w}`, enumerable: true });
    const text = JSON.stringify(file);
    expect(text).toContain('"__proto__":"x-__proto__"');
    for (const property of [undefined, ...PROTO_WORDS]) {
      const p = analyseImport(
        { name: 'proto.geojson', text },
        { kind: 'boundaries', boundaries: property === undefined ? {} : { property } },
        ctx,
      );
      expectSound(p);
      const r = p.result;
      expect(r?.kind).toBe('boundaries');
      if (r?.kind !== 'boundaries') continue;
      for (const w of PROTO_WORDS) expect(r.propertyKeys).toContain(w);
      if (property !== undefined) {
        // The features without it are reported as missing the property, not matched through a method.
        const missing = p.issues.filter((i) => i.problem.code === 'missingProperty');
        expect(missing.length).toBe(file.features.length - 1);
      }
    }
  });

  it('CSV headers named like methods', () => {
    const header = ['Provinsi', 'Tahun', ...PROTO_WORDS].join(';');
    const text = `${header}\nAceh;2024;1;2;3;4;5;6\nBali;2024;1;2;3;4;5;6\n`;
    for (const kind of ['statistics', 'training'] as const) {
      const p = analyseImport({ name: 'proto.csv', text }, { kind }, ctx);
      expectSound(p);
    }
    const chosen = analyseImport(
      { name: 'proto.csv', text },
      { kind: 'statistics', statistics: { metrics: { toString: 'internet_use_bps' as const } } },
      ctx,
    );
    expectSound(chosen);
    const r = chosen.result;
    expect(r?.kind === 'statistics' ? r.options.metrics : null).toMatchObject({
      toString: 'internet_use_bps',
      constructor: null,
    });
  });

  it('month names that are methods are not months', () => {
    for (const w of PROTO_WORDS) {
      expect(parseDate(`12 ${w} 2019`)).toEqual({ type: 'invalid', reason: { code: 'notDate' } });
      expect(parseDate(`${w} 12 2019`)).toEqual({ type: 'invalid', reason: { code: 'notDate' } });
    }
  });
});
