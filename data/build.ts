/**
 * `npm run data`: npm packages + data/*.csv -> public/data/ (deterministic; the output is committed).
 * Usage: tsx data/build.ts [--out DIR] [--in DIR]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { aggregateToPolygons, censusWeights } from '../src/domain/aggregate';
import type { CampaignStop, ProvincesFile, StatsFile } from '../src/domain/types';
import { loadNaturalEarthIndonesia, loadNeighbours, simplifyAreas, type Area } from './lib/boundaries';
import { DataBuildError, readCsv } from './lib/csv';
import { buildGazetteer } from './lib/gazetteer';
import { haversineKm } from './lib/geo';
import { buildRegistry } from './lib/registry';
import { ProvinceRow } from './lib/schemas';
import { buildStats, readCampaign, SourceBook } from './lib/stats';
import { buildSurface, encodeSurface } from './lib/surface';
import { seaMask } from './lib/mask';
import { labelPoint } from './lib/label';

const here = dirname(fileURLToPath(import.meta.url));
/** Largest "Sea crossing (km)" the app offers; island gaps are stored up to this distance. */
export const MAX_SEA_CROSSING_KM = 100;
/** topojson-simplify weight (square degrees). */
const SIMPLIFY_WEIGHT = 2e-5;
export const MAP_BBOX = [90, -15, 146, 10] as const;

const json = (x: unknown) => `${JSON.stringify(x)}\n`;

export function buildAll(inDir: string): Record<string, string | Uint8Array> {
  const neRaw = loadNaturalEarthIndonesia();
  const provinceRows = readCsv(join(inDir, 'provinces.csv'), ProvinceRow);
  const registry = buildRegistry(provinceRows, [...neRaw.keys()]);
  const { provinces } = registry;
  const simplified = simplifyAreas(neRaw, SIMPLIFY_WEIGHT);
  const areas: Area[] = registry.polygons.map((p) => simplified.get(p.iso)!);
  const polygons = registry.polygons.map((p, i) => ({ ...p, labelAt: labelPoint(areas[i]!) }));

  const book = new SourceBook();
  const codes38 = new Set(provinces.map((p) => p.bps));
  const codes34 = new Set(
    provinces.filter((p) => p.splitYear === null || p.splitYear < 2022).map((p) => p.bps),
  );
  const { observations, national } = buildStats(
    { dir: inDir, knownCodes: { '34': codes34, '38': codes38 } },
    book,
  );
  const changed = new Set(
    provinces.filter((p) => p.splitYear !== null && p.splitYear >= 2022).map((p) => p.splitFrom!),
  );
  const weights = censusWeights(observations, changed);

  const census = aggregateToPolygons(
    observations.filter((o) => o.metric === 'population' && o.year === 2020 && o.basis === '34'),
    polygons,
    weights,
  );
  const totals = census.map((c, i) => {
    if (c.value === null)
      throw new DataBuildError(
        'data/population.csv',
        null,
        'population',
        `no SP2020 total for ${polygons[i]!.label}`,
      );
    return c.value;
  });

  const { places, report: gazReport } = buildGazetteer(areas);
  const surface = buildSurface({ areas, totals, places, maxGapKm: MAX_SEA_CROSSING_KM });
  const { bin, meta } = encodeSurface(surface, MAX_SEA_CROSSING_KM);

  // Campaign stops: the cities named in laju_digital.csv, located with the gazetteer.
  const { facts, cities } = readCampaign(inDir, book);
  const stops: CampaignStop[] = cities.map(({ row, value: r }) => {
    const province = provinces.find((p) => p.bps === r.bps_code);
    if (!province)
      throw new DataBuildError('data/laju_digital.csv', row, 'bps_code', `unknown BPS code ${r.bps_code}`);
    const matches = places.name
      .map((name, i) => ({ name, i }))
      .filter(({ name }) => name.toLowerCase() === r.city_or_scope.toLowerCase())
      .sort((a, b) => (places.pop[b.i] ?? 0) - (places.pop[a.i] ?? 0));
    const hit = matches.find(({ i }) => places.polygon[i] === province.polygonId) ?? matches[0];
    if (!hit)
      throw new DataBuildError(
        'data/laju_digital.csv',
        row,
        'city_or_scope',
        `city "${r.city_or_scope}" not in the gazetteer`,
      );
    const isDate = /^\d{4}-\d{2}-\d{2}$/.test(r.date);
    return {
      id: `stop-${r.city_or_scope.toLowerCase().replace(/[^a-z]+/g, '-')}`,
      city: r.city_or_scope,
      bps: province.bps,
      lat: places.lat[hit.i]!,
      lon: places.lon[hit.i]!,
      date: isDate ? r.date : null,
      status: r.type === 'event' ? 'held' : 'planned',
      sourceId: facts[row - 2]!.sourceId,
      fact: r.fact,
    };
  });
  // Sanity: each stop lies close to its province capital's polygon (catches a wrong gazetteer match).
  for (const s of stops) {
    const p = provinces.find((q) => q.bps === s.bps)!;
    if (haversineKm(s.lat, s.lon, p.capitalLat, p.capitalLon) > 400)
      throw new DataBuildError(
        'data/laju_digital.csv',
        null,
        'city_or_scope',
        `${s.city} matched a place far from ${p.nameId}`,
      );
  }

  const provincesFile: ProvincesFile = { provinces, polygons };
  const statsFile: StatsFile = { sources: book.all(), observations, national, stops, facts };
  const boundaries: FeatureCollection = {
    type: 'FeatureCollection',
    features: polygons.map((p, i) => ({
      type: 'Feature',
      id: p.id,
      properties: { id: p.id, iso: p.iso, label: p.label },
      geometry: areas[i]!,
    })),
  };
  const countries: FeatureCollection = { type: 'FeatureCollection', features: loadNeighbours(MAP_BBOX) };
  const report = {
    note: 'Build report of npm run data (not loaded by the app).',
    provinces: provinces.length,
    polygons: polygons.length,
    observations: observations.length,
    sources: statsFile.sources.length,
    gazetteer: gazReport,
    surface: surface.report,
  };
  return {
    'provinces.json': json(provincesFile),
    'stats.json': json(statsFile),
    'provinces.geojson': json(boundaries),
    'countries.geojson': json(countries),
    'sea-mask.geojson': json(seaMask(areas)),
    'places.json': json(places),
    'cells.json': json(meta),
    'cells.bin': bin,
    'build-report.json': `${JSON.stringify(report, null, 2)}\n`,
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: string) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? resolve(args[i + 1]!) : dflt;
  };
  const out = opt('--out', resolve(here, '../public/data'));
  const inDir = opt('--in', here);
  try {
    const files = buildAll(inDir);
    mkdirSync(out, { recursive: true });
    for (const [name, content] of Object.entries(files)) writeFileSync(join(out, name), content);
    console.log(`wrote ${Object.keys(files).length} files to ${out}`);
    console.log(files['build-report.json']);
  } catch (e) {
    if (e instanceof DataBuildError) {
      console.error(`npm run data: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
