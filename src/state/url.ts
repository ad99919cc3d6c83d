/**
 * The URL codec: every piece of user intent as short, readable query parameters, versioned (`v=1`).
 *
 * `encode` and `decode` are pure. `decode` validates each parameter on its own (zod), so a hand-edited or garbled
 * link loses only its broken parts: each is reported in `dropped` with a reason code and the rest applies.
 * Values equal to the app's defaults are left out to keep links short; hubs (`h`) are always written, because
 * "no `h`" means "keep the campaign's hubs" while `h=` means "no hubs".
 *
 * | param | meaning | example |
 * |---|---|---|
 * | v | codec version | 1 |
 * | lon, lat, zoom | camera | 117.25, -2.5, 4.3 |
 * | metric, year, scheme, classes, palette | choropleth | internet_use_bps, 2023, jenks, 5, viridis |
 * | h | hubs: name~lat~lon~status[~date], joined by `_` (status h/p/a) | Gorontalo~0.5375~123.0625~h~2018-09-13 |
 * | radius, island, sea, decay | catchment rule | 50, 1, 10, 0.5 |
 * | offline, exp, cover, msme | demand formula | 1, 1.5, 1, 0 |
 * | region, minpop, polys, exclude, k | candidate filter and plan size | east, 50000, 3.7, 1, 10 |
 * | sel, panel | selected polygon, open side panel | 12, detail |
 * | divide, group, lang | east–west divide, grouping, language | 1, kti17, id |
 * | preset | planner preset (always written; its absence marks a link from before presets) | east3t |
 * | cross, pw, kinds | sea crossings to `any`/`smaller` islands, 3T priority weight, host kinds | smaller, 2, k.s.c |
 * | rate, run, insp | participation rate (0–1), result to compute on open, inspected place id | 0.02, plan, 1642 |
 * | must, excl | constraints: place ids that must be stops / may not be | 1642.1650, 2046 |
 * | one, mineast | constraints: at most one stop per province, smallest share of eastern stops | 1, 0.5 |
 *
 * A link with `v` but without `preset` was written before presets: its absent rule, demand and filter parameters
 * mean the defaults of that time ({@link LEGACY_DEFAULTS}: 50 km, crossings up to 10 km to any island, every
 * region, no weights), not today's.
 */
import { z } from 'zod';
import { MAX_CLASSES, MIN_CLASSES, SCHEMES, type Scheme } from '../domain/classify';
import type { CrossTo } from '../domain/catchment';
import { MAX_PRIORITY_FACTOR, type DemandSettings } from '../domain/demand';
import type { PlannerConstraints } from '../domain/planner/constraints';
import { PLACE_KINDS, type PlaceKind } from '../domain/planner/fields';
import { PRESET_IDS, type PresetId } from '../domain/planner/presets';
import type { JobKind } from './slices/results';
import { METRICS, type ChoroplethMetric } from '../domain/metrics';
import type { CandidateFilter, Region } from '../domain/optimizer/candidates';
import {
  initialScenario,
  RADIUS_MAX_KM,
  RADIUS_MIN_KM,
  SEA_CROSSING_MAX_KM,
  type Hub,
  type HubStatus,
  type RuleState,
} from './slices/scenario';
import type { Panel } from './slices/selection';
import { initialSelection } from './slices/selection';
import { initialSimulation, MIN_POP_MAX } from './slices/simulation';
import { initialView, type Camera, type Grouping, type PaletteId } from './slices/view';

/** The version this app writes. Older links are migrated one step at a time (see {@link MIGRATIONS}). */
export const URL_VERSION = 1;

export type Language = 'en' | 'id';

/** Everything a link (or a saved scene) carries: user intent only, never computed results. */
export interface UrlState {
  readonly camera: Camera | null;
  readonly metric: ChoroplethMetric;
  readonly year: number | null;
  readonly scheme: Scheme;
  readonly classes: number;
  readonly palette: PaletteId;
  readonly showDivide: boolean;
  readonly grouping: Grouping;
  readonly language: Language;
  readonly hubs: readonly Hub[];
  readonly rule: RuleState;
  readonly demand: DemandSettings;
  readonly filter: CandidateFilter;
  readonly planK: number;
  readonly selected: number | null;
  readonly panel: Panel;
  readonly preset: PresetId;
  readonly participationRate: number | null;
  readonly constraints: PlannerConstraints;
  readonly inspected: number | null;
  readonly lastRun: JobKind | null;
}

/** Why a parameter was ignored; the UI turns the code into words (`briefing.reason.*`). */
export type DropReason =
  | 'notNumber'
  | 'notInteger'
  | 'outOfRange'
  | 'unknownValue'
  | 'badFormat'
  | 'badLength'
  | 'badEscapes'
  | 'badIdList'
  | 'incomplete'
  | 'tooMany'
  | 'noSuchProvince'
  | 'noSuchDate'
  | 'noDataYear'
  | 'unsupportedVersion'
  | 'newerVersion';

