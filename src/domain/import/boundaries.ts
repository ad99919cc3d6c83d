/**
 * A user's province boundaries → polygon records that replace the embedded ones for display and
 * aggregation. Each feature is matched to a province by a property the user picks (code or name). Features of
 * the same province are merged. A province without a feature of its own goes to the polygon of the province it
 * was split from (Kalimantan Utara into Kalimantan Timur on a 33-polygon file; the four new Papua provinces
 * into Papua and Papua Barat on a 34-province file), just like the embedded Natural Earth polygons.
 */
import polylabel from 'polylabel';
import type { BpsCode, PolygonId, PolygonRecord, ProvinceRecord } from '../types';
import { jsonPath, sub, type Area, type BoundaryFile } from './geojson';
import { clip, type IssueLog, type Problem, type Suggestion } from './issues';
import { ambiguousCode, guessCodeSystem, isCode, type CodeSystem, type ProvinceMatcher } from './provinces';
import { own } from './own';

export interface BoundaryOptions {
  /** The feature property that names or codes the province. */
  readonly property: string | null;
  readonly codeSystem: CodeSystem | null;
}

/** How one feature was matched, for the preview. */
export interface FeatureMatch {
  /** JSON path of the feature (`''`: the file is one Feature). */
  readonly path: string;
  /** The property value as text (shown as text only). */
  readonly value: string;
  readonly bps: BpsCode | null;
  readonly reason?: Problem;
  readonly suggestion?: Suggestion;
}

/** The polygons built from the file, ready to replace the embedded ones. */
export interface BoundaryPlan {
  readonly polygons: readonly PolygonRecord[];
  readonly areas: readonly Area[];
  /** Polygon of each of the 38 provinces. */
  readonly provincePolygon: readonly (readonly [BpsCode, PolygonId])[];
}

/** Polygons from the file; `provinces` lists the directly matched provinces first. */
const label = (names: readonly string[]) =>
  names.length > 1 ? `${names[0]} incl. ${names.slice(1).join(', ')}` : (names[0] ?? '');

/**
 * Picks the property to match by (the one matching most features; a code property whose system is known wins
 * a tie) and the code system (from a name property in the same features).
 * @example guessBoundaryOptions(file, matcher, {}) // { property: 'kode', codeSystem: 'kemendagri' }
 */
export function guessBoundaryOptions(
  file: BoundaryFile,
  matcher: ProvinceMatcher,
  given: Partial<BoundaryOptions>,
): BoundaryOptions {
  const rate = (key: string) => {
    let hits = 0;
    for (const f of file.features) {
      const v = own(f.properties, key);
      if (v !== undefined && matcher.match(v, null).type !== 'unmatched') hits++;
    }
    return file.features.length ? hits / file.features.length : 0;
  };
  const rates = file.propertyKeys.map((k) => [k, rate(k)] as const);
  const nameKey = rates
    .filter(([k]) =>
      file.features.some((f) => {
        const v = own(f.properties, k);
        return v !== undefined && !isCode(v);
      }),
    )
    .sort((a, b) => b[1] - a[1])[0]?.[0];
  const systemFor = (key: string): CodeSystem | null => {
    if (nameKey === undefined || nameKey === key) return null;
    if (
      file.features.some(
        (f) => isCode(own(f.properties, key) ?? '') && Number.parseInt(own(f.properties, key)!, 10) === 97,
      )
    )
      return 'bps';
    return guessCodeSystem(
      matcher,
      file.features.map((f) => [own(f.properties, key) ?? '', own(f.properties, nameKey) ?? ''] as const),
    );
  };
  let property = given.property ?? null;
  if (given.property === undefined) {
    let best = -1;
    for (const [k, r] of rates) {
      if (r < 0.5) continue;
      const codes = file.features.some((f) => isCode(own(f.properties, k) ?? ''));
      const score = r * 100 + (codes && systemFor(k) !== null ? 1 : 0);
      if (score > best) {
        best = score;
        property = k;
      }
    }
  }
  const codeSystem =
    given.codeSystem !== undefined ? given.codeSystem : property !== null ? systemFor(property) : null;
  return { property, codeSystem };
}

