/** Province registry (38 provinces) and the boundary polygons they map to. */
import type { PolygonId, PolygonRecord, ProvinceRecord } from '../../src/domain/types';
import { DataBuildError, type Located } from './csv';
import type { z } from 'zod';
import type { ProvinceRow } from './schemas';

type Row = z.output<typeof ProvinceRow>;

/**
 * Map each province to the polygon with its ISO code, or (for provinces created after the boundary data)
 * to the polygon of the province it was split from, following the lineage.
 */
export function buildRegistry(
  rows: readonly Located<Row>[],
  polygonIsos: readonly string[],
): { provinces: ProvinceRecord[]; polygons: Omit<PolygonRecord, 'labelAt'>[] } {
  const byBps = new Map<number, Located<Row>>();
  for (const r of rows) {
    if (byBps.has(r.value.bps_code))
      throw new DataBuildError('data/provinces.csv', r.row, 'bps_code', `duplicate code ${r.value.bps_code}`);
    byBps.set(r.value.bps_code, r);
  }
  const isoSet = new Set(polygonIsos);
  const polygonIsoOf = (bps: number, seen: Set<number> = new Set()): string => {
    const r = byBps.get(bps);
    if (!r)
      throw new DataBuildError('data/provinces.csv', null, 'split_from_bps_code', `unknown BPS code ${bps}`);
    if (isoSet.has(r.value.iso_code)) return r.value.iso_code;
    const parent = r.value.split_from_bps_code;
    if (parent === null || seen.has(bps))
      throw new DataBuildError(
        'data/provinces.csv',
        r.row,
        'iso_code',
        `${r.value.iso_code} has no boundary polygon and no parent province to fall back to`,
      );
    seen.add(bps);
    return polygonIsoOf(parent, seen);
  };
  const isoOfProvince = new Map(rows.map((r) => [r.value.bps_code, polygonIsoOf(r.value.bps_code)]));
  // Polygons ordered by their lowest BPS code, so ids are stable and follow the usual west-to-east order.
  const polygonOrder = [...isoSet].sort((a, b) => minCode(a) - minCode(b));
  function minCode(iso: string): number {
    const codes = rows
      .filter((r) => isoOfProvince.get(r.value.bps_code) === iso)
      .map((r) => r.value.bps_code);
    return codes.length ? Math.min(...codes) : 999;
  }
  const idOf = new Map(polygonOrder.map((iso, i) => [iso, i as PolygonId]));
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
    polygonId: idOf.get(isoOfProvince.get(v.bps_code) ?? '') ?? (-1 as PolygonId),
  }));
  const polygons: Omit<PolygonRecord, 'labelAt'>[] = polygonOrder.map((iso, i) => {
    const members = provinces.filter((p) => p.polygonId === i);
    const primary = members.find((p) => p.iso === iso);
    if (!primary)
      throw new DataBuildError('data/provinces.csv', null, 'iso_code', `no province has ISO code ${iso}`);
    const others = members.filter((p) => p !== primary);
    // The 34-province basis: provinces that existed before the 2022 Papua split.
    const members34 = members.filter((p) => p.splitYear === null || p.splitYear < 2022);
    return {
      id: i as PolygonId,
      iso,
      label: others.length
        ? `${primary.nameId} incl. ${others.map((p) => p.nameId).join(', ')}`
        : primary.nameId,
      provinces: members.map((p) => p.bps),
      provinces34: members34.map((p) => p.bps),
    };
  });
  return { provinces, polygons };
}
