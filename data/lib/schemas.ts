/** Row schemas of the curated CSVs in data/. Empty cells become null; numbers are checked for range. */
import { z } from 'zod';

const trimmed = z.string().transform((s) => s.trim());
const optionalText = trimmed.transform((s) => (s === '' ? null : s));

/** A number cell that may be empty (null = no data). */
const optionalNumber = (min: number, max: number) =>
  trimmed.transform((s, ctx) => {
    if (s === '') return null;
    const n = Number(s);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: 'expected a number' });
      return z.NEVER;
    }
    if (n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `value out of range [${min}, ${max}]` });
      return z.NEVER;
    }
    return n;
  });
const requiredNumber = (min: number, max: number) =>
  optionalNumber(min, max).refine((n): n is number => n !== null, { message: 'value is required' });

/** A BPS/Kemendagri province code (11..97), or 0 for the national row. */
const code = trimmed.transform((s, ctx) => {
  if (!/^\d{2}$/.test(s)) {
    ctx.addIssue({ code: 'custom', message: 'expected a two-digit province code' });
    return z.NEVER;
  }
  return Number(s);
});
const optionalCode = trimmed.transform((s, ctx) => {
  if (s === '') return null;
  if (!/^\d{2}$/.test(s)) {
    ctx.addIssue({ code: 'custom', message: 'expected a two-digit province code' });
    return z.NEVER;
  }
  return Number(s);
});
const flag = trimmed.pipe(z.enum(['0', '1'], { message: 'expected 0 or 1' })).transform((s) => s === '1');
const year = requiredNumber(1990, 2030).refine((n) => Number.isInteger(n), { message: 'expected a year' });
const basis = trimmed.transform((s, ctx) => {
  if (s.startsWith('34-province')) return '34' as const;
  if (s.startsWith('38-province')) return '38' as const;
  ctx.addIssue({ code: 'custom', message: 'expected "34-province …" or "38-province …"' });
  return z.NEVER;
});
const pct = optionalNumber(0, 100);

export const ProvinceRow = z.object({
  bps_code: code,
  kemendagri_code: code,
  iso_code: trimmed.pipe(z.string().regex(/^ID-[A-Z]{2}$/, 'expected an ISO 3166-2 code like ID-AC')),
  name_id: trimmed.pipe(z.string().min(1)),
  name_en: trimmed.pipe(z.string().min(1)),
  island_group: trimmed.pipe(z.string().min(1)),
  capital: trimmed.pipe(z.string().min(1)),
  capital_lat: requiredNumber(-11.5, 6.5),
  capital_lon: requiredNumber(94.5, 141.5),
  capital_note: optionalText,
  area_km2: optionalNumber(0, 1_000_000),
  area_source: optionalText,
  split_from_bps_code: optionalCode,
  split_from_name: optionalText,
  split_year: optionalNumber(1945, 2030),
  split_legal_basis: optionalText,
  kti_bps_se2016: flag,
  kti_17_provinces: flag,
});

export const PopulationRow = z.object({
  bps_code: code,
  kemendagri_code: code,
  province: trimmed,
  year,
  population: optionalNumber(1, 400_000_000),
  population_thousands: optionalNumber(0.001, 400_000),
  measure: trimmed.pipe(z.string().min(1)),
  reference_date: optionalText,
  geography_basis: basis,
  source_url: trimmed.pipe(z.string().min(1)),
  note: optionalText,
});

export const InternetUseRow = z.object({
  bps_code: code,
  kemendagri_code: code,
  province: trimmed,
  year,
  pct_population_accessing_internet: pct,
  geography_basis: basis,
  source_type: optionalText,
  source_url: trimmed.pipe(z.string().min(1)),
  source_detail: optionalText,
});

export const InternetUseNationalRow = z.object({
  year,
  pct_population_accessing_internet: requiredNumber(0, 100),
  source_url: trimmed.pipe(z.string().min(1)),
  source_detail: optionalText,
});

export const ApjiiRow = z.object({
  bps_code: code,
  kemendagri_code: code,
  province: trimmed,
  survey: trimmed.pipe(z.string().regex(/\b20\d\d\b/, 'expected a survey name with its year')),
  fieldwork: optionalText,
  pct_internet_penetration: pct,
  source_url: trimmed.pipe(z.string().min(1)),
  note: optionalText,
});

export const HouseholdRow = z.object({
  bps_code: code,
  kemendagri_code: code,
  province: trimmed,
  year,
  pct_households_urban: pct,
  pct_households_rural: pct,
  pct_households_total: pct,
  geography_basis: basis,
  source: trimmed.pipe(z.string().min(1)),
  source_detail: optionalText,
});

export const MsmeRow = z.object({
  bps_code: code,
  kemendagri_code: code,
  province: trimmed,
  year,
  total_establishments: optionalNumber(0, 100_000_000),
  umk_establishments: optionalNumber(0, 100_000_000),
  umb_establishments: optionalNumber(0, 100_000_000),
  umk_share_pct_as_published: pct,
  precision: optionalText,
  data_status: optionalText,
  source_url: optionalText,
  source_detail: optionalText,
  note: optionalText,
});