/** A field of a hub in the `h` parameter (`briefing.part.field.*`). */
export type HubField = 'name' | 'latitude' | 'longitude' | 'status' | 'date';

/** Which part of a composite value failed: hub 2 of `h`, and its latitude (the UI words it). */
export interface DropPart {
  /** 1-based position of the hub in the list. */
  readonly hub: number;
  readonly field?: HubField;
}

export interface Dropped {
  /** The parameter as written in the link, e.g. `year`. */
  readonly param: string;
  /** Its raw value (shortened for display by the UI). */
  readonly value: string;
  readonly reason: DropReason;
  /**
   * Context for the reason, free of words: the allowed range (`3–9`), values (`0, 1`) or format
   * (`YYYY-MM-DD`), a maximum, or the version the link is read as.
   */
  readonly detail?: string;
  readonly part?: DropPart;
}

export interface Decoded {
  readonly state: Partial<UrlState>;
  readonly dropped: readonly Dropped[];
  /** True when the link carried any setting of this app (so there is something to apply). */
  readonly hasState: boolean;
}

/** One step from version n to n + 1, on the raw parameters. */
export type Migration = (params: URLSearchParams) => URLSearchParams;

/**
 * `MIGRATIONS[n]` turns a version-n link into version n + 1. Version 1 is the first, so there are none yet; when
 * version 2 changes a parameter, add `1: (p) => …` here and a round-trip test of an old link.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export interface DecodeOptions {
  /** Number of boundary polygons; `sel` and `polys` outside it are dropped. */
  readonly polygonCount?: number;
  /** First and last year with data; a `year` outside them is dropped (the map would show another year). */
  readonly years?: { readonly min: number; readonly max: number };
  /** Override for tests of the migration chain. */
  readonly migrations?: Readonly<Record<number, Migration>>;
  readonly currentVersion?: number;
}

/** The parameters this codec owns; anything else in the URL (e.g. `e2e`) is left alone. */
export const URL_KEYS = [
  'v',
  'lon',
  'lat',
  'zoom',
  'metric',
  'year',
  'scheme',
  'classes',
  'palette',
  'h',
  'radius',
  'island',
  'sea',
  'decay',
  'offline',
  'exp',
  'cover',
  'msme',
  'region',
  'minpop',
  'polys',
  'exclude',
  'k',
  'sel',
  'panel',
  'divide',
  'group',
  'lang',
  'preset',
  'cross',
  'pw',
  'kinds',
  'rate',
  'run',
  'insp',
  'must',
  'excl',
  'one',
  'mineast',
] as const;

export const MAX_HUBS = 100;
const PANELS: readonly Panel[] = [
  'none',
  'detail',
  'about',
  'table',
  'compare',
  'gap',
  'simulate',
  'scenes',
  'import',
];
const PALETTES: readonly PaletteId[] = ['blues', 'viridis', 'purples', 'greens'];
const GROUPINGS: readonly Grouping[] = ['se2016', 'kti17'];
const REGIONS: readonly Region[] = ['all', 'east', 'west'];
const LANGUAGES: readonly Language[] = ['en', 'id'];
const CROSS: readonly CrossTo[] = ['any', 'smaller'];
const RUNS: readonly JobKind[] = ['rank', 'plan'];
/** Host kinds in links: k = kota, s = regency seat, c = province capital. */
const KIND_CODE: Record<PlaceKind, string> = { kota: 'k', regencySeat: 's', provinceCapital: 'c' };
/** Keyed by link text, so a `Map`: `constructor` is not a kind. */
const KIND_OF: ReadonlyMap<string, PlaceKind> = new Map([
  ['k', 'kota'],
  ['s', 'regencySeat'],
  ['c', 'provinceCapital'],
]);
/** Most place ids in `must` or `excl`. */
export const MAX_PLACE_IDS = 60;
const STATUS_CODE: Record<HubStatus, string> = { held: 'h', planned: 'p', added: 'a' };
/** Keyed by link text, so a `Map`: `constructor` or `toString` are not statuses. */
const STATUS_OF: ReadonlyMap<string, HubStatus> = new Map([
  ['h', 'held'],
  ['p', 'planned'],
  ['a', 'added'],
  ['held', 'held'],
  ['planned', 'planned'],
  ['added', 'added'],
]);

