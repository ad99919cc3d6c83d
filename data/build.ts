/**
 * `npm run data`: npm packages + data/*.csv -> public/data/ (deterministic; the output is committed).
 * Usage: tsx data/build.ts [--out DIR] [--in DIR]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import type {
  CampaignStop,
  PolygonRecord,
  ProvincesFile,
  RegenciesFile,
  RegencyRecord,
  SourceRecord,
  StatsFile,
} from '../src/domain/types';
import {
  readAdminGeojson,
  readAreas,
  readDukcapil,
  readOutermostIslands,
  readRegistry,
  readSp2020,
  readTertinggal,
  regencyPopulation,
} from './lib/admin';
import { loadNeighbours, simplifyAreas, type Area } from './lib/boundaries';
import { DataBuildError, readCsv } from './lib/csv';
import { buildGazetteer, regencyShortName } from './lib/gazetteer';
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
/** topojson-simplify weights (square degrees) of the province map (first map) and the regency layer. */
const PROVINCE_SIMPLIFY_WEIGHT = 4e-4;
const REGENCY_SIMPLIFY_WEIGHT = 5e-4;
/**
 * Islets below this area (square degrees, about 0.25 km²) are left out of the web maps; the population surface
 * still uses the full boundaries, so their people stay counted.
 */
const MIN_ISLET_AREA = 2e-5;
export const MAP_BBOX = [90, -15, 146, 10] as const;

const json = (x: unknown) => `${JSON.stringify(x)}\n`;

/**
 * A Wikipedia article read on a mirror is cited as the article on Wikipedia (data/SOURCES.md); any other page as
 * itself.
 * @example citeUrl('https://wikimili.com/en/Pesisir_Barat_Regency', 'WP-EN-ARTICLE') // https://en.wikipedia.org/wiki/Pesisir_Barat_Regency
 */
export function citeUrl(url: string, sourceId: string | null): string {
  if (!sourceId?.startsWith('WP-')) return url;
  const lang = sourceId.startsWith('WP-ID') ? 'id' : sourceId.startsWith('WP-DE') ? 'de' : 'en';
  const u = new URL(url);
  const title =
    u.searchParams.get('title') ??
    u.searchParams.get('q') ??
    decodeURIComponent(u.pathname.split('/').pop() ?? '');
  return title ? `https://${lang}.wikipedia.org/wiki/${title.replaceAll(' ', '_')}` : url;
}

/**
 * Reads and checks every input (CSV rows, registry codes, boundary files, regency totals against their province),
 * without the expensive geometry work. Throws DataBuildError naming file, row and field.
 */
