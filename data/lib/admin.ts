/**
 * The administrative data of data/admin/ (Kemendagri 2025 coding): 38 province and 514 regency polygons, the
 * regency registry of idn-area-data, SP2020 regency counts, Dukcapil 2024 registered residents, BIG areas, the
 * daerah tertinggal of Perpres 63/2020 and the outermost small islands. Every input is checked; a failure names the
 * file, the row (or GeoJSON feature) and the field.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import type { RegencyPopBasis } from '../../src/domain/types';
import type { Area } from './boundaries';
import { DataBuildError, readCsv, type Located } from './csv';
import {
  AreaRow,
  DukcapilRow,
  IslandRow,
  RegencySp2020Row,
  RegistryRegencyRow,
  TertinggalRow,
} from './schemas';
import type { z } from 'zod';
import { scaleTo } from './surface';

const require = createRequire(import.meta.url);

export interface AdminFeature {
  readonly code: string;
  readonly name: string;
  readonly geometry: Area;
}

const isPosition = (p: unknown): p is [number, number] =>
  Array.isArray(p) &&
  p.length >= 2 &&
  typeof p[0] === 'number' &&
  typeof p[1] === 'number' &&
  p[0] >= 90 &&
  p[0] <= 145 &&
  p[1] >= -13 &&
  p[1] <= 8;

/** Why a polygon (array of rings) is not valid GeoJSON, or null when it is. */
function polygonProblem(rings: unknown): string | null {
  if (!Array.isArray(rings) || rings.length === 0) return 'a polygon without rings';
  for (const ring of rings as unknown[]) {
    if (!Array.isArray(ring) || ring.length < 4) return 'a ring with fewer than 4 positions';
    const bad: unknown = (ring as unknown[]).find((p) => !isPosition(p));
    if (bad !== undefined) return `position ${JSON.stringify(bad)} is not a [lon, lat] pair in Indonesia`;
    const a = ring[0] as number[];
    const b = ring[ring.length - 1] as number[];
    if (a[0] !== b[0] || a[1] !== b[1]) return 'a ring that is not closed';
  }
  return null;
}

/**
 * Reads and checks a boundary file of data/admin/.
 * @param level 'province' expects codes like "11", 'regency' codes like "11.01"
 * @example readAdminGeojson('data/admin/regencies-514.geojson', 'regency')
 */
