/** Cited statistics: CSV rows -> observations with source ids. Nothing is interpolated; empty cells are dropped. */
import type { z } from 'zod';
import type {
  Basis,
  CampaignFact,
  MetricId,
  FacebookCountDefinition,
  FacebookShareDefinition,
  NationalObservation,
  Observation,
  SourceRecord,
} from '../../src/domain/types';
import { Citations, type Citation } from './citations';
import { DataBuildError, readCsv, type Located } from './csv';
import {
  ApjiiRow,
  HouseholdRow,
  InternetUseNationalRow,
  InternetUseRow,
  IpTikRow,
  LajuRow,
  MsmeRow,
  PopulationRow,
  SocialRow,
} from './schemas';

/** Hands out stable source ids (`prefix-1`, `prefix-2`, … in order of first appearance). */
export class SourceBook {
  private readonly byKey = new Map<string, SourceRecord>();
  private readonly counters = new Map<string, number>();
  ref(prefix: string, s: Omit<SourceRecord, 'id'>): string {
    const key = `${prefix}\u0000${JSON.stringify(s)}`;
    const found = this.byKey.get(key);
    if (found) return found.id;
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    const rec: SourceRecord = { id: `${prefix}-${n}`, ...s };
    this.byKey.set(key, rec);
    return rec.id;
  }
  all(): SourceRecord[] {
    return [...this.byKey.values()];
  }
}

/** A citation with its year, and a note appended to the citation's own. */
const withYear = (c: Citation, year: number | null, note = ''): Omit<SourceRecord, 'id'> => ({
  ...c,
  year,
  note: [c.note, note].filter(Boolean).join('; '),
});

/** BPS internet use: the definition every figure of the series shares (SOURCES.md §3). */
export const BPS_INTERNET_DEFINITION =
  'share of the population aged 5 and over who accessed the internet in the last 3 months (Susenas)';

export interface StatsInput {
  readonly dir: string;
  readonly knownCodes: { readonly '34': ReadonlySet<number>; readonly '38': ReadonlySet<number> };
}

function checkCode(
  file: string,
  row: number,
  basis: Basis,
  bps: number,
  known: StatsInput['knownCodes'],
): void {
  if (!known[basis].has(bps))
    throw new DataBuildError(file, row, 'bps_code', `unknown BPS code ${bps} on the ${basis}-province basis`);
}

