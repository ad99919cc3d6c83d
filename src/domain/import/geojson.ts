/**
 * Reading a boundary file: GeoJSON (a FeatureCollection or one Feature) or TopoJSON (converted with
 * topojson-client), validated with zod. Each feature is checked on its own, so one broken feature is reported
 * by its JSON path (`features[3].geometry.coordinates[0][5]`) and the others are still read.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { z } from 'zod';
import { clip, type IssueLog, type Problem } from './issues';
import { jsonErrorOffset } from './json-error';

// Zod compiles validators with `new Function` unless told not to; the page's Content-Security-Policy forbids
// eval, and even a caught attempt is reported as a violation.
z.config({ jitless: true });

export type Area = Polygon | MultiPolygon;

export interface ParsedFeature {
  /** JSON path of the feature in the file, e.g. `features[3]`. */
  readonly path: string;
  /** Scalar properties as text (numbers as written by JSON, e.g. "91"). */
  readonly properties: Readonly<Record<string, string>>;
  readonly geometry: Area;
}

export interface BoundaryFile {
  readonly format: 'geojson' | 'topojson';
  /** Features with an area geometry that passed validation. */
  readonly features: readonly ParsedFeature[];
  /** Number of features in the file (valid or not). */
  readonly total: number;
  /** Property names with a scalar value in at least one feature, in first-seen order. */
  readonly propertyKeys: readonly string[];
}

// Our own zod messages are problem codes (see reportZod); zod's own stay technical details.
const Position = z
  .array(z.number({ error: 'coordinateNotNumber' satisfies Problem['code'] }))
  .min(2, 'positionTooShort' satisfies Problem['code']);
const Ring = z.array(Position).min(4, 'ringTooShort' satisfies Problem['code']);
const PolygonCoords = z.array(Ring).min(1, 'polygonNoRing' satisfies Problem['code']);
const PolygonSchema = z.object({ type: z.literal('Polygon'), coordinates: PolygonCoords });
const MultiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(PolygonCoords).min(1, 'multiPolygonEmpty' satisfies Problem['code']),
});
const Properties = z.record(z.string(), z.unknown()).nullable().optional();
const FeatureSchema = z.object({ type: z.literal('Feature'), geometry: z.unknown(), properties: Properties });
const CollectionSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });

const TopoPolygon = z.object({
  type: z.literal('Polygon'),
  arcs: z.array(z.array(z.number().int())),
  properties: Properties,
});
const TopoMultiPolygon = z.object({
  type: z.literal('MultiPolygon'),
  arcs: z.array(z.array(z.array(z.number().int()))),
  properties: Properties,
});
const TopologySchema = z.object({
  type: z.literal('Topology'),
  objects: z.record(z.string(), z.object({ type: z.string(), geometries: z.array(z.unknown()).optional() })),
  arcs: z.array(z.array(z.array(z.number()).min(2, 'arcPositionTooShort' satisfies Problem['code']))),
  transform: z
    .object({ scale: z.tuple([z.number(), z.number()]), translate: z.tuple([z.number(), z.number()]) })
    .optional(),
});

const AREA_TYPES = new Set(['Polygon', 'MultiPolygon']);
const OTHER_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'GeometryCollection']);

/** `features[3].geometry.coordinates[0][5]` from a base path and a zod issue path. */
export function jsonPath(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else {
      const key = String(p);
      out += /^[A-Za-z_$][\w$]*$/.test(key) ? `${out ? '.' : ''}${key}` : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/** `path.key`, or `key` at the top level. */
export const sub = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/** Problems of our schemas that need no parameters (their zod message is the code). */
const OWN_CODES = new Set<string>([
  'coordinateNotNumber',
  'positionTooShort',
  'ringTooShort',
  'polygonNoRing',
  'multiPolygonEmpty',
  'arcPositionTooShort',
] satisfies Problem['code'][]);

type ZodContext =
  'notFeatureCollection' | 'notFeature' | 'invalidGeometry' | 'notTopology' | 'invalidTopoGeometry';

/**
 * Reports the first zod issue (the most specific one) at its path: our own schema messages are problem codes;
 * anything zod words itself is kept as a technical detail of `context`.
 */
function reportZod(
  log: IssueLog,
  base: string,
  error: z.ZodError,
  context: ZodContext,
  blocking = false,
): void {
  const issue = error.issues[0];
  if (!issue) return;
  const problem: Problem = OWN_CODES.has(issue.message)
    ? ({ code: issue.message } as Problem)
    : { code: context, params: { detail: issue.message } };
  log.path(jsonPath(base, issue.path), problem, blocking ? { blocking } : {});
}

/** Line and column of a character offset, for JSON syntax errors. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/**
 * Parses JSON text, reporting a syntax error by line and column.
 * @example parseJson('{"a":}', log) // undefined, and log has "line 1, column 6"
 */
export function parseJson(text: string, log: IssueLog): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const offset = jsonErrorOffset(text);
    if (offset < 0) {
      // Valid syntax the engine still refused (e.g. nesting deeper than it allows).
      const detail = e instanceof Error ? e.message : String(e);
      log.text(1, 1, { code: 'jsonRefused', params: { detail } }, { blocking: true });
      return undefined;
    }
    const at = lineColumn(text, offset);
    const problem: Problem =
      offset < text.length
        ? { code: 'jsonUnexpected', params: { found: JSON.stringify(text.slice(offset, offset + 12)) } }
        : { code: 'jsonEndsEarly' };
    log.text(at.line, at.column, problem, { blocking: true });
    return undefined;
  }
}

