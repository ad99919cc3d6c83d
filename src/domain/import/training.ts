/**
 * Training records from a CSV: where (a city of the gazetteer, or latitude/longitude), when, how
 * many people (and optionally MSMEs) were trained. Records at the same place become one held hub; hubs feed
 * the training-coverage metric like the campaign's own stops.
 */
import type { PlacesFile, ProvinceRecord } from '../types';
import { columnByHeader, guessProvinceColumn, HEADERS } from './columns';
import type { CsvTable } from './csv';
import { parseDate } from './dates';
import { clip, suggestName, type IssueLog } from './issues';
import { columnMark, parseNumber } from './numbers';
import type { ProvinceMatcher } from './provinces';
import { closest, normalise } from './text';
import { own } from './own';

export interface TrainingOptions {
  readonly cityColumn: string | null;
  readonly latColumn: string | null;
  readonly lonColumn: string | null;
  /** Optional: narrows a city name shared by several places. */
  readonly provinceColumn: string | null;
  readonly dateColumn: string | null;
  readonly participantsColumn: string | null;
  readonly msmeColumn: string | null;
}

/** One place where training was held, from one or more rows. */
export interface TrainingHub {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  /** Latest ISO date of its records (null when none has a date). */
  readonly date: string | null;
  readonly participants: number;
  /** Null when no record of this place gives a number. */
  readonly msmes: number | null;
  /** Spreadsheet rows that made this hub. */
  readonly rows: readonly number[];
  /** How the place was found. */
  readonly located: 'city' | 'coordinates';
}

export interface TrainingResult {
  readonly kind: 'training';
  readonly options: TrainingOptions;
  readonly columns: readonly string[];
  readonly hubs: readonly TrainingHub[];
  readonly counts: {
    readonly rows: number;
    readonly matchedRows: number;
    readonly unmatchedRows: number;
    readonly invalid: number;
  };
  readonly participants: number;
  readonly msmes: number | null;
}

/** More places than this in one file would be a different kind of file (and too many catchments to draw). */
export const MAX_TRAINING_HUBS = 1000;

/** Bounding box of Indonesia with a margin, for catching swapped or projected coordinates. */
const INDONESIA = { minLat: -12, maxLat: 7, minLon: 94, maxLon: 142 } as const;
const inIndonesia = (lat: number, lon: number) =>
  lat >= INDONESIA.minLat && lat <= INDONESIA.maxLat && lon >= INDONESIA.minLon && lon <= INDONESIA.maxLon;

const CITY_PREFIX = /^(kota administrasi|kota adm|kota|kabupaten|kab|city of|regency of)\s+/;
const CITY_SUFFIX = /\s+(city|regency|town)$/;
const CITY_REWRITES: Readonly<Record<string, string>> = {
  jogja: 'yogyakarta',
  jogjakarta: 'yogyakarta',
  jogyakarta: 'yogyakarta',
};

/**
 * Key a city is compared by: normalised, without "Kota"/"Kabupaten"/"City" around it, without spaces.
 * @example cityKey('Kota  Makassar') // 'makassar'
 */
export function cityKey(raw: string): string {
  const s = normalise(raw)
    .split(' ')
    .map((w) => own(CITY_REWRITES, w) ?? w)
    .join(' ');
  return s.replace(CITY_PREFIX, '').replace(CITY_SUFFIX, '').replace(/ /g, '');
}

/** Gazetteer lookup by exact normalised name, then by name without "Kota"/"City". */
export interface Gazetteer {
  /** Place indexes with this name, most populous first. */
  find(raw: string): number[];
  suggest(raw: string): string | null;
}

/**
 * @param places the gazetteer (`dataset.places`)
 * @example createGazetteer(places).find('Kota Makassar') // [index of Makassar]
 */
export function createGazetteer(places: Pick<PlacesFile, 'name' | 'pop'>): Gazetteer {
  const exact = new Map<string, number[]>();
  const loose = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, k: string, i: number) => {
    if (k === '') return;
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  };
  places.name.forEach((n, i) => {
    push(exact, normalise(n).replace(/ /g, ''), i);
    push(loose, cityKey(n), i);
  });
  const byPop = (a: number, b: number) => (places.pop[b] ?? 0) - (places.pop[a] ?? 0);
  for (const list of [...exact.values(), ...loose.values()]) list.sort(byPop);
  const keys: [string, string][] = [...loose.keys()].map((k) => [k, places.name[loose.get(k)![0]!]!]);
  const cache = new Map<string, string | null>();
  return {
    find(raw) {
      return exact.get(normalise(raw).replace(/ /g, '')) ?? loose.get(cityKey(raw)) ?? [];
    },
    suggest(raw) {
      const k = cityKey(raw);
      if (!cache.has(k)) cache.set(k, closest(k, keys)?.label ?? null);
      return cache.get(k) ?? null;
    },
  };
}

/**
 * Fills the options the user has not set with guesses from the header.
 * @example guessTrainingOptions(table, matcher, {})
 */
