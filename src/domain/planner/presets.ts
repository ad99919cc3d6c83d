/**
 * Planner presets: named, editable sets of the planner's settings that say what the campaign means.
 *
 * - `east3t` (the default, after Laju Digital 2018, which chose big eastern cities as hubs for the 3T regions):
 *   candidates are eastern towns that can host an event (kota, regency seats, province capitals); demand is the
 *   offline people of eastern Indonesia only, with the daerah tertinggal and outermost small islands weighted up
 *   in the priority score; catchments of a regional hub (100 km).
 * - `umkm`: demand is the estimated MSMEs (UMKM) with the offline share applied, any region, 50 km.
 * - `offline`: every offline resident, any region, 50 km (the model before presets).
 *
 * Every preset uses the same sea rule: a stop reaches its own island and islands smaller than its own at most
 * 20 km across the sea (so a stop on Bali never counts Java).
 */
import type { CrossTo } from '../catchment';
import type { DemandSettings } from '../demand';
import type { Region } from '../optimizer/candidates';
import type { PlaceKind } from './fields';
import { PLACE_KINDS } from './fields';

export type PresetId = 'east3t' | 'umkm' | 'offline';
export const PRESET_IDS: readonly PresetId[] = ['east3t', 'umkm', 'offline'];
export const DEFAULT_PRESET: PresetId = 'east3t';

/** Everything a preset sets. */
export interface PresetSettings {
  readonly demand: Required<DemandSettings>;
  /** The planned region: where candidates stand and whose people count. */
  readonly region: Region;
  /** Kinds of place that can host; null = any place. */
  readonly kinds: readonly PlaceKind[] | null;
  readonly minPop: number;
  readonly radiusKm: number;
  readonly sameIslandOnly: boolean;
  readonly seaCrossingKm: number;
  readonly crossTo: CrossTo;
}

/** The sea rule of every preset: own island, plus smaller islands up to 20 km across. */
const SEA = { sameIslandOnly: false, seaCrossingKm: 20, crossTo: 'smaller' } as const;

/** Weight of the 3T cells in the eastern preset's score (the user sees and sets it). */
export const DEFAULT_3T_FACTOR = 2;

export const PRESETS: Readonly<Record<PresetId, PresetSettings>> = {
  east3t: {
    demand: {
      useOffline: true,
      offlineExponent: 1,
      useCoverage: true,
      useMsme: false,
      priorityFactor: DEFAULT_3T_FACTOR,
    },
    region: 'east',
    kinds: PLACE_KINDS,
    minPop: 0,
    radiusKm: 100,
    ...SEA,
  },
  umkm: {
    demand: { useOffline: true, offlineExponent: 1, useCoverage: true, useMsme: true, priorityFactor: 1 },
    region: 'all',
    kinds: null,
    minPop: 0,
    radiusKm: 50,
    ...SEA,
  },
  offline: {
    demand: { useOffline: true, offlineExponent: 1, useCoverage: true, useMsme: false, priorityFactor: 1 },
    region: 'all',
    kinds: null,
    minPop: 0,
    radiusKm: 50,
    ...SEA,
  },
};

const sameKinds = (a: readonly PlaceKind[] | null, b: readonly PlaceKind[] | null) =>
  a === b || (a !== null && b !== null && a.length === b.length && a.every((k) => b.includes(k)));

/**
 * The settings that differ from a preset (empty = the preset as defined).
 * @example editedFields(PRESETS.east3t, { ...PRESETS.east3t, radiusKm: 80 }) // ['radiusKm']
 */
export function editedFields(preset: PresetSettings, current: PresetSettings): string[] {
  const out: string[] = [];
  for (const key of Object.keys(preset.demand) as (keyof DemandSettings)[])
    if ((current.demand[key] ?? 1) !== preset.demand[key]) out.push(`demand.${key}`);
  if (!sameKinds(preset.kinds, current.kinds)) out.push('kinds');
  for (const key of ['region', 'minPop', 'radiusKm', 'sameIslandOnly', 'seaCrossingKm', 'crossTo'] as const)
    if (current[key] !== preset[key]) out.push(key);
  return out;
}

/** Words (as i18n keys and parameters) of the sea rule, e.g. "same island, plus smaller islands up to 20 km". */
export interface SeaRuleWords {
  readonly key: 'sameIsland' | 'crossAny' | 'crossSmaller';
  readonly km: number;
}

/**
 * The sea rule as a reader states it.
 * @example seaRuleWords({ sameIslandOnly: false, seaCrossingKm: 20, crossTo: 'smaller' }) // { key: 'crossSmaller', km: 20 }
 */
export function seaRuleWords(rule: {
  readonly sameIslandOnly: boolean;
  readonly seaCrossingKm: number;
  readonly crossTo?: CrossTo;
}): SeaRuleWords {
  if (rule.sameIslandOnly || rule.seaCrossingKm === 0) return { key: 'sameIsland', km: 0 };
  return { key: rule.crossTo === 'smaller' ? 'crossSmaller' : 'crossAny', km: rule.seaCrossingKm };
}