/** The URL state of the app's defaults (hubs empty: the campaign's hubs come from the dataset). */
export const DEFAULT_URL_STATE: UrlState = {
  camera: null,
  metric: initialView.metric,
  year: initialView.year,
  scheme: initialView.scheme,
  classes: initialView.classes,
  palette: initialView.palette,
  showDivide: initialView.showDivide,
  grouping: initialView.grouping,
  language: initialView.language,
  hubs: [],
  rule: initialScenario.rule,
  demand: initialSimulation.demand,
  filter: initialSimulation.filter,
  planK: initialSimulation.planK,
  selected: initialSelection.selected,
  panel: initialSelection.panel,
  preset: initialSimulation.preset,
  participationRate: initialSimulation.participationRate,
  constraints: initialSimulation.constraints,
  inspected: initialSimulation.inspected,
  lastRun: initialSimulation.lastRun,
};

/**
 * What the planner parameters meant before presets: a link with `v` but no `preset` reads its absent rule,
 * demand and filter parameters as these.
 */
export const LEGACY_DEFAULTS: Pick<UrlState, 'rule' | 'demand' | 'filter' | 'preset'> = {
  rule: { radiusKm: 50, sameIslandOnly: false, seaCrossingKm: 10, decayEdge: 1, crossTo: 'any' },
  demand: { useOffline: true, offlineExponent: 1, useCoverage: true, useMsme: false, priorityFactor: 1 },
  filter: { region: 'all', minPop: 0, polygons: null, excludeExisting: true, kinds: null },
  preset: 'offline',
};

/**
 * Picks the URL state out of the store's state (or any object with the same fields).
 *
 * @example urlStateOf(store.getState()).metric // 'internet_use_bps'
 */