export function guessTrainingOptions(
  table: CsvTable,
  matcher: ProvinceMatcher,
  given: Partial<TrainingOptions>,
): TrainingOptions {
  const used = new Set<number>();
  const pick = (key: keyof TrainingOptions, re: RegExp): string | null => {
    const g = given[key];
    if (g !== undefined) return g;
    const i = columnByHeader(table, re, used);
    if (i === null) return null;
    used.add(i);
    return table.header[i]!;
  };
  const lat = pick('latColumn', HEADERS.lat);
  const lon = pick('lonColumn', HEADERS.lon);
  const date = pick('dateColumn', HEADERS.date);
  const participants = pick('participantsColumn', HEADERS.participants);
  const msme = pick('msmeColumn', HEADERS.msmes);
  let province: string | null = given.provinceColumn ?? null;
  if (given.provinceColumn === undefined) {
    const byHeader = columnByHeader(table, HEADERS.province, used);
    const i =
      byHeader ??
      guessProvinceColumn({ ...table, header: table.header.map((h, j) => (used.has(j) ? '' : h)) }, matcher);
    if (i !== null && !used.has(i)) {
      used.add(i);
      province = table.header[i]!;
    }
  }
  const city = pick('cityColumn', HEADERS.city);
  return {
    cityColumn: city,
    latColumn: lat,
    lonColumn: lon,
    provinceColumn: province,
    dateColumn: date,
    participantsColumn: participants,
    msmeColumn: msme,
  };
}

/**
 * Reads training records into hubs (one per place), reporting every row not taken.
 * @param table the parsed CSV
 * @param options complete options
 * @param places the gazetteer
 * @param provinces the 38 provinces (to narrow city names by a province column)
 * @param matcher province matcher
 * @param log where problems go
 * @example analyseTraining(table, options, places, provinces, matcher, log).hubs
 */