/** Checks ranges, closes open rings (with a warning), returns null after reporting a problem. */
function checkArea(geometry: Area, base: string, log: IssueLog): Area | null {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const fixed: number[][][][] = [];
  for (let p = 0; p < polys.length; p++) {
    const rings: number[][][] = [];
    for (let r = 0; r < polys[p]!.length; r++) {
      const ring = polys[p]![r]!;
      const at =
        geometry.type === 'Polygon' ? `${base}.coordinates[${r}]` : `${base}.coordinates[${p}][${r}]`;
      for (let k = 0; k < ring.length; k++) {
        const [x = NaN, y = NaN] = ring[k]!;
        if (!Number.isFinite(x) || !Number.isFinite(y) || x < -180 || x > 180 || y < -90 || y > 90) {
          const projected = Math.abs(x) > 180 || Math.abs(y) > 90;
          const params = { x: String(x), y: String(y) };
          log.path(`${at}[${k}]`, { code: projected ? 'projectedCoordinate' : 'badCoordinate', params });
          return null;
        }
      }
      const first = ring[0]!;
      const last = ring[ring.length - 1]!;
      let closed = ring as number[][];
      if (first[0] !== last[0] || first[1] !== last[1]) {
        closed = [...ring, first] as number[][];
        log.path(at, { code: 'ringNotClosed' }, { severity: 'warning' });
      }
      rings.push(closed.map((q) => [q[0]!, q[1]!]));
    }
    fixed.push(rings);
  }
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: fixed[0]! }
    : { type: 'MultiPolygon', coordinates: fixed };
}

/** Scalar properties as strings. */
function scalarProperties(props: Record<string, unknown> | null | undefined): Record<string, string> {
  if (!props) return {};
  // fromEntries defines own properties, so a property named `__proto__` is kept as data.
  return Object.fromEntries(
    Object.entries(props).flatMap(([k, v]): [string, string][] =>
      typeof v === 'string' ? [[k, v]] : typeof v === 'number' && Number.isFinite(v) ? [[k, String(v)]] : [],
    ),
  );
}

/** Validates one GeoJSON feature; returns null (after reporting) when it cannot be used. */
function readFeature(raw: unknown, path: string, log: IssueLog): ParsedFeature | null {
  const f = FeatureSchema.safeParse(raw);
  if (!f.success) {
    reportZod(log, path, f.error, 'notFeature');
    return null;
  }
  const g = f.data.geometry;
  if (g === null || g === undefined) {
    log.path(sub(path, 'geometry'), { code: 'noGeometry' });
    return null;
  }
  const type = typeof g === 'object' && g !== null && 'type' in g ? g.type : undefined;
  if (typeof type === 'string' && OTHER_TYPES.has(type)) {
    log.path(sub(path, 'geometry.type'), { code: 'notArea', params: { type } });
    return null;
  }
  if (typeof type !== 'string' || !AREA_TYPES.has(type)) {
    log.path(sub(path, 'geometry.type'), { code: 'notAreaType' }, { value: clip(String(type)) });
    return null;
  }
  const parsed = type === 'Polygon' ? PolygonSchema.safeParse(g) : MultiPolygonSchema.safeParse(g);
  if (!parsed.success) {
    reportZod(log, sub(path, 'geometry'), parsed.error, 'invalidGeometry');
    return null;
  }
  const geometry = checkArea(parsed.data, sub(path, 'geometry'), log);
  // The properties as written: zod's record leaves out a key named `__proto__`, which a file may use like any other.
  const props = f.data.properties
    ? ((raw as { properties: Record<string, unknown> }).properties ?? null)
    : null;
  return geometry ? { path, properties: scalarProperties(props), geometry } : null;
}

/** Property keys with a scalar value, in first-seen order. */
function keysOf(features: readonly ParsedFeature[]): string[] {
  const keys = new Set<string>();
  for (const f of features) for (const k of Object.keys(f.properties)) keys.add(k);
  return [...keys];
}