export function readInputs(inDir: string) {
  const provinceRows = readCsv(join(inDir, 'provinces.csv'), ProvinceRow);
  const provinceFeatures = readAdminGeojson(join(inDir, 'admin/provinces-38.geojson'), 'province');
  const regencyFeatures = readAdminGeojson(join(inDir, 'admin/regencies-514.geojson'), 'regency');
  const registry = readRegistry();
  const known = new Set(registry.map((r) => r.value.code));
  regencyFeatures.forEach((f, i) => {
    if (!known.has(f.code))
      throw new DataBuildError(
        'data/admin/regencies-514.geojson',
        i + 1,
        'kode',
        `regency ${f.code} is not in the registry (idn-area-data)`,
        'feature',
      );
  });
  const featureCodes = new Set(regencyFeatures.map((f) => f.code));
  for (const r of registry)
    if (!featureCodes.has(r.value.code))
      throw new DataBuildError(
        'data/admin/regencies-514.geojson',
        null,
        'kode',
        `no polygon for regency ${r.value.code} ${r.value.name}`,
      );
  const { provinces, polygons, featureOf } = buildRegistry(
    provinceRows,
    provinceFeatures.map((f) => f.code),
  );
  const book = new SourceBook();
  const codes38 = new Set(provinces.map((p) => p.bps));
  const codes34 = new Set(
    provinces.filter((p) => p.splitYear === null || p.splitYear < 2022).map((p) => p.bps),
  );
  const { observations, national } = buildStats(
    { dir: inDir, knownCodes: { '34': codes34, '38': codes38 } },
    book,
  );
  const registered = readDukcapil(inDir, known);
  const areas = readAreas(inDir, known);
  const tertinggal = readTertinggal(inDir, known);
  const outermost = readOutermostIslands(known);
  const sp2020 = readSp2020(inDir);

  // Regencies in registry order (Kemendagri code), each with its province and the 34-basis province holding it.
  const provinceByKemendagri = new Map(provinces.map((p) => [p.kemendagri, p]));
  const regencies = [...regencyFeatures]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((f) => {
      const province = provinceByKemendagri.get(Number(f.code.slice(0, 2)));
      if (!province)
        throw new DataBuildError(
          'data/admin/regencies-514.geojson',
          regencyFeatures.indexOf(f) + 1,
          'kode',
          `regency ${f.code} lies in no province of data/provinces.csv`,
          'feature',
        );
      const registryRow = registry.find((r) => r.value.code === f.code)!;
      return {
        feature: f,
        name: registryRow.value.name,
        province,
        // The province on the 34-province basis (SP2020) whose area holds the regency.
        group34:
          province.splitYear !== null && province.splitYear >= 2022 && province.splitFrom !== null
            ? province.splitFrom
            : province.bps,
      };
    });
  const totals = new Map(
    observations
      .filter((o) => o.metric === 'population' && o.year === 2020 && o.basis === '34')
      .map((o) => [o.bps, o.value]),
  );
  const population = regencyPopulation(
    regencies.map((r) => ({ code: r.feature.code, group34: r.group34 })),
    totals,
    sp2020,
    registered,
  );
  const sp2020Urls = new Map(sp2020.map((r) => [r.value.source_url, r.value.source_id]));
  return {
    provinces,
    polygons,
    featureOf,
    provinceFeatures,
    regencies,
    book,
    observations,
    national,
    registered,
    areas,
    tertinggal,
    outermost,
    population,
    sp2020Urls,
  };
}