export function analyseTraining(
  table: CsvTable,
  options: TrainingOptions,
  places: Pick<PlacesFile, 'name' | 'lat' | 'lon' | 'pop' | 'polygon'>,
  provinces: readonly ProvinceRecord[],
  matcher: ProvinceMatcher,
  log: IssueLog,
): TrainingResult {
  const h = table.header;
  const idx = (name: string | null) => (name === null ? -1 : h.indexOf(name));
  const cityIdx = idx(options.cityColumn);
  const latIdx = idx(options.latColumn);
  const lonIdx = idx(options.lonColumn);
  const provIdx = idx(options.provinceColumn);
  const dateIdx = idx(options.dateColumn);
  const partIdx = idx(options.participantsColumn);
  const msmeIdx = idx(options.msmeColumn);
  const counts = { rows: table.rows.length, matchedRows: 0, unmatchedRows: 0, invalid: 0 };
  const result = {
    kind: 'training' as const,
    options,
    columns: h,
    hubs: [] as TrainingHub[],
    counts,
    participants: 0,
    msmes: msmeIdx >= 0 ? 0 : null,
  };
  const coords = latIdx >= 0 && lonIdx >= 0;
  if (cityIdx < 0 && !coords) {
    log.row(1, undefined, { code: 'noPlaceColumn' }, { blocking: true });
    return result;
  }
  if (partIdx < 0) {
    log.row(1, undefined, { code: 'noParticipantsColumn' }, { blocking: true });
    return result;
  }
  const gazetteer = createGazetteer(places);
  const polygonOf = new Map(provinces.map((p) => [p.bps, p.polygonId as number]));
  const mark = (col: number) => (col < 0 ? null : columnMark(table.rows.map((r) => r[col] ?? '')));
  const latMark = mark(latIdx);
  const lonMark = mark(lonIdx);
  const partMark = mark(partIdx);
  const msmeMark = mark(msmeIdx);

  interface Acc {
    name: string;
    lat: number;
    lon: number;
    date: string | null;
    participants: number;
    msmes: number | null;
    rows: number[];
    located: 'city' | 'coordinates';
  }
  const hubs = new Map<string, Acc>();

  const count = (
    i: number,
    col: number,
    row: number,
    markOf: ReturnType<typeof mark>,
    required: boolean,
  ): number | null | undefined => {
    const cell = table.rows[i]![col] ?? '';
    const n = parseNumber(cell, markOf, 'count');
    if (n.type === 'empty') {
      if (required) log.row(row, h[col], { code: 'numberMissing' }, { value: '' });
      return required ? undefined : null;
    }
    if (n.type === 'invalid' || !Number.isInteger(n.value) || n.value < 0) {
      log.row(row, h[col], n.type === 'invalid' ? n.reason : { code: 'notWholeNumber' }, {
        value: clip(cell),
      });
      return undefined;
    }
    return n.value;
  };

  for (let i = 0; i < table.rows.length; i++) {
    const r = table.rows[i]!;
    const row = table.rowNumbers[i]!;
    if (r.every((c) => c.trim() === '')) continue;
    let where: { name: string; lat: number; lon: number; located: 'city' | 'coordinates' };
    const city = cityIdx >= 0 ? (r[cityIdx] ?? '').trim() : '';
    const latRaw = coords ? (r[latIdx] ?? '').trim() : '';
    const lonRaw = coords ? (r[lonIdx] ?? '').trim() : '';
    if (coords && (latRaw !== '' || lonRaw !== '')) {
      const lat = parseNumber(latRaw, latMark, 'percent');
      const lon = parseNumber(lonRaw, lonMark, 'percent');
      if (lat.type !== 'number' || lon.type !== 'number') {
        counts.unmatchedRows++;
        const bad = lat.type !== 'number' ? latIdx : lonIdx;
        log.row(row, h[bad], { code: 'latLonNotNumbers' }, { value: clip(r[bad] ?? '') });
        continue;
      }
      if (!inIndonesia(lat.value, lon.value)) {
        counts.unmatchedRows++;
        const swapped = inIndonesia(lon.value, lat.value);
        log.row(
          row,
          h[latIdx],
          { code: 'notInIndonesia', params: { lat: lat.value, lon: lon.value } },
          {
            value: clip(`${latRaw}, ${lonRaw}`),
            ...(swapped ? { suggestion: { code: 'swapLatLon' } } : {}),
          },
        );
        continue;
      }
      where = {
        name: city || `${lat.value.toFixed(3)}, ${lon.value.toFixed(3)}`,
        lat: lat.value,
        lon: lon.value,
        located: 'coordinates',
      };
    } else if (cityIdx >= 0) {
      if (city === '') {
        counts.unmatchedRows++;
        log.row(row, h[cityIdx], { code: 'emptyCity' }, { value: '' });
        continue;
      }
      let found = gazetteer.find(city);
      let inProvince: string | null = null;
      if (found.length > 1 && provIdx >= 0) {
        const m = matcher.match(r[provIdx] ?? '', null);
        if (m.type === 'matched') {
          const poly = polygonOf.get(m.bps);
          const there = found.filter((p) => places.polygon[p] === poly);
          if (there.length > 0) found = there;
          inProvince = matcher.name(m.bps);
        }
      }
      const first = found[0];
      if (first === undefined) {
        counts.unmatchedRows++;
        log.row(
          row,
          h[cityIdx],
          { code: 'placeNotFound' },
          { value: clip(city), ...suggestName(gazetteer.suggest(city)) },
        );
        continue;
      }
      if (found.length > 1)
        log.row(
          row,
          h[cityIdx],
          inProvince === null
            ? { code: 'manyPlaces', params: { places: found.length, population: places.pop[first] ?? 0 } }
            : {
                code: 'manyPlacesInProvince',
                params: { places: found.length, province: inProvince, population: places.pop[first] ?? 0 },
              },
          { severity: 'warning', value: clip(city) },
        );
      where = {
        name: places.name[first]!,
        lat: places.lat[first]!,
        lon: places.lon[first]!,
        located: 'city',
      };
    } else {
      counts.unmatchedRows++;
      log.row(row, h[latIdx], { code: 'noCoordinates' }, { value: '' });
      continue;
    }
    let date: string | null = null;
    if (dateIdx >= 0) {
      const d = parseDate(r[dateIdx] ?? '');
      if (d.type === 'invalid') {
        counts.invalid++;
        log.row(row, h[dateIdx], d.reason, { value: clip(r[dateIdx] ?? '') });
        continue;
      }
      if (d.type === 'date') {
        date = d.iso;
        if (d.note) log.row(row, h[dateIdx], d.note, { severity: 'warning', value: clip(r[dateIdx] ?? '') });
      }
    }
    const participants = count(i, partIdx, row, partMark, true);
    if (participants === undefined || participants === null) {
      counts.invalid++;
      continue;
    }
    const msmes = msmeIdx >= 0 ? count(i, msmeIdx, row, msmeMark, false) : null;
    if (msmes === undefined) {
      counts.invalid++;
      continue;
    }
    const key = `${where.lat.toFixed(4)},${where.lon.toFixed(4)}`;
    let acc = hubs.get(key);
    if (!acc) {
      if (hubs.size >= MAX_TRAINING_HUBS) {
        log.row(
          row,
          undefined,
          { code: 'tooManyPlaces', params: { max: MAX_TRAINING_HUBS } },
          { blocking: true },
        );
        break;
      }
      acc = { ...where, date: null, participants: 0, msmes: null, rows: [] };
      hubs.set(key, acc);
    }
    acc.participants += participants;
    if (msmes !== null) acc.msmes = (acc.msmes ?? 0) + msmes;
    if (date !== null && (acc.date === null || date > acc.date)) acc.date = date;
    acc.rows.push(row);
    counts.matchedRows++;
    result.participants += participants;
    if (result.msmes !== null && msmes !== null) result.msmes += msmes;
  }
  result.hubs = [...hubs.values()];
  if (counts.rows > 0 && result.hubs.length === 0 && !log.blocking)
    log.row(1, undefined, { code: 'noRowImported' }, { blocking: true });
  return result;
}
