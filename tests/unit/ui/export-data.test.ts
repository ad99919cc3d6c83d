// "Export data": province statistics as CSV and GeoJSON, sources, and the plan.
import { describe, expect, it } from 'vitest';
import { metricValues, metricYears, METRICS } from '../../../src/domain/metrics';
import {
  csvField,
  exportPlanCsv,
  exportPlanGeoJson,
  planOf,
  provinceStatsCsv,
  provinceStatsGeoJson,
  sourcesCsv,
  statRows,
} from '../../../src/ui/export-data';
import { embeddedDataset } from '../state/embedded-dataset';

const data = embeddedDataset();
const polygons = data.provinces.polygons.length;

/** Minimal RFC 4180 reader for the checks (quoted fields with commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
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
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('province statistics export', () => {
  const pairs = METRICS.filter((m) => m.id !== 'training_coverage').flatMap((m) =>
    metricYears(data.metrics, m.id),
  );

  it('has one row per polygon, metric and year, with flags and sources', () => {
    const rows = parseCsv(provinceStatsCsv(data));
    const [header, ...body] = rows;
    expect(header).toEqual([
      'polygon_id',
      'polygon',
      'iso',
      'provinces',
      'metric',
      'unit',
      'year',
      'value',
      'estimate',
      'aggregated',
      'basis',
      'source_ids',
      'notes',
      'missing_provinces_bps',
    ]);
    expect(body).toHaveLength(polygons * pairs.length);
    expect(new Set(body.map((r) => r.length))).toEqual(new Set([14]));
    // Estimates are labelled; cited figures are not.
    expect(body.filter((r) => r[4] === 'offline_population').every((r) => r[8] === 'true')).toBe(true);
    expect(body.filter((r) => r[4] === 'internet_use_bps').every((r) => r[8] === 'false')).toBe(true);
  });

  it('matches the app’s own values, leaves missing values empty and never invents any', () => {
    const body = parseCsv(provinceStatsCsv(data)).slice(1);
    const year = metricYears(data.metrics, 'internet_use_bps').at(-1)!;
    const expected = metricValues(data.metrics, 'internet_use_bps', year).values;
    const rows = body.filter((r) => r[4] === 'internet_use_bps' && r[6] === String(year));
    expect(rows).toHaveLength(polygons);
    for (const v of expected) {
      const row = rows.find((r) => r[0] === String(v.polygonId))!;
      if (v.value === null) expect(row[7]).toBe('');
      else expect(Number(row[7])).toBeCloseTo(v.value, 3);
      expect(row[11]).toBe(v.sourceIds.join(' '));
      expect(row[9]).toBe(String(v.aggregated));
    }
    // The Papua polygon on the 38-province basis has no weighted percentage: it stays empty.
    expect(body.some((r) => r[7] === '')).toBe(true);
  });

  it('includes training coverage only when the hubs’ coverage is given', () => {
    expect(statRows(data).some((r) => r.metric === 'training_coverage')).toBe(false);
    const coverage = data.provinces.polygons.map((_, i) => (i === 0 ? 0.5 : 0));
    const rows = statRows(data, coverage).filter((r) => r.metric === 'training_coverage');
    expect(rows).toHaveLength(polygons);
    expect(rows[0]!.value).toMatchObject({ value: 50, estimate: true });
  });

  it('writes GeoJSON polygons with flat, GIS-friendly properties', () => {
    const fc = JSON.parse(provinceStatsGeoJson(data)) as GeoJSON.FeatureCollection;
    expect(fc.features).toHaveLength(polygons);
    const year = metricYears(data.metrics, 'internet_use_bps').at(-1)!;
    const f = fc.features[0]!;
    const p = f.properties!;
    expect(f.geometry.type).toMatch(/Polygon/);
    expect(p['id']).toBe(f.id);
    expect(typeof p['label']).toBe('string');
    expect(typeof p['iso']).toBe('string');
    expect(p).toHaveProperty(`internet_use_bps_${year}`);
    expect(p).toHaveProperty(`internet_use_bps_${year}_sources`);
    expect(p[`offline_population_${year}_flags`]).toMatch(/estimate/);
    expect(p['provinces']).toBeInstanceOf(Array);
  });

  it('lists the sources the ids refer to', () => {
    const rows = parseCsv(sourcesCsv(data));
    expect(rows[0]).toEqual([
      'id',
      'title',
      'org',
      'url',
      'year',
      'note',
      'date',
      'read_at',
      'read_at_url',
      'only_source',
    ]);
    const census = rows.find((r) => r[2] === 'BPS' && /Sensus Penduduk 2020/.test(r[1]!))!;
    expect(census[3]).toBe('');
    expect(census[8]).toMatch(/^https:\/\/github\.com\//);
    expect(rows).toHaveLength(data.stats.sources.length + 1);
    const ids = new Set(rows.slice(1).map((r) => r[0]));
    const used = parseCsv(provinceStatsCsv(data))
      .slice(1)
      .flatMap((r) => r[11]!.split(' ').filter(Boolean));
    expect(used.every((id) => ids.has(id))).toBe(true);
  });
});

describe('plan export', () => {
  const plan = {
    stops: [
      { name: 'Ambon', lat: -3.6954, lon: 128.1814, gain: 1200.4, cumulative: 1200.4 },
      { name: 'Bau-Bau, "Buton"', lat: -5.46, lon: 122.6, gain: 800.6, cumulative: 2001 },
    ],
  };

  it('quotes CSV fields that need it', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(null)).toBe('');
    expect(csvField(3)).toBe('3');
  });

  it('writes the stops in visit order as CSV and GeoJSON', () => {
    const rows = parseCsv(exportPlanCsv(plan));
    expect(rows[0]).toEqual(['stop', 'name', 'lat', 'lon', 'newly_reached', 'cumulative', 'robust']);
    expect(rows[2]!.slice(0, 6)).toEqual(['2', 'Bau-Bau, "Buton"', '-5.46', '122.6', '801', '2001']);
    const fc = JSON.parse(exportPlanGeoJson(plan)) as GeoJSON.FeatureCollection<GeoJSON.Point>;
    expect(fc.features.map((f) => f.geometry.coordinates)).toEqual([
      [128.1814, -3.6954],
      [122.6, -5.46],
    ]);
  });

  it('reads a plan from the store only when it has that shape', () => {
    expect(planOf({})).toBeNull();
    expect(planOf({ plan: null })).toBeNull();
    expect(planOf({ plan: { stops: [] } })).toBeNull();
    expect(
      planOf({ plan: { stops: [{ name: 'x', lat: 1, lon: 2, gain: 'many', cumulative: 3 }] } }),
    ).toBeNull();
    expect(planOf({ plan })).toBe(plan);
  });
});