export function buildStats(input: StatsInput, book: SourceBook, citations = new Citations(input.dir)) {
  const { dir, knownCodes } = input;
  const cite = (cell: string, file: string, row: number, field = 'source_url') =>
    citations.cite(cell, { file, row, field });
  const observations: Observation[] = [];
  const national: NationalObservation[] = [];
  const push = (o: Observation, file: string, row: number) => {
    checkCode(file, row, o.basis, o.bps, knownCodes);
    observations.push(o);
  };

  // Population.
  for (const { row, value: r } of readCsv(`${dir}/population.csv`, PopulationRow)) {
    const file = 'data/population.csv';
    if (r.measure.startsWith('dukcapil')) continue; // registry counts: not comparable with BPS figures (SOURCES.md §2)
    const note =
      r.measure === 'bps_midyear_projection'
        ? 'BPS mid-year projection, published in thousands (ribu jiwa)'
        : r.measure === 'bps_midyear_estimate_via_wikipedia'
          ? 'BPS mid-year estimate read from Wikipedia, which cites BPS'
          : r.measure === 'census_SP2020_recomputed_for_2022_boundary'
            ? 'SP2020 on the 2022 boundary (Wikipedia)'
            : undefined;
    const value =
      r.population ?? (r.population_thousands === null ? null : Math.round(r.population_thousands * 1000));
    if (value === null)
      throw new DataBuildError(file, row, 'population', 'no population and no population_thousands');
    const sourceId = book.ref('pop', withYear(cite(r.source_url, file, row), r.year, note));
    push(
      {
        metric: 'population',
        bps: r.bps_code,
        basis: r.geography_basis,
        year: r.year,
        value,
        sourceId,
        ...(note ? { note } : {}),
      },
      file,
      row,
    );
  }

  // BPS internet use (Susenas), by province.
  for (const { row, value: r } of readCsv(`${dir}/internet_use.csv`, InternetUseRow)) {
    if (r.pct_population_accessing_internet === null) continue;
    const sourceId = book.ref(
      'bps-inet',
      withYear(cite(r.source_url, 'data/internet_use.csv', row), r.year, BPS_INTERNET_DEFINITION),
    );
    push(
      {
        metric: 'internet_use_bps',
        bps: r.bps_code,
        basis: r.geography_basis,
        year: r.year,
        value: r.pct_population_accessing_internet,
        sourceId,
      },
      'data/internet_use.csv',
      row,
    );
  }
  for (const { row, value: r } of readCsv(`${dir}/internet_use_national.csv`, InternetUseNationalRow)) {
    const sourceId = book.ref(
      'bps-inet-national',
      withYear(cite(r.source_url, 'data/internet_use_national.csv', row), r.year, BPS_INTERNET_DEFINITION),
    );
    national.push({
      metric: 'internet_use_bps',
      year: r.year,
      value: r.pct_population_accessing_internet,
      sourceId,
    });
  }

  // APJII penetration (a different survey; never mixed with BPS).
  for (const { row, value: r } of readCsv(`${dir}/apjii_internet_penetration.csv`, ApjiiRow)) {
    if (r.pct_internet_penetration === null) continue;
    const year = Number(/\b(20\d\d)\b/.exec(r.survey)?.[1]);
    const basis: Basis = r.fieldwork?.includes('38 provinces') ? '38' : '34';
    const sourceId = book.ref(
      'apjii',
      withYear(
        cite(r.source_url, 'data/apjii_internet_penetration.csv', row),
        year,
        [r.fieldwork, r.note].filter(Boolean).join('; '),
      ),
    );
    push(
      {
        metric: 'internet_use_apjii',
        bps: r.bps_code,
        basis,
        year,
        value: r.pct_internet_penetration,
        sourceId,
        // Each APJII edition has its own sample, age floor and fieldwork: a break between editions, not a trend.
        definition: r.survey.replace(/\s*\(.*\)\s*$/, ''),
      },
      'data/apjii_internet_penetration.csv',
      row,
    );
  }

  // Households with internet access.
  for (const { row, value: r } of readCsv(`${dir}/household_internet_access.csv`, HouseholdRow)) {
    if (r.pct_households_total === null) continue;
    const sourceId = book.ref(
      'bps-hh',
      withYear(
        cite(r.source, 'data/household_internet_access.csv', row, 'source'),
        r.year,
        r.source_detail?.includes('DKI has no rural area') ? 'DKI has no rural area (the table shows 0)' : '',
      ),
    );
    push(
      {
        metric: 'households_internet',
        bps: r.bps_code,
        basis: r.geography_basis,
        year: r.year,
        value: r.pct_households_total,
        sourceId,
      },
      'data/household_internet_access.csv',
      row,
    );
  }

  // MSMEs (SE2016 listing).
  for (const { row, value: r } of readCsv(`${dir}/msme.csv`, MsmeRow)) {
    if (r.source_url === null) continue; // a row without any figure
    const sourceId = book.ref(
      'se2016',
      withYear(
        cite(r.source_url, 'data/msme.csv', row),
        r.year,
        [r.data_status, r.note].filter(Boolean).join('; '),
      ),
    );
    const notes = [
      r.data_status?.toUpperCase().includes('PRELIMINARY') ? 'preliminary quick count' : null,
      r.precision && r.precision !== 'exact counts' ? r.precision : null,
    ].filter((x): x is string => x !== null);
    const note = notes.length ? { note: notes.join('; ') } : {};
    const metrics: [MetricId, number | null][] = [
      ['msme_total', r.total_establishments],
      ['msme_umk', r.umk_establishments],
    ];
    for (const [metric, value] of metrics) {
      if (value === null) continue;
      if (r.bps_code === 0) {
        if (metric === 'msme_total') national.push({ metric, year: r.year, value, sourceId, ...note });
        continue;
      }
      push(
        { metric, bps: r.bps_code, basis: '34', year: r.year, value, sourceId, ...note },
        'data/msme.csv',
        row,
      );
    }
  }

  // National share of internet users on Facebook.
  for (const { row, value: r } of readCsv(`${dir}/social_media_facebook.csv`, SocialRow)) {
    const year = Number(/\b(20\d\d)\b/.exec(r.period)?.[1]);
    if (!Number.isInteger(year))
      throw new DataBuildError('data/social_media_facebook.csv', row, 'period', 'no year');
    // Reported national counts, in millions; each says what it counts (users, monthly active users, accounts).
    if (/facebook/i.test(r.measure) && /^million /.test(r.unit)) {
      const countDefinition: FacebookCountDefinition = /monthly active|MAU/i.test(`${r.measure} ${r.unit}`)
        ? 'monthly_active'
        : /accounts/i.test(r.measure)
          ? 'accounts'
          : /\bactive\b/i.test(r.measure)
            ? 'active'
            : 'users';
      national.push({
        metric: 'facebook_users_reported',
        year,
        value: r.value,
        sourceId: book.ref(
          'fb',
          withYear(
            cite(r.source_url, 'data/social_media_facebook.csv', row),
            year,
            [r.period, r.note].filter(Boolean).join('; '),
          ),
        ),
        definition: countDefinition,
        ...(/more than/i.test(r.unit) ? { moreThan: true } : {}),
      });
    }
    const isFbShare = /facebook/i.test(r.measure) && r.unit === 'percent of internet users';
    const statedShare = /about (\d+) percent of Indonesian internet users use Facebook/i.exec(r.note ?? '');
    if (!isFbShare && !statedShare) continue;
    // APJII 2022 asked for the social-media app used most; Facebook Indonesia's 2018 statement is about use at all.
    const definition: FacebookShareDefinition =
      isFbShare && /most-used/i.test(r.measure) ? 'most_used' : 'uses';
    if (isFbShare && definition !== 'most_used')
      throw new DataBuildError(
        'data/social_media_facebook.csv',
        row,
        'measure',
        'a Facebook share of internet users must say whether it counts use at all or the most-used app',
      );
    const sourceId = book.ref(
      'fb',
      withYear(
        cite(r.source_url, 'data/social_media_facebook.csv', row),
        year,
        definition === 'most_used'
          ? 'share of internet users naming Facebook as the social-media app they use most'
          : 'stated: about 80 percent of Indonesian internet users use Facebook',
      ),
    );
    national.push({
      metric: 'facebook_share_of_internet_users',
      year,
      value: isFbShare ? r.value : Number(statedShare?.[1]),
      sourceId,
      definition,
      ...(isFbShare ? {} : { note: 'stated as "about" this share' }),
    });
  }

  // BPS ICT Development Index (IP-TIK), 0-10, by province (34-province basis) and national.
  for (const { row, value: r } of readCsv(`${dir}/province_ip_tik.csv`, IpTikRow)) {
    const file = 'data/province_ip_tik.csv';
    // Province rows' notes only repeat the name in the source; a national row's note says where its figure is from.
    const note = r.geography_basis === 'national' ? (r.note ?? '') : '';
    const sourceId = book.ref('iptik', withYear(cite(r.source_url, file, row), r.year, note));
    if (r.geography_basis === 'national') {
      national.push({ metric: 'ip_tik', year: r.year, value: r.value, sourceId });
      continue;
    }
    if (r.bps_code === null) throw new DataBuildError(file, row, 'bps_code', 'a province row needs its code');
    push(
      { metric: 'ip_tik', bps: r.bps_code, basis: r.geography_basis, year: r.year, value: r.value, sourceId },
      file,
      row,
    );
  }
  return { observations, national };
}