/** TopoJSON → features, checking arc indexes before topojson-client sees them. */
function readTopology(value: unknown, log: IssueLog): BoundaryFile | null {
  const t = TopologySchema.safeParse(value);
  if (!t.success) {
    reportZod(log, '', t.error, 'notTopology', true);
    return null;
  }
  const topo = t.data;
  const names = Object.keys(topo.objects);
  // The object with the most area geometries is the province layer.
  let best: string | null = null;
  let bestCount = -1;
  for (const n of names) {
    const o = topo.objects[n]!;
    const count =
      o.type === 'GeometryCollection' ? (o.geometries ?? []).length : AREA_TYPES.has(o.type) ? 1 : 0;
    if (count > bestCount) {
      best = n;
      bestCount = count;
    }
  }
  if (best === null || bestCount <= 0) {
    log.path('objects', { code: 'noPolygons' }, { blocking: true });
    return null;
  }
  const obj = topo.objects[best]!;
  const base = jsonPath('objects', [best]);
  const geoms: unknown[] = obj.type === 'GeometryCollection' ? (obj.geometries ?? []) : [obj];
  const valid: { path: string; geometry: z.infer<typeof TopoPolygon> | z.infer<typeof TopoMultiPolygon> }[] =
    [];
  const nArcs = topo.arcs.length;
  const arcOk = (i: number) => (i < 0 ? ~i : i) < nArcs;
  geoms.forEach((g, i) => {
    const path = obj.type === 'GeometryCollection' ? `${base}.geometries[${i}]` : base;
    const type = typeof g === 'object' && g !== null && 'type' in g ? g.type : undefined;
    if (typeof type === 'string' && OTHER_TYPES.has(type)) {
      log.path(`${path}.type`, { code: 'notArea', params: { type } });
      return;
    }
    const parsed =
      type === 'Polygon'
        ? TopoPolygon.safeParse(g)
        : type === 'MultiPolygon'
          ? TopoMultiPolygon.safeParse(g)
          : null;
    if (!parsed) {
      log.path(`${path}.type`, { code: 'notAreaType' }, { value: clip(String(type)) });
      return;
    }
    if (!parsed.success) {
      reportZod(log, path, parsed.error, 'invalidTopoGeometry');
      return;
    }
    const rings =
      parsed.data.type === 'Polygon'
        ? parsed.data.arcs.map((r, a) => [r, [a]] as const)
        : parsed.data.arcs.flatMap((p, a) => p.map((r, b) => [r, [a, b]] as const));
    for (const [ring, at] of rings) {
      const bad = ring.findIndex((x) => !arcOk(x));
      if (bad >= 0) {
        log.path(`${path}.arcs${at.map((x) => `[${x}]`).join('')}[${bad}]`, {
          code: 'missingArc',
          params: { arc: String(ring[bad]), arcs: nArcs },
        });
        return;
      }
      if (ring.length === 0) {
        log.path(`${path}.arcs${at.map((x) => `[${x}]`).join('')}`, { code: 'emptyRing' });
        return;
      }
    }
    valid.push({ path, geometry: parsed.data });
  });
  const features: ParsedFeature[] = [];
  for (const v of valid) {
    let converted: unknown;
    try {
      const collection: GeometryCollection = {
        type: 'GeometryCollection',
        geometries: [v.geometry as GeometryCollection['geometries'][number]],
      };
      converted = (topoFeature(topo as unknown as Topology, collection) as { features: unknown[] })
        .features[0];
    } catch (e) {
      log.path(v.path, { code: 'topoConversion', params: { detail: (e as Error).message } });
      continue;
    }
    const f = readFeature(converted, v.path, log);
    if (f) features.push({ ...f, path: v.path });
  }
  return { format: 'topojson', features, total: geoms.length, propertyKeys: keysOf(features) };
}

/**
 * Reads and validates a GeoJSON or TopoJSON boundary file.
 * @param text the file's text
 * @param log where problems go (blocking when nothing usable is left)
 * @example readBoundaryFile('{"type":"FeatureCollection","features":[…]}', log)?.features.length
 */
export function readBoundaryFile(text: string, log: IssueLog): BoundaryFile | null {
  const value = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, log);
  if (value === undefined) return null;
  const type =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as { type?: unknown }).type
      : undefined;
  if (type === 'Topology') return readTopology(value, log);
  if (type === 'Feature') {
    const f = readFeature(value, '', log);
    if (!f) return null;
    return { format: 'geojson', features: [f], total: 1, propertyKeys: keysOf([f]) };
  }
  if (type !== 'FeatureCollection') {
    log.path(
      'type',
      typeof type === 'string'
        ? { code: 'notGeoJsonFound', params: { type: clip(type) } }
        : { code: 'notGeoJson' },
      { blocking: true },
    );
    return null;
  }
  const c = CollectionSchema.safeParse(value);
  if (!c.success) {
    reportZod(log, '', c.error, 'notFeatureCollection', true);
    return null;
  }
  const features: ParsedFeature[] = [];
  c.data.features.forEach((raw, i) => {
    const f = readFeature(raw, `features[${i}]`, log);
    if (f) features.push(f);
  });
  return { format: 'geojson', features, total: c.data.features.length, propertyKeys: keysOf(features) };
}
