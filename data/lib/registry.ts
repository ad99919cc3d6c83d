/** Province registry (38 provinces) and their boundary polygons (one per province, Kemendagri 2025). */
import type { PolygonId, PolygonRecord, ProvinceRecord } from '../../src/domain/types';
import { DataBuildError, type Located } from './csv';
import type { z } from 'zod';
import type { ProvinceRow } from './schemas';

type Row = z.output<typeof ProvinceRow>;

/**
 * One polygon per province, ordered by BPS code (the usual west-to-east order), matched to the boundary file by
 * Kemendagri code.
 * @param featureCodes Kemendagri codes of the province boundary file ("11", …)
 */
export function buildRegistry(
  rows: readonly Located<Row>[],
  featureCodes: readonly string[],
): { provinces: ProvinceRecord[]; polygons: Omit<PolygonRecord, 'labelAt'>[]; featureOf: string[] } {
  const byBps = new Map<number, Located<Row>>();
  const byKemendagri = new Map<number, Located<Row>>();
  for (const r of rows) {
    if (byBps.has(r.value.bps_code))
      throw new DataBuildError('data/provinces.csv', r.row, 'bps_code', `duplicate code ${r.value.bps_code}`);
    if (byKemendagri.has(r.value.kemendagri_code))
      throw new DataBuildError(
        'data/provinces.csv',
        r.row,
        'kemendagri_code',
        `duplicate code ${r.value.kemendagri_code}`,
      );
    byBps.set(r.value.bps_code, r);
    byKemendagri.set(r.value.kemendagri_code, r);
  }
  const codes = new Set(featureCodes);
  for (const r of rows)
    if (!codes.has(String(r.value.kemendagri_code).padStart(2, '0')))
      throw new DataBuildError(
        'data/provinces.csv',
        r.row,
        'kemendagri_code',
        `no polygon with code ${r.value.kemendagri_code} in data/admin/provinces-38.geojson`,
      );
  for (const c of featureCodes)
    if (!byKemendagri.has(Number(c)))
      throw new DataBuildError(
        'data/admin/provinces-38.geojson',
        featureCodes.indexOf(c) + 1,
        'kode',
        `province ${c} is not in data/provinces.csv`,
        'feature',
      );
  const splitIn2022 = new Set(
    rows.flatMap(({ value: v }) =>
      v.split_year !== null && v.split_year >= 2022 && v.split_from_bps_code !== null
        ? [v.split_from_bps_code]
        : [],
    ),
  );
  const ordered = [...rows].sort((a, b) => a.value.bps_code - b.value.bps_code);
  const idOf = new Map(ordered.map((r, i) => [r.value.bps_code, i as PolygonId]));
  const provinces: ProvinceRecord[] = rows.map(({ value: v }) => ({
    bps: v.bps_code,
    kemendagri: v.kemendagri_code,
    iso: v.iso_code,
    nameId: v.name_id,
    nameEn: v.name_en,
    islandGroup: v.island_group,
    capital: v.capital,
    capitalLat: v.capital_lat,
    capitalLon: v.capital_lon,
    areaKm2: v.area_km2,
    ktiSe2016: v.kti_bps_se2016,
    kti17: v.kti_17_provinces,
    splitFrom: v.split_from_bps_code,
    splitYear: v.split_year,
    splitLaw: v.split_legal_basis,
    polygonId: idOf.get(v.bps_code)!,
  }));
  const polygons: Omit<PolygonRecord, 'labelAt'>[] = ordered.map(({ value: v }, i) => ({
    id: i as PolygonId,
    iso: v.iso_code,
    label: v.name_id,
    provinces: [v.bps_code],
    // The 34-basis province whose whole territory this polygon is: none for Papua and Papua Barat, which lost
    // territory in 2022, nor for the provinces created then (their figures on that basis describe a wider area).
    provinces34:
      (v.split_year === null || v.split_year < 2022) && !splitIn2022.has(v.bps_code) ? [v.bps_code] : [],
  }));
  const featureOf = ordered.map(({ value: v }) => String(v.kemendagri_code).padStart(2, '0'));
  return { provinces, polygons, featureOf };
}