/** Shoelace area of a ring in square degrees (for picking the largest part). */
function ringArea(ring: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return Math.abs(s / 2);
}

/**
 * Label anchor: the pole of inaccessibility of the largest part (as the data build does).
 * @example labelAnchor({ type: 'Polygon', coordinates: [[[0,0],[2,0],[2,2],[0,2],[0,0]]] }) // [1, 1]
 */
export function labelAnchor(area: Area): [number, number] {
  const polys = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  let largest = polys[0] ?? [];
  let size = -1;
  for (const p of polys) {
    const a = ringArea(p[0] ?? []);
    if (a > size) {
      size = a;
      largest = p;
    }
  }
  try {
    // 0.01° as in the data build; coarser for (absurdly) large parts, so a bad file cannot stall the worker.
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const q of largest[0] ?? []) {
      x0 = Math.min(x0, q[0]!);
      x1 = Math.max(x1, q[0]!);
      y0 = Math.min(y0, q[1]!);
      y1 = Math.max(y1, q[1]!);
    }
    const size = Math.max(x1 - x0, y1 - y0);
    const [x, y] = polylabel(largest, Math.max(0.01, size / 1000));
    if (Number.isFinite(x) && Number.isFinite(y))
      return [Math.round(x * 1e3) / 1e3, Math.round(y * 1e3) / 1e3];
  } catch {
    // Degenerate ring: fall back to its first vertex below.
  }
  const first = largest[0]?.[0] ?? [0, 0];
  return [first[0] ?? 0, first[1] ?? 0];
}

/** Merges areas into one (a Polygon stays a Polygon when alone). */
function merge(areas: readonly Area[]): Area {
  if (areas.length === 1) return areas[0]!;
  return {
    type: 'MultiPolygon',
    coordinates: areas.flatMap((a) => (a.type === 'Polygon' ? [a.coordinates] : a.coordinates)),
  };
}

/**
 * Matches features to provinces and builds the polygon records (without the cell assignment).
 * @param file the validated boundary file
 * @param options the property and code system
 * @param matcher province matcher
 * @param provinces the 38 provinces
 * @param log where problems go
 * @example planBoundaries(file, { property: 'kode', codeSystem: 'kemendagri' }, matcher, provinces, log)
 */
