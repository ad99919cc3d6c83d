/** Cited statistics: CSV rows -> observations with source ids. Nothing is interpolated; empty cells are dropped. */
import type { z } from 'zod';
import type {
  Basis,
  CampaignFact,
  MetricId,
  NationalObservation,
  Observation,
  SourceRecord,
} from '../../src/domain/types';
import { DataBuildError, readCsv, type Located } from './csv';
import {
  ApjiiRow,
  HouseholdRow,
  InternetUseNationalRow,
  InternetUseRow,
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
    const key = `${prefix}\u0000${s.url}\u0000${s.title}\u0000${s.year ?? ''}`;
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

const githubOrUrl = (s: string): string =>
  s.startsWith('github ') ? `https://github.com/${s.slice(7).split(' ')[0] ?? ''}` : (s.split(' ')[0] ?? s);

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

export function buildStats(input: StatsInput, book: SourceBook) {
  const { dir, knownCodes } = input;
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
    const sourceId = book.ref('pop', {
      title:
        r.measure === 'census_SP2020'
          ? 'Sensus Penduduk 2020 (SP2020), province totals'
          : r.measure === 'bps_midyear_projection'
            ? 'BPS: Penduduk menurut Provinsi, 2024 (mid-year projection)'
            : `Population ${r.year} (${r.measure.replaceAll('_', ' ')})`,
      org: 'Badan Pusat Statistik (BPS)',
      url: githubOrUrl(r.source_url),
      year: r.year,
      note: r.source_url.startsWith('github') ? r.source_url : '',
    });
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
    const sourceId = book.ref('bps-inet', {
      title: r.source_detail ?? 'BPS: population aged 5+ who accessed the internet in the last 3 months',
      org: `BPS (Susenas)${r.source_type ? `; ${r.source_type}` : ''}`,
      url: githubOrUrl(r.source_url),
      year: r.year,
      note: r.source_url.startsWith('github') ? r.source_url : '',
    });
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
  for (const { value: r } of readCsv(`${dir}/internet_use_national.csv`, InternetUseNationalRow)) {
    const sourceId = book.ref('bps-inet-national', {
      title: r.source_detail ?? 'BPS national internet use',
      org: 'BPS (Susenas)',
      url: githubOrUrl(r.source_url),
      year: r.year,
      note: r.source_url.startsWith('github') ? r.source_url : '',
    });
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
    const sourceId = book.ref('apjii', {
      title: r.survey,
      org: 'Asosiasi Penyelenggara Jasa Internet Indonesia (APJII)',
      url: r.source_url,
      year,
      note: [r.fieldwork, r.note].filter(Boolean).join('; '),
    });
    push(
      {
        metric: 'internet_use_apjii',
        bps: r.bps_code,
        basis,
        year,
        value: r.pct_internet_penetration,
        sourceId,
      },
      'data/apjii_internet_penetration.csv',
      row,
    );
  }

  // Households with internet access.
  for (const { row, value: r } of readCsv(`${dir}/household_internet_access.csv`, HouseholdRow)) {
    if (r.pct_households_total === null) continue;
    const sourceId = book.ref('bps-hh', {
      title: r.source_detail ?? 'BPS households that accessed the internet',
      org: 'BPS',
      url: githubOrUrl(r.source),
      year: r.year,
      note: r.source,
    });
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
    const sourceId = book.ref('se2016', {
      title: r.source_detail ?? 'BPS Sensus Ekonomi 2016 listing',
      org: 'BPS Sensus Ekonomi 2016',
      url: r.source_url,
      year: r.year,
      note: [r.data_status, r.note].filter(Boolean).join('; '),
    });
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
    const isFbShare = /facebook/i.test(r.measure) && r.unit === 'percent of internet users';
    const statedShare = /about (\d+) percent of Indonesian internet users use Facebook/i.exec(r.note ?? '');
    if (!isFbShare && !statedShare) continue;
    const sourceId = book.ref('fb', {
      title: `${r.source_org}: ${isFbShare ? r.measure : (r.note ?? '')}`,
      org: r.source_org,
      url: r.source_url,
      year,
      note: r.period,
    });
    national.push({
      metric: 'facebook_share_of_internet_users',
      year,
      value: isFbShare ? r.value : Number(statedShare?.[1]),
      sourceId,
      ...(isFbShare ? {} : { note: 'stated as "about" this share' }),
    });
  }
  return { observations, national };
}

export type LajuRowT = z.output<typeof LajuRow>;

/** Campaign facts and the rows that name a city (held or planned stops). */
export function readCampaign(
  dir: string,
  book: SourceBook,
): { facts: CampaignFact[]; cities: Located<LajuRowT>[] } {
  const rows = readCsv(`${dir}/laju_digital.csv`, LajuRow);
  const facts: CampaignFact[] = rows.map(({ value: r }) => ({
    date: /^\d{4}-\d{2}-\d{2}$/.test(r.date) ? r.date : null,
    scope: r.city_or_scope,
    type: r.type,
    fact: r.fact,
    sourceId: book.ref('laju', {
      title: 'Laju Digital (Facebook Indonesia, 2018)',
      org: 'news report',
      url: r.source_url,
      year: 2018,
      note: '',
    }),
  }));
  const cities = rows.filter(({ value: r }) => r.type === 'event' || r.type === 'planned city');
  return { facts, cities };
}