export function buildAll(inDir: string): Record<string, string | Uint8Array> {
  const input = readInputs(inDir);
  const { provinces, book, observations, national, regencies, population } = input;

  // Boundaries, simplified for the web (shared borders stay shared).
  const provinceRaw = new Map(input.provinceFeatures.map((f) => [f.code, f.geometry]));
  const provinceSimple = simplifyAreas(provinceRaw, PROVINCE_SIMPLIFY_WEIGHT, 4, MIN_ISLET_AREA);
  const areas: Area[] = input.featureOf.map((code) => provinceSimple.get(code)!);
  const regencySimple = simplifyAreas(
    new Map(regencies.map((r) => [r.feature.code, r.feature.geometry])),
    REGENCY_SIMPLIFY_WEIGHT,
    4,
    MIN_ISLET_AREA,
  );
  // A regency that simplification would erase (a small kota, an atoll) keeps its own outline.
  const regencyAreas = regencies.map((r) => {
    const g = regencySimple.get(r.feature.code);
    return g && g.type === 'MultiPolygon' && g.coordinates.length > 0 ? g : r.feature.geometry;
  });
  const regencyLabels = regencyAreas.map((a) => labelPoint(a));

  // Candidate towns, then the population surface.
  const gaz = buildGazetteer(
    regencies.map((r, i) => ({
      code: r.feature.code,
      name: r.name,
      kind: r.name.startsWith('Kota ') ? 'kota' : 'kabupaten',
      geometry: r.feature.geometry,
      polygon: r.province.polygonId,
      pop2020: population.pop[i]!,
      labelAt: regencyLabels[i]!,
    })),
    provinces,
  );
  const { places } = gaz;
  const surface = buildSurface({
    regencies: regencies.map((r) => r.feature.geometry),
    labelAt: regencyLabels,
    kota: regencies.map((r) => r.name.startsWith('Kota ')),
    totals: population.pop,
    province: regencies.map((r) => r.province.polygonId),
    places: { lat: places.lat, lon: places.lon, pop: places.pop, regency: places.regency },
    maxGapKm: MAX_SEA_CROSSING_KM,
  });
  const { bin, meta } = encodeSurface(surface, MAX_SEA_CROSSING_KM);

  const pop2020 = new Array<number>(provinces.length).fill(0);
  regencies.forEach((r, i) => (pop2020[r.province.polygonId]! += population.pop[i]!));
  const polygons: PolygonRecord[] = input.polygons.map((p, i) => ({
    ...p,
    labelAt: labelPoint(areas[i]!),
    pop2020: pop2020[i]!,
  }));
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
  const census = observations.find((o) => o.metric === 'population' && o.year === 2020 && o.basis === '34');
  const regencySources: SourceRecord[] = [
    {
      id: 'reg-sp2020',
      title: 'Sensus Penduduk 2020 (SP2020): regency counts',
      org: 'Badan Pusat Statistik (BPS)',
      url: '',
      year: 2020,
      note: 'Read in Wikipedia regency articles and news reports of the provincial BPS releases; the page is given per regency.',
    },
    {
      id: 'reg-dukcapil',
      title: 'Data Kependudukan Semester II Tahun 2024 (registered residents, 31 Dec 2024)',
      org: 'Ditjen Kependudukan dan Pencatatan Sipil (Dukcapil), Kemendagri',
      url: 'https://github.com/cahyadsn/wilayah',
      year: 2024,
      note: 'Read in cahyadsn/wilayah db/wilayah_penduduk.sql (MIT). Registered residents, not a census count.',
    },
    {
      id: 'reg-area',
      title: 'Luas wilayah kabupaten/kota (letter B-16.10/DIGD-BIG/IGD.04.04/12/2024)',
      org: 'Badan Informasi Geospasial (BIG)',
      url: 'https://github.com/cahyadsn/wilayah',
      year: 2024,
      note: 'Read in cahyadsn/wilayah db/wilayah_luas.sql (MIT).',
    },
    {
      id: 'reg-tertinggal',
      title: 'Peraturan Presiden No. 63 Tahun 2020 tentang Penetapan Daerah Tertinggal Tahun 2020-2024',
      org: 'Presiden Republik Indonesia',
      url: [...input.tertinggal.values()][0] ?? '',
      year: 2020,
      note: 'The list of 62 regencies as reported in the news; the gazette text was not read.',
    },
    {
      id: 'reg-islands',
      title: 'idn-area-data 4.0.1: islands (is_outermost_small)',
      org: 'idn-area-data (ODbL)',
      url: 'https://www.npmjs.com/package/idn-area-data',
      year: 2024,
      note: 'Pulau-pulau kecil terluar per regency.',
    },
    {
      id: 'reg-boundaries',
      title: 'wilayah_boundaries: provinces and regencies (Kepmendagri 300.2.2-2430/2025 coding)',
      org: 'Cahya DSN (MIT licence)',
      url: 'https://github.com/cahyadsn/wilayah_boundaries',
      year: 2025,
      note: 'Generalised boundaries, simplified further by the data build.',
    },
  ];
  const regencyRecords: RegencyRecord[] = regencies.map((r, i) => {
    const url = population.url[i] ?? null;
    return {
      code: r.feature.code,
      name: r.name,
      kind: r.name.startsWith('Kota ') ? 'kota' : 'kabupaten',
      polygon: r.province.polygonId,
      bps: r.province.bps,
      areaKm2: input.areas.get(r.feature.code) ?? null,
      pop2020: population.pop[i]!,
      pop2020Basis: population.basis[i]!,
      pop2020Url: url === null ? null : citeUrl(url, input.sp2020Urls.get(url) ?? null),
      registered2024: input.registered.get(r.feature.code)!,
      tertinggal: input.tertinggal.has(r.feature.code),
      outermostIslands: input.outermost.get(r.feature.code) ?? 0,
      seat: gaz.seat[i]!,
      seatBasis: gaz.seatBasis[i]!,
      labelAt: regencyLabels[i]!,
    };
  });
  const regenciesFile: RegenciesFile = {
    sources: regencySources,
    sourceIds: {
      sp2020: 'reg-sp2020',
      provinceTotals: census?.sourceId ?? '',
      registered2024: 'reg-dukcapil',
      area: 'reg-area',
      tertinggal: 'reg-tertinggal',
      outermost: 'reg-islands',
    },
    regencies: regencyRecords,
  };
  const boundaries: FeatureCollection = {
    type: 'FeatureCollection',
    features: polygons.map((p, i) => ({
      type: 'Feature',
      id: p.id,
      properties: { id: p.id, iso: p.iso, label: p.label },
      geometry: areas[i]!,
    })),
  };
  const regencyBoundaries: FeatureCollection = {
    type: 'FeatureCollection',
    features: regencyRecords.map((r, i) => ({
      type: 'Feature',
      id: i,
      properties: { id: i, code: r.code, name: regencyShortName(r.name), kind: r.kind },
      geometry: regencyAreas[i]!,
    })),
  };
  const countries: FeatureCollection = { type: 'FeatureCollection', features: loadNeighbours(MAP_BBOX) };

  // Measurements for the report: the largest cells and a few checks against SP2020.
  const cellOrder = surface.pop.map((p, i) => [p, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const largestCells = cellOrder.slice(0, 5).map(([p, i]) => ({
    pop: p,
    regency: regencyRecords[surface.regency[i]!]!.name,
    lat: Math.round(surface.lat[i]! * 1e3) / 1e3,
    lon: Math.round(surface.lon[i]! * 1e3) / 1e3,
  }));
  const islandOf = (lat: number, lon: number) => {
    let best = 0;
    let d = Infinity;
    surface.lat.forEach((y, i) => {
      const k = haversineKm(lat, lon, y, surface.lon[i]!);
      if (k < d) {
        d = k;
        best = i;
      }
    });
    return surface.island[best]!;
  };
  const islandPop = (island: number) =>
    surface.pop.reduce((s, p, i) => (surface.island[i] === island ? s + p : s), 0);
  const within = (lat: number, lon: number, radius: number) =>
    surface.pop.reduce(
      (s, p, i) => (haversineKm(lat, lon, surface.lat[i]!, surface.lon[i]!) <= radius ? s + p : s),
      0,
    );
  const report = {
    note: 'Build report of npm run data (not loaded by the app).',
    provinces: provinces.length,
    polygons: polygons.length,
    regencies: regencyRecords.length,
    observations: observations.length,
    sources: statsFile.sources.length,
    regencyPopulation: {
      sp2020: population.basis.filter((b) => b === 'sp2020').length,
      split: population.basis.filter((b) => b === 'split').length,
      adjusted: population.basis.filter((b) => b === 'adjusted').length,
      reconciled: population.reconciled,
    },
    gazetteer: { candidates: places.id.length, ...gaz.report },
    surface: surface.report,
    checks: {
      lombok: islandPop(islandOf(-8.58, 116.12)),
      sumbawa: islandPop(islandOf(-8.5, 117.42)),
      jayapura50km: within(-2.533, 140.718, 50),
      largestCells,
    },
  };
  return {
    'provinces.json': json(provincesFile),
    'regencies.json': json(regenciesFile),
    'stats.json': json(statsFile),
    'provinces.geojson': json(boundaries),
    'regencies.geojson': json(regencyBoundaries),
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