export function planBoundaries(
  file: BoundaryFile,
  options: BoundaryOptions,
  matcher: ProvinceMatcher,
  provinces: readonly ProvinceRecord[],
  log: IssueLog,
): { matches: FeatureMatch[]; plan: BoundaryPlan | null; needsCodeSystem: boolean; hasCodes: boolean } {
  const matches: FeatureMatch[] = [];
  const property = options.property;
  let needsCodeSystem = false;
  let hasCodes = false;
  if (property === null) {
    log.path('features', { code: 'noMatchProperty' }, { blocking: true });
    return { matches, plan: null, needsCodeSystem, hasCodes };
  }
  const byBps = new Map(provinces.map((p) => [p.bps, p]));
  const areasOf = new Map<BpsCode, Area[]>();
  for (const f of file.features) {
    const raw = own(f.properties, property);
    const at = jsonPath(sub(f.path, 'properties'), [property]);
    if (raw === undefined) {
      const reason: Problem = { code: 'missingProperty', params: { property } };
      matches.push({ path: f.path, value: '', bps: null, reason });
      log.path(at, reason);
      continue;
    }
    if (isCode(raw)) hasCodes = true;
    const m = matcher.match(raw, options.codeSystem);
    if (m.type === 'ambiguous') {
      needsCodeSystem = true;
      const reason = ambiguousCode(matcher, m);
      matches.push({ path: f.path, value: clip(raw), bps: null, reason });
      log.path(at, reason, { value: clip(raw) });
      continue;
    }
    if (m.type === 'unmatched') {
      const suggestion = m.suggestion ? { suggestion: m.suggestion } : {};
      matches.push({ path: f.path, value: clip(raw), bps: null, reason: m.reason, ...suggestion });
      // An error: the polygon is left out (the preview says "not imported").
      log.path(at, m.reason, { value: clip(raw), ...suggestion });
      continue;
    }
    matches.push({ path: f.path, value: clip(raw), bps: m.bps });
    // Cross-check: another property naming a different province suggests the wrong property or code system.
    for (const [k, v] of Object.entries(f.properties)) {
      if (k === property || isCode(v)) continue;
      const other = matcher.match(v, null);
      if (other.type === 'matched' && other.by === 'name' && other.bps !== m.bps) {
        const params = {
          value: clip(raw),
          province: matcher.name(m.bps),
          property: k,
          other: clip(v),
          otherProvince: matcher.name(other.bps),
        };
        log.path(at, { code: 'conflictingProperty', params }, { severity: 'warning', value: clip(raw) });
        break;
      }
    }
    const list = areasOf.get(m.bps);
    if (list) {
      list.push(f.geometry);
      log.path(
        f.path,
        { code: 'duplicateFeature', params: { province: matcher.name(m.bps) } },
        { severity: 'warning', value: clip(raw) },
      );
    } else areasOf.set(m.bps, [f.geometry]);
  }
  if (needsCodeSystem) return { matches, plan: null, needsCodeSystem, hasCodes };
  if (areasOf.size === 0) {
    log.path('features', { code: 'noFeatureMatches' }, { blocking: true });
    return { matches, plan: null, needsCodeSystem, hasCodes };
  }

  // Provinces without a feature join the polygon of the province they were split from.
  const home = new Map<BpsCode, BpsCode>();
  const missing: string[] = [];
  for (const p of provinces) {
    let at: ProvinceRecord | undefined = p;
    const seen = new Set<BpsCode>();
    while (at && !areasOf.has(at.bps) && at.splitFrom !== null && !seen.has(at.bps)) {
      seen.add(at.bps);
      at = byBps.get(at.splitFrom);
    }
    if (at && areasOf.has(at.bps)) home.set(p.bps, at.bps);
    else missing.push(`${p.nameId} (BPS ${p.bps}, Kemendagri ${p.kemendagri})`);
  }
  if (missing.length > 0) {
    const names = missing.slice(0, 6).join('; ');
    const more = missing.length - 6;
    log.path(
      'features',
      more > 0
        ? { code: 'missingProvincesMore', params: { provinces: names, more } }
        : { code: 'missingProvinces', params: { provinces: names } },
      { blocking: true },
    );
  }
  if (log.blocking) return { matches, plan: null, needsCodeSystem, hasCodes };

  // 34-province codes whose whole territory lies in a polygon (those created in 2022 count with their parent).
  const descendants34 = new Map<BpsCode, BpsCode[]>();
  for (const p of provinces) {
    const isNew = p.splitYear !== null && p.splitYear >= 2022;
    const root = isNew && p.splitFrom !== null ? p.splitFrom : p.bps;
    descendants34.set(root, [...(descendants34.get(root) ?? []), p.bps]);
  }
  const mains = [...areasOf.keys()].sort((a, b) => a - b);
  const polygons: PolygonRecord[] = [];
  const areas: Area[] = [];
  const provincePolygon: [BpsCode, PolygonId][] = [];
  mains.forEach((main, i) => {
    const id = i as PolygonId;
    const members = provinces.filter((p) => home.get(p.bps) === main).map((p) => p.bps);
    const ordered = [main, ...members.filter((b) => b !== main).sort((a, b) => a - b)];
    const set = new Set(ordered);
    const provinces34 = [...descendants34.entries()]
      .filter(([, ds]) => ds.every((d) => set.has(d)))
      .map(([root]) => root)
      .sort((a, b) => a - b);
    const area = merge(areasOf.get(main)!);
    polygons.push({
      id,
      iso: byBps.get(main)!.iso,
      label: label(ordered.map((b) => byBps.get(b)!.nameId)),
      provinces: [...ordered].sort((a, b) => a - b),
      provinces34,
      labelAt: labelAnchor(area),
    });
    areas.push(area);
    for (const b of ordered) provincePolygon.push([b, id]);
  });
  return { matches, plan: { polygons, areas, provincePolygon }, needsCodeSystem, hasCodes };
}
