import type { StateCreator } from 'zustand';
import type { CrossTo } from '../../domain/catchment';
import type { Store } from '../store';

export type HubStatus = 'held' | 'planned' | 'added';

export interface Hub {
  readonly id: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly status: HubStatus;
  /** ISO date of a held stop, when known. */
  readonly date: string | null;
}

export interface RuleState {
  readonly radiusKm: number;
  readonly sameIslandOnly: boolean;
  readonly seaCrossingKm: number;
  /** Reach at the catchment edge (1 = no decay). */
  readonly decayEdge: number;
  /** Sea crossings reach any island within `seaCrossingKm`, or only smaller islands than the stop's own. */
  readonly crossTo: CrossTo;
}

export interface ScenarioState {
  readonly hubs: readonly Hub[];
  readonly rule: RuleState;
  readonly addHubArmed: boolean;
}

export interface ScenarioSlice extends ScenarioState {
  setHubs: (hubs: readonly Hub[]) => void;
  addHub: (hub: Omit<Hub, 'id'>) => void;
  moveHub: (id: string, lat: number, lon: number) => void;
  removeHub: (id: string) => void;
  setRule: (rule: Partial<RuleState>) => void;
  armAddHub: (armed: boolean) => void;
}

export const RADIUS_MIN_KM = 10;
export const RADIUS_MAX_KM = 300;
export const SEA_CROSSING_MAX_KM = 100;

export const initialScenario: ScenarioState = {
  hubs: [],
  // The default planner preset's rule (src/domain/planner/presets.ts): regional hubs of 100 km; a stop reaches
  // its own island and smaller islands within 20 km (a stop on Bali does not count Java).
  rule: { radiusKm: 100, sameIslandOnly: false, seaCrossingKm: 20, decayEdge: 1, crossTo: 'smaller' },
  addHubArmed: false,
};

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

/** Pure transitions, unit-tested without React. */
export const scenario = {
  addHub(hubs: readonly Hub[], hub: Omit<Hub, 'id'>): Hub[] {
    let n = hubs.length + 1;
    const ids = new Set(hubs.map((h) => h.id));
    while (ids.has(`hub-${n}`)) n++;
    return [...hubs, { ...hub, id: `hub-${n}` }];
  },
  moveHub(hubs: readonly Hub[], id: string, lat: number, lon: number): readonly Hub[] {
    return hubs.map((h) => (h.id === id ? { ...h, lat, lon } : h));
  },
  removeHub(hubs: readonly Hub[], id: string): Hub[] {
    return hubs.filter((h) => h.id !== id);
  },
  setRule(rule: RuleState, patch: Partial<RuleState>): RuleState {
    const next = { ...rule, ...patch };
    return {
      radiusKm: clamp(Math.round(next.radiusKm), RADIUS_MIN_KM, RADIUS_MAX_KM),
      sameIslandOnly: next.sameIslandOnly,
      seaCrossingKm: clamp(Math.round(next.seaCrossingKm), 0, SEA_CROSSING_MAX_KM),
      decayEdge: clamp(next.decayEdge, 0, 1),
      crossTo: next.crossTo === 'any' ? 'any' : 'smaller',
    };
  },
};

export const createScenarioSlice: StateCreator<Store, [], [], ScenarioSlice> = (set) => ({
  ...initialScenario,
  setHubs: (hubs) => set({ hubs }),
  addHub: (hub) => set((s) => ({ hubs: scenario.addHub(s.hubs, hub), addHubArmed: false })),
  moveHub: (id, lat, lon) => set((s) => ({ hubs: scenario.moveHub(s.hubs, id, lat, lon) })),
  removeHub: (id) => set((s) => ({ hubs: scenario.removeHub(s.hubs, id) })),
  setRule: (patch) => set((s) => ({ rule: scenario.setRule(s.rule, patch) })),
  armAddHub: (addHubArmed) => set({ addHubArmed }),
});