export const SocialRow = z.object({
  geography: trimmed,
  bps_code: code,
  period: trimmed,
  measure: trimmed,
  value: requiredNumber(0, 1e12),
  unit: trimmed,
  source_org: trimmed,
  source_url: trimmed,
  note: optionalText,
});

export const LajuRow = z.object({
  date: trimmed,
  city_or_scope: trimmed,
  province: optionalText,
  bps_code: optionalCode,
  type: trimmed.pipe(z.string().min(1)),
  fact: trimmed.pipe(z.string().min(1)),
  source_url: trimmed.pipe(z.string().min(1)),
});

/** BPS ICT Development Index (IP-TIK) by province; national rows have no province code. */
export const IpTikRow = z.object({
  bps_code: optionalCode,
  kemendagri_code: optionalCode,
  province: trimmed.pipe(z.string().min(1)),
  year,
  indicator: trimmed.pipe(z.string().startsWith('IP-TIK', 'expected the IP-TIK indicator')),
  value: requiredNumber(0, 10),
  unit: trimmed,
  scale: trimmed.pipe(z.literal('0-10', 'expected the 0-10 scale')),
  geography_basis: trimmed.transform((s, ctx) => {
    if (s === 'national') return 'national' as const;
    if (s.startsWith('34-province')) return '34' as const;
    if (s.startsWith('38-province')) return '38' as const;
    ctx.addIssue({ code: 'custom', message: 'expected "national", "34-province …" or "38-province …"' });
    return z.NEVER;
  }),
  publisher: trimmed.pipe(z.string().min(1)),
  source_id: trimmed,
  source_url: trimmed.pipe(z.string().min(1)),
  note: optionalText,
});

const isoDate = trimmed.pipe(
  z.string().regex(/^(\d{4}(-\d{2}(-\d{2})?)?)?$/, 'expected YYYY, YYYY-MM, YYYY-MM-DD or empty'),
);
const optionalUrl = trimmed.pipe(z.union([z.literal(''), z.url({ protocol: /^https?$/ })]));

/** How each source locator of the data files is cited in the app (publisher first; see SOURCES.md). */
export const CitationRow = z.object({
  locator: trimmed.pipe(z.string().min(1)),
  publisher: trimmed.pipe(z.string().min(1, 'every source needs a publisher')),
  publication: trimmed.pipe(z.string().min(1)),
  published: isoDate,
  link: optionalUrl,
  read_at: trimmed,
  read_at_url: optionalUrl,
  read_kind: trimmed.pipe(
    z.enum([
      'publisher',
      'government',
      'news',
      'wikipedia',
      'repository',
      'document-mirror',
      'blog',
      'aggregator',
    ]),
  ),
  note: trimmed,
});

/** A Kemendagri regency code such as "11.01". */
const regencyCode = trimmed.pipe(z.string().regex(/^\d{2}\.\d{2}$/, 'expected a regency code like 11.01'));
/** A Kemendagri code of any level in the admin tables: "0" (nation), "11" (province) or "11.01" (regency). */
const adminCode = trimmed.pipe(z.string().regex(/^(0|\d{2}|\d{2}\.\d{2})$/, 'expected 0, 11 or 11.01'));
const level = trimmed.pipe(z.enum(['national', 'province', 'regency'], { message: 'unknown level' }));
const count = requiredNumber(0, 400_000_000).refine((n) => Number.isInteger(n), {
  message: 'expected a whole number',
});

export const DukcapilRow = z.object({
  kemendagri_code: adminCode,
  level,
  name: trimmed.pipe(z.string().min(1)),
  population_total: count,
});

export const AreaRow = z.object({
  kemendagri_code: adminCode,
  level,
  name: trimmed.pipe(z.string().min(1)),
  area_km2: requiredNumber(0.01, 1_000_000),
  source: trimmed,
});

export const RegencySp2020Row = z.object({
  kemendagri_code: regencyCode,
  province_code: code,
  name_idn_area: trimmed.pipe(z.string().min(1)),
  population: optionalNumber(1, 50_000_000),
  precision: optionalText,
  year: year,
  measure: trimmed.pipe(z.literal('census_SP2020', { message: 'expected census_SP2020' })),
  source_id: optionalText,
  source_type: optionalText,
  source_url: optionalText,
  note: optionalText,
});

export const TertinggalRow = z.object({
  kemendagri_code: regencyCode,
  name_idn_area: trimmed.pipe(z.string().min(1)),
  status: trimmed,
  source_url: trimmed.pipe(z.string().min(1)),
});

export const IslandRow = z.object({
  code: trimmed,
  /** Empty for the few islands the source places in no regency. */
  regency_code: optionalText,
  is_populated: flag,
  is_outermost_small: flag,
  name: trimmed,
});

export const RegistryRegencyRow = z.object({
  code: regencyCode,
  province_code: code,
  name: trimmed.pipe(z.string().min(1)),
});