export type LajuRowT = z.output<typeof LajuRow>;

/**
 * The source of one campaign row: the report it was read in, dated by the row's statement (a 2020 statement is a
 * 2020 source), with what the statement covers when that is wider than the campaign.
 */
function campaignSource(r: LajuRowT, c: Citation): Omit<SourceRecord, 'id'> {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(r.date) ? r.date : null;
  const statedYear = /\b((?:19|20)\d\d)\b/.exec(r.date)?.[1] ?? c.date?.slice(0, 4);
  const covers = /family of apps/i.test(r.city_or_scope)
    ? 'covers the Facebook family of apps (Facebook, Instagram, WhatsApp); not stated to be Laju Digital alone'
    : '';
  return {
    ...c,
    ...(iso ? { date: iso } : {}),
    year: iso ? Number(iso.slice(0, 4)) : statedYear ? Number(statedYear) : null,
    note: [covers, c.note].filter(Boolean).join('; '),
  };
}

/** Campaign facts and the rows that name a city (held or planned stops). */
export function readCampaign(
  dir: string,
  book: SourceBook,
  citations = new Citations(dir),
): { facts: CampaignFact[]; cities: Located<LajuRowT>[] } {
  const rows = readCsv(`${dir}/laju_digital.csv`, LajuRow);
  const facts: CampaignFact[] = rows.map(({ row, value: r }) => ({
    date: /^\d{4}-\d{2}-\d{2}$/.test(r.date) ? r.date : null,
    scope: r.city_or_scope,
    type: r.type,
    fact: r.fact,
    sourceId: book.ref(
      'laju',
      campaignSource(
        r,
        citations.cite(r.source_url, { file: 'data/laju_digital.csv', row, field: 'source_url' }),
      ),
    ),
  }));
  const cities = rows.filter(({ value: r }) => r.type === 'event' || r.type === 'planned city');
  return { facts, cities };
}