export function urlStateOf(s: UrlState): UrlState {
  return {
    camera: s.camera,
    metric: s.metric,
    year: s.year,
    scheme: s.scheme,
    classes: s.classes,
    palette: s.palette,
    showDivide: s.showDivide,
    grouping: s.grouping,
    language: s.language,
    hubs: s.hubs,
    rule: s.rule,
    demand: s.demand,
    filter: s.filter,
    planK: s.planK,
    selected: s.selected,
    panel: s.panel,
    preset: s.preset,
    participationRate: s.participationRate,
    constraints: s.constraints,
    inspected: s.inspected,
    lastRun: s.lastRun,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Encoding

/** Shortest decimal form with at most `digits` decimals (no trailing zeros, no "-0"). */
export function fixed(x: number, digits: number): string {
  const s = String(Number(x.toFixed(digits)));
  return s === '-0' ? '0' : s;
}

const bit = (b: boolean) => (b ? '1' : '0');

/** `%`, `~` and `_` inside a hub name are escaped so the separators stay unambiguous. */
function escapeName(name: string): string {
  return name.replace(/[%~_]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function encodeHub(h: Hub): string {
  const parts = [escapeName(h.name), fixed(h.lat, 4), fixed(h.lon, 4), STATUS_CODE[h.status]];
  if (h.date) parts.push(h.date);
  return parts.join('~');
}

/**
 * The URL parameters of a state; values equal to the defaults are left out, hubs are always written.
 *
 * @param state The URL state (see {@link urlStateOf}).
 * @returns Parameters in a fixed order, starting with `v`.
 * @example encode({ ...DEFAULT_URL_STATE, metric: 'population' }).toString() // "v=1&metric=population&h="
 */
export function encode(state: UrlState): URLSearchParams {
  const d = DEFAULT_URL_STATE;
  const p = new URLSearchParams();
  const put = (key: (typeof URL_KEYS)[number], value: string, def?: string) => {
    if (value !== def) p.set(key, value);
  };
  put('v', String(URL_VERSION));
  if (state.camera) {
    put('lon', fixed(state.camera.lon, 4));
    put('lat', fixed(state.camera.lat, 4));
    put('zoom', fixed(state.camera.zoom, 2));
  }
  put('metric', state.metric, d.metric);
  if (state.year !== null) put('year', String(state.year));
  put('scheme', state.scheme, d.scheme);
  put('classes', String(state.classes), String(d.classes));
  put('palette', state.palette, d.palette);
  put('h', state.hubs.map(encodeHub).join('_'));
  put('radius', String(state.rule.radiusKm), String(d.rule.radiusKm));
  put('island', bit(state.rule.sameIslandOnly), bit(d.rule.sameIslandOnly));
  put('sea', String(state.rule.seaCrossingKm), String(d.rule.seaCrossingKm));
  put('decay', fixed(state.rule.decayEdge, 3), fixed(d.rule.decayEdge, 3));
  put('cross', state.rule.crossTo, d.rule.crossTo);
  put('offline', bit(state.demand.useOffline), bit(d.demand.useOffline));
  put('exp', fixed(state.demand.offlineExponent, 3), fixed(d.demand.offlineExponent, 3));
  put('cover', bit(state.demand.useCoverage), bit(d.demand.useCoverage));
  put('msme', bit(state.demand.useMsme), bit(d.demand.useMsme));
  put('pw', fixed(state.demand.priorityFactor ?? 1, 2), fixed(d.demand.priorityFactor ?? 1, 2));
  put('region', state.filter.region, d.filter.region);
  put('minpop', String(state.filter.minPop), String(d.filter.minPop));
  if (state.filter.polygons !== null) put('polys', state.filter.polygons.join('.'));
  put('exclude', bit(state.filter.excludeExisting), bit(d.filter.excludeExisting));
  put('kinds', kindsText(state.filter.kinds ?? null), kindsText(d.filter.kinds ?? null));
  put('k', String(state.planK), String(d.planK));
  if (state.selected !== null) put('sel', String(state.selected));
  put('panel', state.panel, d.panel);
  put('divide', bit(state.showDivide), bit(d.showDivide));
  put('group', state.grouping, d.grouping);
  put('lang', state.language, d.language);
  put('preset', state.preset);
  if (state.participationRate !== null) put('rate', fixed(state.participationRate, 4));
  if (state.lastRun !== null) put('run', state.lastRun);
  if (state.inspected !== null) put('insp', String(state.inspected));
  if (state.constraints.mustInclude.length > 0) put('must', state.constraints.mustInclude.join('.'));
  if (state.constraints.excluded.length > 0) put('excl', state.constraints.excluded.join('.'));
  put('one', bit(state.constraints.maxOnePerGroup), bit(d.constraints.maxOnePerGroup));
  put('mineast', fixed(state.constraints.minShareInSet, 3), fixed(d.constraints.minShareInSet, 3));
  return p;
}

/** Host kinds as written in a link: `any`, or codes joined by `.` (e.g. `k.s.c`). */
function kindsText(kinds: readonly PlaceKind[] | null): string {
  return kinds === null
    ? 'any'
    : PLACE_KINDS.filter((k) => kinds.includes(k))
        .map((k) => KIND_CODE[k])
        .join('.');
}

/**
 * Serialises parameters for the address bar: like `URLSearchParams.toString()`, but `~`, `,` and `:` stay
 * readable (they are legal in a query) and spaces become `%20`.
 *
 * @example toQuery(new URLSearchParams({ h: 'Banda Aceh~5.55~95.32~h' })) // "h=Banda%20Aceh~5.55~95.32~h"
 */
export function toQuery(params: URLSearchParams): string {
  const out: string[] = [];
  for (const [k, v] of params) {
    const value = encodeURIComponent(v).replace(/%2C/gi, ',').replace(/%3A/gi, ':');
    out.push(`${encodeURIComponent(k)}=${value}`);
  }
  return out.join('&');
}

// ---------------------------------------------------------------------------------------------------------------
// Decoding

type Failure = { ok: false; reason: DropReason; detail?: string; part?: DropPart };
type Parsed<T> = { ok: true; value: T } | Failure;
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (reason: DropReason, detail?: string, part?: DropPart): Failure => ({
  ok: false,
  reason,
  ...(detail === undefined ? {} : { detail }),
  ...(part === undefined ? {} : { part }),
});

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A number parser built on zod: text → finite number → integer? → range. */
function numberIn(min: number, max: number, integer = false) {
  const schema = integer ? z.number().int().min(min).max(max) : z.number().min(min).max(max);
  const range = `${min}–${max}`;
  return (raw: string): Parsed<number> => {
    const text = raw.trim();
    if (!NUMBER_TEXT.test(text)) return fail('notNumber');
    // `+ 0` turns `-0` into 0 (JSON, and so a saved scene, would not keep the sign).
    const n = Number(text) + 0;
    // `1e400` is a number too big for the page, not a fraction.
    if (!Number.isFinite(n)) return fail('outOfRange', range);
    const r = schema.safeParse(n);
    if (r.success) return ok(r.data);
    const issue = r.error.issues[0];
    if (issue?.code === 'too_big' || issue?.code === 'too_small') return fail('outOfRange', range);
    return fail('notInteger');
  };
}

function oneOf<T extends string>(values: readonly T[]) {
  const schema = z.enum(values as unknown as [T, ...T[]]);
  return (raw: string): Parsed<T> => {
    const r = schema.safeParse(raw.trim());
    return r.success ? ok(r.data) : fail('unknownValue', values.join(', '));
  };
}

const BOOL: ReadonlyMap<string, boolean> = new Map([
  ['1', true],
  ['0', false],
  ['true', true],
  ['false', false],
  ['yes', true],
  ['no', false],
]);
function boolean(raw: string): Parsed<boolean> {
  const v = BOOL.get(raw.trim().toLowerCase());
  return v === undefined ? fail('unknownValue', '0, 1') : ok(v);
}

/**
 * True for a real day of the Gregorian calendar written `YYYY-MM-DD` (`2023-02-31` and `9999-99-99` are not:
 * `Date` would roll them over into other days).
 *
 * @example isCalendarDate('2024-02-29') // true
 */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

const hubSchema = z.object({
  name: z.string().trim().min(1).max(120),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  status: z.enum(['held', 'planned', 'added']),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine(isCalendarDate, { message: 'noSuchDate' })
    .nullable(),
});

const HUB_FIELD: Readonly<Record<string, HubField>> = {
  name: 'name',
  lat: 'latitude',
  lon: 'longitude',
  status: 'status',
  date: 'date',
};

/** One hub from `name~lat~lon~status[~date]`; `index` (1-based) names it in the reason. */
export function decodeHub(raw: string, index: number): Parsed<Omit<Hub, 'id'>> {
  const at = (field?: HubField): DropPart => (field ? { hub: index, field } : { hub: index });
  const parts = raw.split('~');
  if (parts.length < 4 || parts.length > 5) return fail('badFormat', 'name~lat~lon~status[~date]', at());
  const [nameRaw = '', latRaw = '', lonRaw = '', statusRaw = '', dateRaw = ''] = parts;
  let name: string;
  try {
    name = decodeURIComponent(nameRaw);
  } catch {
    return fail('badEscapes', undefined, at('name'));
  }
  const lat = numberIn(-90, 90)(latRaw);
  if (!lat.ok) return fail(lat.reason, lat.detail, at('latitude'));
  const lon = numberIn(-180, 180)(lonRaw);
  if (!lon.ok) return fail(lon.reason, lon.detail, at('longitude'));
  const status = STATUS_OF.get(statusRaw.trim().toLowerCase());
  if (!status) return fail('unknownValue', 'h, p, a', at('status'));
  if (/^\d{4}-\d{2}-\d{2}$/.test(dateRaw) && !isCalendarDate(dateRaw))
    return fail('noSuchDate', dateRaw, at('date'));
  const r = hubSchema.safeParse({
    name,
    lat: lat.value,
    lon: lon.value,
    status,
    date: dateRaw === '' ? null : dateRaw,
  });
  if (!r.success) {
    const field = HUB_FIELD[String(r.error.issues[0]?.path[0])];
    if (field === 'name') return fail('badLength', '1–120', at('name'));
    return fail('badFormat', field === 'date' ? 'YYYY-MM-DD' : 'name~lat~lon~status[~date]', at(field));
  }
  return ok(r.data);
}

/**
 * Runs the migration chain from `from` up to `to`.
 *
 * @returns The migrated parameters, or null when a step is missing.
 * @example migrate(params, 1, 1, MIGRATIONS) // params unchanged
 */
export function migrate(
  params: URLSearchParams,
  from: number,
  to: number,
  migrations: Readonly<Record<number, Migration>>,
): URLSearchParams | null {
  let p = new URLSearchParams(params);
  for (let n = from; n < to; n++) {
    const step = migrations[n];
    if (!step) return null;
    p = step(p);
  }
  return p;
}

/**
 * Reads a link's parameters. Each parameter is checked on its own; a bad one is reported in `dropped` and the
 * others still apply. Parameters this codec does not own are ignored.
 *
 * @param input The query (`location.search`) or its parameters.
 * @param options Polygon count for `sel`/`polys`; migrations (tests).
 * @example decode('?v=1&metric=population&year=abc').dropped // [{ param: 'year', value: 'abc', reason: 'notNumber' }]
 */
export function decode(input: URLSearchParams | string, options: DecodeOptions = {}): Decoded {
  const current = options.currentVersion ?? URL_VERSION;
  let params = typeof input === 'string' ? new URLSearchParams(input) : new URLSearchParams(input);
  const hasState = URL_KEYS.some((k) => params.has(k));
  const dropped: Dropped[] = [];
  const state: { -readonly [K in keyof UrlState]?: UrlState[K] } = {};
  if (!hasState) return { state, dropped, hasState };
  const drop = (param: string, value: string, reason: DropReason, detail?: string, part?: DropPart) =>
    dropped.push({
      param,
      value,
      reason,
      ...(detail === undefined ? {} : { detail }),
      ...(part === undefined ? {} : { part }),
    });

  // Version: a link without `v` is read as the current version (hand-written links).
  const vRaw = params.get('v');
  let version = current;
  if (vRaw !== null) {
    const v = numberIn(1, Number.MAX_SAFE_INTEGER, true)(vRaw);
    // The detail is the version the link is read as.
    if (!v.ok) drop('v', vRaw, v.reason === 'outOfRange' ? 'unsupportedVersion' : v.reason, String(current));
    else if (v.value > current) drop('v', vRaw, 'newerVersion', String(current));
    else version = v.value;
  }
  if (version < current) {
    const migrated = migrate(params, version, current, options.migrations ?? MIGRATIONS);
    if (migrated) params = migrated;
    else drop('v', vRaw ?? '', 'unsupportedVersion', String(current));
  }

  const get = (key: string) => {
    const all = params.getAll(key);
    return all.length === 0 ? null : all[all.length - 1]!;
  };
  /** Parses `key` with `parse`; records a drop and returns undefined when it fails. */
  const read = <T>(key: string, parse: (raw: string) => Parsed<T>): T | undefined => {
    const raw = get(key);
    if (raw === null) return undefined;
    const r = parse(raw);
    if (r.ok) return r.value;
    drop(key, raw, r.reason, r.detail);
    return undefined;
  };

  // Camera: all three or nothing; a valid part without the others is reported too.
  const camera = {
    lon: read('lon', numberIn(-180, 180)),
    lat: read('lat', numberIn(-85, 85)),
    zoom: read('zoom', numberIn(0, 22)),
  };
  if (camera.lon !== undefined && camera.lat !== undefined && camera.zoom !== undefined)
    state.camera = { lon: camera.lon, lat: camera.lat, zoom: camera.zoom };
  else
    for (const k of ['lon', 'lat', 'zoom'] as const)
      if (camera[k] !== undefined) drop(k, get(k)!, 'incomplete');

  const set = <K extends keyof UrlState>(key: K, value: UrlState[K] | undefined) => {
    if (value !== undefined) state[key] = value;
  };
  set('metric', read('metric', oneOf(METRICS.map((m) => m.id))));
  set(
    'year',
    read('year', (raw) => {
      const r = numberIn(1900, 2100, true)(raw);
      const years = options.years;
      if (r.ok && years && (r.value < years.min || r.value > years.max))
        return fail('noDataYear', `${years.min}–${years.max}`);
      return r;
    }),
  );
  set('scheme', read('scheme', oneOf(SCHEMES)));
  set('classes', read('classes', numberIn(MIN_CLASSES, MAX_CLASSES, true)));
  set('palette', read('palette', oneOf(PALETTES)));
  set('showDivide', read('divide', boolean));
  set('grouping', read('group', oneOf(GROUPINGS)));
  set('language', read('lang', oneOf(LANGUAGES)));

  const hubsRaw = get('h');
  if (hubsRaw !== null) {
    const pieces = hubsRaw === '' ? [] : hubsRaw.split('_');
    const hubs: Hub[] = [];
    pieces.forEach((piece, i) => {
      if (i >= MAX_HUBS) {
        if (i === MAX_HUBS) drop('h', `+${pieces.length - MAX_HUBS}`, 'tooMany', String(MAX_HUBS));
        return;
      }
      const r = decodeHub(piece, i + 1);
      if (r.ok) hubs.push({ ...r.value, id: `hub-${hubs.length + 1}` });
      else drop('h', piece, r.reason, r.detail, r.part);
    });
    // A list whose every hub is broken is no list: keep the current hubs.
    if (hubs.length > 0 || pieces.length === 0) state.hubs = hubs;
  }

  // An encoded link (it has `v`) omits values equal to the defaults, so its absent planner parameters are those
  // defaults; one without `preset` predates presets and means the defaults of that time.
  const encoded = vRaw !== null;
  const base = encoded && !params.has('preset') ? LEGACY_DEFAULTS : DEFAULT_URL_STATE;
  const radiusKm = read('radius', numberIn(RADIUS_MIN_KM, RADIUS_MAX_KM, true));
  const sameIslandOnly = read('island', boolean);
  const seaCrossingKm = read('sea', numberIn(0, SEA_CROSSING_MAX_KM, true));
  const decayEdge = read('decay', numberIn(0, 1));
  const crossTo = read('cross', oneOf(CROSS));
  if (encoded || [radiusKm, sameIslandOnly, seaCrossingKm, decayEdge, crossTo].some((x) => x !== undefined))
    state.rule = {
      radiusKm: radiusKm ?? base.rule.radiusKm,
      sameIslandOnly: sameIslandOnly ?? base.rule.sameIslandOnly,
      seaCrossingKm: seaCrossingKm ?? base.rule.seaCrossingKm,
      decayEdge: decayEdge ?? base.rule.decayEdge,
      crossTo: crossTo ?? base.rule.crossTo,
    };

  const useOffline = read('offline', boolean);
  const offlineExponent = read('exp', numberIn(0, 3));
  const useCoverage = read('cover', boolean);
  const useMsme = read('msme', boolean);
  const priorityFactor = read('pw', numberIn(1, MAX_PRIORITY_FACTOR));
  if (
    encoded ||
    [useOffline, offlineExponent, useCoverage, useMsme, priorityFactor].some((x) => x !== undefined)
  )
    state.demand = {
      useOffline: useOffline ?? base.demand.useOffline,
      offlineExponent: offlineExponent ?? base.demand.offlineExponent,
      useCoverage: useCoverage ?? base.demand.useCoverage,
      useMsme: useMsme ?? base.demand.useMsme,
      priorityFactor: priorityFactor ?? base.demand.priorityFactor ?? 1,
    };

  const maxPolygon = (options.polygonCount ?? 256) - 1;
  const region = read('region', oneOf(REGIONS));
  const minPop = read('minpop', numberIn(0, MIN_POP_MAX, true));
  const polygons = read('polys', (raw): Parsed<number[]> => {
    if (raw.trim() === '') return ok([]);
    const ids: number[] = [];
    for (const piece of raw.split('.')) {
      const r = numberIn(0, 255, true)(piece);
      if (!r.ok) return fail('badIdList', `0–${maxPolygon}`);
      if (r.value > maxPolygon) return fail('noSuchProvince', `0–${maxPolygon}`);
      if (!ids.includes(r.value)) ids.push(r.value);
    }
    return ok(ids.sort((a, b) => a - b));
  });
  const excludeExisting = read('exclude', boolean);
  const kinds = read('kinds', (raw): Parsed<PlaceKind[] | null> => {
    const text = raw.trim();
    if (text === 'any') return ok(null);
    const out: PlaceKind[] = [];
    for (const code of text === '' ? [] : text.split('.')) {
      const kind = KIND_OF.get(code);
      if (!kind) return fail('unknownValue', 'any, k, s, c');
      if (!out.includes(kind)) out.push(kind);
    }
    return ok(PLACE_KINDS.filter((k) => out.includes(k)));
  });
  if (encoded || [region, minPop, polygons, excludeExisting, kinds].some((x) => x !== undefined))
    state.filter = {
      region: region ?? base.filter.region,
      minPop: minPop ?? base.filter.minPop,
      polygons: polygons ?? base.filter.polygons,
      excludeExisting: excludeExisting ?? base.filter.excludeExisting,
      kinds: kinds !== undefined ? kinds : (base.filter.kinds ?? null),
    };
  set('planK', read('k', numberIn(1, 30, true)));
  const preset = read('preset', oneOf(PRESET_IDS));
  if (preset !== undefined || encoded) state.preset = preset ?? base.preset;
  const rate = read('rate', numberIn(0, 1));
  if (rate !== undefined || encoded) state.participationRate = rate ?? null;
  const run = read('run', oneOf(RUNS));
  if (run !== undefined || encoded) state.lastRun = run ?? null;
  const placeId = numberIn(0, Number.MAX_SAFE_INTEGER, true);
  const inspected = read('insp', placeId);
  if (inspected !== undefined || encoded) state.inspected = inspected ?? null;
  const idList = (raw: string): Parsed<number[]> => {
    if (raw.trim() === '') return ok([]);
    const ids: number[] = [];
    for (const piece of raw.split('.')) {
      const r = placeId(piece);
      if (!r.ok) return fail('badIdList', 'id.id.id');
      if (!ids.includes(r.value)) ids.push(r.value);
    }
    return ids.length > MAX_PLACE_IDS ? fail('tooMany', String(MAX_PLACE_IDS)) : ok(ids);
  };
  const mustInclude = read('must', idList);
  const excluded = read('excl', idList);
  const maxOnePerGroup = read('one', boolean);
  const minShareInSet = read('mineast', numberIn(0, 1));
  if (encoded || [mustInclude, excluded, maxOnePerGroup, minShareInSet].some((x) => x !== undefined))
    state.constraints = {
      mustInclude: mustInclude ?? [],
      excluded: excluded ?? [],
      maxOnePerGroup: maxOnePerGroup ?? false,
      minShareInSet: minShareInSet ?? 0,
    };

  set(
    'selected',
    read('sel', (raw) => {
      const r = numberIn(0, 255, true)(raw);
      if (r.ok && r.value > maxPolygon) return fail('noSuchProvince', `0–${maxPolygon}`);
      return r;
    }),
  );
  set('panel', read('panel', oneOf(PANELS)));
  return { state, dropped, hasState };
}

/**
 * Hubs with distinct ids: a repeated id (a hand-edited scene file) gets a new one, so removing one hub never
 * removes another.
 *
 * @example uniqueHubIds([{ id: 'a', … }, { id: 'a', … }]).map((h) => h.id) // ['a', 'a-2']
 */
export function uniqueHubIds<H extends { readonly id: string }>(hubs: readonly H[]): H[] {
  const seen = new Set(hubs.map((h) => h.id));
  const used = new Set<string>();
  return hubs.map((h) => {
    if (!used.has(h.id)) {
      used.add(h.id);
      return h;
    }
    const base = h.id.slice(0, 70);
    let n = 2;
    while (seen.has(`${base}-${n}`) || used.has(`${base}-${n}`)) n++;
    const id = `${base}-${n}`;
    used.add(id);
    return { ...h, id };
  });
}

/**
 * Schema of a whole URL state object (saved scenes, imported scene files). Reuses the limits of the codec.
 */
export const urlStateSchema = z.object({
  camera: z
    .object({
      lon: z.number().min(-180).max(180),
      lat: z.number().min(-85).max(85),
      zoom: z.number().min(0).max(22),
    })
    .nullable(),
  metric: z.enum(METRICS.map((m) => m.id) as [ChoroplethMetric, ...ChoroplethMetric[]]),
  year: z.number().int().min(1900).max(2100).nullable(),
  scheme: z.enum(SCHEMES as [Scheme, ...Scheme[]]),
  classes: z.number().int().min(MIN_CLASSES).max(MAX_CLASSES),
  palette: z.enum(PALETTES as [PaletteId, ...PaletteId[]]),
  showDivide: z.boolean(),
  grouping: z.enum(GROUPINGS as [Grouping, ...Grouping[]]),
  language: z.enum(LANGUAGES as [Language, ...Language[]]),
  hubs: z
    .array(hubSchema.extend({ id: z.string().min(1).max(80) }))
    .max(MAX_HUBS)
    .transform(uniqueHubIds),
  rule: z.object({
    radiusKm: z.number().int().min(RADIUS_MIN_KM).max(RADIUS_MAX_KM),
    sameIslandOnly: z.boolean(),
    seaCrossingKm: z.number().int().min(0).max(SEA_CROSSING_MAX_KM),
    decayEdge: z.number().min(0).max(1),
    // Scenes saved before the option reached any island within the crossing.
    crossTo: z.enum(CROSS as [CrossTo, ...CrossTo[]]).default('any'),
  }),
  demand: z.object({
    useOffline: z.boolean(),
    offlineExponent: z.number().min(0).max(3),
    useCoverage: z.boolean(),
    useMsme: z.boolean(),
    priorityFactor: z.number().min(1).max(MAX_PRIORITY_FACTOR).default(1),
  }),
  filter: z.object({
    region: z.enum(REGIONS as [Region, ...Region[]]),
    minPop: z.number().int().min(0).max(MIN_POP_MAX),
    polygons: z.array(z.number().int().min(0).max(255)).nullable(),
    excludeExisting: z.boolean(),
    kinds: z
      .array(z.enum(PLACE_KINDS as [PlaceKind, ...PlaceKind[]]))
      .nullable()
      .default(null),
  }),
  planK: z.number().int().min(1).max(30),
  selected: z.number().int().min(0).max(255).nullable(),
  panel: z.enum(PANELS as [Panel, ...Panel[]]),
  // Scenes saved before presets: today's model ("All offline people").
  preset: z.enum(PRESET_IDS as [PresetId, ...PresetId[]]).default('offline'),
  participationRate: z.number().min(0).max(1).nullable().default(null),
  constraints: z
    .object({
      mustInclude: z.array(z.number().int().min(0)).max(MAX_PLACE_IDS),
      excluded: z.array(z.number().int().min(0)).max(MAX_PLACE_IDS),
      maxOnePerGroup: z.boolean(),
      minShareInSet: z.number().min(0).max(1),
    })
    .default({ mustInclude: [], excluded: [], maxOnePerGroup: false, minShareInSet: 0 }),
  inspected: z.number().int().min(0).nullable().default(null),
  lastRun: z
    .enum(RUNS as [JobKind, ...JobKind[]])
    .nullable()
    .default(null),
});

/** The store fields a URL state sets (the subset of the store that `urlPatch` writes). */
export type UrlPatch = { -readonly [K in Exclude<keyof UrlState, 'camera'>]?: UrlState[K] } & {
  camera?: Camera | null;
  cameraOrigin?: 'app';
  addHubArmed?: false;
};

/**
 * The store update that applies a (partial) URL state: only the fields present change. A camera is tagged with
 * origin 'app' so the map flies there; an open "detail" panel without a selected province is closed.
 *
 * @param current The store's current selection (to check the detail panel against).
 * @param next The decoded link or a saved scene's state.
 * @example store.setState(urlPatch(store.getState(), decode(location.search).state))
 */
export function urlPatch(current: Pick<UrlState, 'selected'>, next: Partial<UrlState>): UrlPatch {
  const patch: UrlPatch = {};
  for (const key of Object.keys(DEFAULT_URL_STATE) as (keyof UrlState)[]) {
    if (key === 'camera') continue;
    if (next[key] !== undefined) (patch as Record<string, unknown>)[key] = next[key];
  }
  if (next.camera) {
    patch.camera = next.camera;
    patch.cameraOrigin = 'app';
  }
  if (next.hubs) patch.addHubArmed = false;
  const selected = next.selected !== undefined ? next.selected : current.selected;
  if (patch.panel === 'detail' && selected === null) patch.panel = 'none';
  return patch;
}