export function readAdminGeojson(path: string, level: 'province' | 'regency', text?: string): AdminFeature[] {
  const file = `data/admin/${basename(path)}`;
  let fc: unknown;
  try {
    fc = JSON.parse(text ?? readFileSync(path, 'utf8'));
  } catch (e) {
    throw new DataBuildError(file, null, null, `not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const features = (fc as { features?: unknown }).features;
  if (!Array.isArray(features)) throw new DataBuildError(file, null, 'features', 'not a FeatureCollection');
  const pattern = level === 'province' ? /^\d{2}$/ : /^\d{2}\.\d{2}$/;
  const seen = new Set<string>();
  return features.map((f: unknown, i): AdminFeature => {
    const n = i + 1;
    const props = (f as { properties?: Record<string, unknown> }).properties ?? {};
    const code = props['kode'];
    if (typeof code !== 'string' || !pattern.test(code))
      throw new DataBuildError(
        file,
        n,
        'kode',
        `expected a ${level} code, got ${JSON.stringify(code)}`,
        'feature',
      );
    if (seen.has(code)) throw new DataBuildError(file, n, 'kode', `duplicate code ${code}`, 'feature');
    seen.add(code);
    const name = props['nama'];
    if (typeof name !== 'string' || name.trim() === '')
      throw new DataBuildError(file, n, 'nama', 'missing name', 'feature');
    const g = (f as { geometry?: { type?: unknown; coordinates?: unknown } }).geometry;
    const polys =
      g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : undefined;
    if (!Array.isArray(polys) || polys.length === 0)
      throw new DataBuildError(file, n, 'geometry', `${code}: expected a Polygon or MultiPolygon`, 'feature');
    for (const p of polys) {
      const problem = polygonProblem(p);
      if (problem) throw new DataBuildError(file, n, 'geometry', `${code}: ${problem}`, 'feature');
    }
    return { code, name: name.trim(), geometry: g as Area };
  });
}

/** The regency registry: idn-area-data's list of the 514 kabupaten/kota (Kemendagri 2025). */
export function readRegistry(): Located<z.output<typeof RegistryRegencyRow>>[] {
  const path = require.resolve('idn-area-data/data/regencies.csv');
  return readCsv(path, RegistryRegencyRow, undefined, 'idn-area-data/data/regencies.csv');
}

/** Outermost small islands per regency code (idn-area-data islands.csv). */
export function readOutermostIslands(known: ReadonlySet<string>): Map<string, number> {
  const path = require.resolve('idn-area-data/data/islands.csv');
  const out = new Map<string, number>();
  for (const { row, value } of readCsv(path, IslandRow, undefined, 'idn-area-data/data/islands.csv')) {
    if (value.regency_code === null) continue;
    if (!known.has(value.regency_code))
      throw new DataBuildError(
        'idn-area-data/data/islands.csv',
        row,
        'regency_code',
        `regency ${value.regency_code} is not in the registry`,
      );
    if (value.is_outermost_small) out.set(value.regency_code, (out.get(value.regency_code) ?? 0) + 1);
  }
  return out;
}

type DukRow = z.output<typeof DukcapilRow>;

/**
 * Dukcapil 2024 registered residents per regency. Every province row must equal the sum of its regencies and the
 * national row the sum of the provinces.
 */
export function readDukcapil(dir: string, known: ReadonlySet<string>): Map<string, number> {
  const file = 'data/admin/regency_population_dukcapil_2024.csv';
  const rows = readCsv(join(dir, 'admin/regency_population_dukcapil_2024.csv'), DukcapilRow);
  const regency = new Map<string, number>();
  const provinces: Located<DukRow>[] = [];
  let nation: Located<DukRow> | undefined;
  for (const r of rows) {
    const { kemendagri_code: code, level } = r.value;
    const expected = code === '0' ? 'national' : code.length === 2 ? 'province' : 'regency';
    if (level !== expected)
      throw new DataBuildError(file, r.row, 'level', `code ${code} is a ${expected} code, not ${level}`);
    if (level === 'national') nation = r;
    else if (level === 'province') provinces.push(r);
    else {
      if (!known.has(code))
        throw new DataBuildError(file, r.row, 'kemendagri_code', `regency ${code} is not in the registry`);
      regency.set(code, r.value.population_total);
    }
  }
  for (const code of known)
    if (!regency.has(code))
      throw new DataBuildError(file, null, 'kemendagri_code', `no row for regency ${code}`);
  for (const p of provinces) {
    const sum = [...regency].reduce(
      (s, [c, v]) => (c.startsWith(`${p.value.kemendagri_code}.`) ? s + v : s),
      0,
    );
    if (sum !== p.value.population_total)
      throw new DataBuildError(
        file,
        p.row,
        'population_total',
        `${p.value.name}: ${p.value.population_total} but its regencies add up to ${sum}`,
      );
  }
  if (nation) {
    const sum = provinces.reduce((s, p) => s + p.value.population_total, 0);
    if (sum !== nation.value.population_total)
      throw new DataBuildError(
        file,
        nation.row,
        'population_total',
        `${nation.value.population_total} but the provinces add up to ${sum}`,
      );
  }
  return regency;
}

/** Land area per regency code (BIG 2024). */
export function readAreas(dir: string, known: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const { row, value } of readCsv(join(dir, 'admin/regency_area_big_2024.csv'), AreaRow)) {
    if (value.level !== 'regency') continue;
    if (!known.has(value.kemendagri_code))
      throw new DataBuildError(
        'data/admin/regency_area_big_2024.csv',
        row,
        'kemendagri_code',
        `regency ${value.kemendagri_code} is not in the registry`,
      );
    out.set(value.kemendagri_code, value.area_km2);
  }
  return out;
}

/** The 62 daerah tertinggal (Perpres 63/2020) by regency code, with the URL of the first report read. */
export function readTertinggal(dir: string, known: ReadonlySet<string>): Map<string, string> {
  const file = 'data/admin/daerah_tertinggal_2020_2024.csv';
  const out = new Map<string, string>();
  for (const { row, value } of readCsv(join(dir, 'admin/daerah_tertinggal_2020_2024.csv'), TertinggalRow)) {
    if (!known.has(value.kemendagri_code))
      throw new DataBuildError(
        file,
        row,
        'kemendagri_code',
        `regency ${value.kemendagri_code} is not in the registry`,
      );
    if (out.has(value.kemendagri_code))
      throw new DataBuildError(file, row, 'kemendagri_code', `regency ${value.kemendagri_code} listed twice`);
    out.set(value.kemendagri_code, value.source_url);
  }
  return out;
}

export type Sp2020Row = z.output<typeof RegencySp2020Row>;

export function readSp2020(dir: string): Located<Sp2020Row>[] {
  return readCsv(join(dir, 'admin/regency_population_sp2020.csv'), RegencySp2020Row);
}

/** One regency row or count the build could not use as it stands, and why. */
export interface Reconciled {
  readonly code: string;
  readonly rows: readonly number[];
  readonly values: readonly number[];
  readonly action: string;
}

export interface RegencyPopulation {
  /** Per regency (registry order). */
  readonly pop: number[];
  readonly basis: RegencyPopBasis[];
  readonly url: (string | null)[];
  readonly reconciled: Reconciled[];
}

const SP_FILE = 'data/admin/regency_population_sp2020.csv';

/**
 * Regency populations at SP2020 that add up exactly to each province's SP2020 total (on the 34-province basis):
 * 1. A regency's cited count is used when its exact-count rows agree and no row is flagged in its note as suspect
 *    or a likely typo; a count published only in thousands is not an exact count and is not used.
 * 2. The province's remainder (total minus the cited counts) is split among its other regencies in proportion to
 *    their Dukcapil 2024 registered residents (largest remainder, so integers add up).
 * 3. Where the cited counts alone exceed the total, or every regency is cited and the sum differs, the cited
 *    counts are scaled to the total (largest remainder) and reported.
 * @param regencies the registry, in order, each with the BPS code of its province on the 34-province basis
 * @param totals SP2020 total per 34-basis BPS code
 */
export function regencyPopulation(
  regencies: readonly { readonly code: string; readonly group34: number }[],
  totals: ReadonlyMap<number, number>,
  rows: readonly Located<Sp2020Row>[],
  registered: ReadonlyMap<string, number>,
): RegencyPopulation {
  const index = new Map(regencies.map((r, i) => [r.code, i]));
  const byCode = new Map<string, Located<Sp2020Row>[]>();
  for (const r of rows) {
    const code = r.value.kemendagri_code;
    if (!index.has(code))
      throw new DataBuildError(SP_FILE, r.row, 'kemendagri_code', `regency ${code} is not in the registry`);
    if (!code.startsWith(`${String(r.value.province_code).padStart(2, '0')}.`))
      throw new DataBuildError(
        SP_FILE,
        r.row,
        'province_code',
        `${r.value.province_code} does not hold ${code}`,
      );
    if (r.value.population === null) continue;
    byCode.set(code, [...(byCode.get(code) ?? []), r]);
  }
  const reconciled: Reconciled[] = [];
  const cited = new Map<string, { value: number; url: string | null }>();
  for (const [code, rs] of [...byCode].sort((a, b) => a[0].localeCompare(b[0]))) {
    const flagged = rs.filter((r) => /SUSPECT|typo/i.test(r.value.note ?? ''));
    const usable = rs.filter((r) => !flagged.includes(r));
    const exact = usable.filter((r) => r.value.precision?.startsWith('exact') === true);
    const thousands = usable.filter((r) => !exact.includes(r));
    const note = (action: string, set: readonly Located<Sp2020Row>[] = rs) =>
      reconciled.push({
        code,
        rows: set.map((r) => r.row),
        values: set.map((r) => r.value.population!),
        action,
      });
    if (flagged.length > 0) note('row flagged in its note as suspect or a likely typo: not used', flagged);
    for (const r of exact)
      if (!Number.isInteger(r.value.population))
        throw new DataBuildError(SP_FILE, r.row, 'population', 'an exact count must be a whole number');
    const values = [...new Set(exact.map((r) => r.value.population!))];
    if (values.length > 1) {
      note('exact counts disagree: none used, the regency gets a share of the remainder', exact);
      continue;
    }
    const value = values[0];
    if (value === undefined) {
      if (thousands.length > 0) note('published in thousands only (not an exact count): not used', thousands);
      continue;
    }
    const off = thousands.filter((r) => Math.abs(r.value.population! * 1000 - value) > 5);
    if (off.length > 0) {
      note('a count in thousands disagrees with the exact count: none used', usable);
      continue;
    }
    cited.set(code, { value, url: exact[0]!.value.source_url });
  }

  const pop = new Array<number>(regencies.length).fill(0);
  const basis = new Array<RegencyPopBasis>(regencies.length).fill('split');
  const url = new Array<string | null>(regencies.length).fill(null);
  const groups = [...new Set(regencies.map((r) => r.group34))].sort((a, b) => a - b);
  for (const g of groups) {
    const total = totals.get(g);
    if (total === undefined)
      throw new DataBuildError('data/population.csv', null, 'population', `no SP2020 total for BPS ${g}`);
    const members = regencies.map((r, i) => ({ ...r, i })).filter((r) => r.group34 === g);
    const withCount = members.filter((m) => cited.has(m.code));
    const without = members.filter((m) => !cited.has(m.code));
    const citedSum = withCount.reduce((s, m) => s + cited.get(m.code)!.value, 0);
    if (without.length === 0 ? citedSum === total : citedSum <= total) {
      for (const m of withCount) {
        pop[m.i] = cited.get(m.code)!.value;
        basis[m.i] = 'sp2020';
        url[m.i] = cited.get(m.code)!.url;
      }
      const weights = without.map((m) => registered.get(m.code) ?? 0);
      if (without.length > 0 && weights.every((w) => w === 0))
        throw new DataBuildError(
          'data/admin/regency_population_dukcapil_2024.csv',
          null,
          'population_total',
          `no registered residents to split BPS ${g}'s remainder`,
        );
      scaleTo(weights, total - citedSum).forEach((p, k) => (pop[without[k]!.i] = p));
    } else {
      // The cited counts cannot be kept as they are: scale them to the total.
      const scaled = scaleTo(
        members.map((m) => cited.get(m.code)?.value ?? 0),
        total,
      );
      members.forEach((m, k) => {
        pop[m.i] = scaled[k]!;
        basis[m.i] = cited.has(m.code) ? 'adjusted' : 'split';
        url[m.i] = cited.get(m.code)?.url ?? null;
      });
      reconciled.push({
        code: `province BPS ${g}`,
        rows: [],
        values: [citedSum, total],
        action: 'cited regency counts do not add up to the SP2020 total: scaled to it',
      });
    }
  }
  return { pop, basis, url, reconciled };
}
