import type { StateCreator } from 'zustand';
import { MAX_PRIORITY_FACTOR, type DemandSettings } from '../../domain/demand';
import { DEFAULT_CANDIDATE_FILTER, type CandidateFilter } from '../../domain/optimizer/candidates';
import { NO_PLANNER_CONSTRAINTS, type PlannerConstraints } from '../../domain/planner/constraints';
import { MAX_PARTICIPATION_RATE } from '../../domain/planner/participants';
import { DEFAULT_PRESET, PRESETS, type PresetId } from '../../domain/planner/presets';
import type { JobKind } from './results';
import { scenario } from './scenario';
import type { Store } from '../store';

/** The planner's simulation settings (user intent; results live elsewhere). */
export interface SimulationState {
  /** The preset the settings started from (they may have been edited since; see `editedFields`). */
  readonly preset: PresetId;
  readonly demand: DemandSettings;
  readonly filter: CandidateFilter;
  /** Number of stops to plan (1–30). */
  readonly planK: number;
  /** Rerun the plan at radius −25% and +25% and mark the stops that stay. */
  readonly planRobust: boolean;
  /** Share (0..1) of the estimated MSMEs reached expected to take part; null = no participants estimate. */
  readonly participationRate: number | null;
  readonly constraints: PlannerConstraints;
  /** The candidate (place id) the inspector shows and the map outlines; null = none. */
  readonly inspected: number | null;
  /** A candidate under the pointer (a table row): its catchment is drawn until the pointer leaves. */
  readonly previewed: number | null;
  /** Candidates (place ids, at most 3) compared side by side. */
  readonly compared: readonly number[];
  /** The last result asked for, so a shared link or a scene computes it again on open. */
  readonly lastRun: JobKind | null;
}

export interface SimulationSlice extends SimulationState {
  setDemand: (patch: Partial<DemandSettings>) => void;
  setFilter: (patch: Partial<CandidateFilter>) => void;
  setPlanK: (k: number) => void;
  setPlanRobust: (on: boolean) => void;
  /** Applies a preset's settings (demand, region, kinds, radius and sea rule). */
  choosePreset: (id: PresetId) => void;
  setParticipationRate: (rate: number | null) => void;
  setConstraints: (patch: Partial<PlannerConstraints>) => void;
  inspect: (placeId: number | null) => void;
  preview: (placeId: number | null) => void;
  toggleCompared: (placeId: number) => void;
  setLastRun: (run: JobKind | null) => void;
}

/** Most candidates compared side by side. */
export const MAX_COMPARED = 3;

const preset = PRESETS[DEFAULT_PRESET];

export const initialSimulation: SimulationState = {
  preset: DEFAULT_PRESET,
  demand: preset.demand,
  filter: { ...DEFAULT_CANDIDATE_FILTER, region: preset.region, minPop: preset.minPop, kinds: preset.kinds },
  planK: 10,
  planRobust: true,
  participationRate: null,
  constraints: NO_PLANNER_CONSTRAINTS,
  inspected: null,
  previewed: null,
  compared: [],
  lastRun: null,
};

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));
/** The largest minimum population a filter keeps (links and scenes read up to it; more people than live in Indonesia). */
export const MIN_POP_MAX = 1_000_000_000;

export const createSimulationSlice: StateCreator<Store, [], [], SimulationSlice> = (set) => ({
  ...initialSimulation,
  setDemand: (patch) =>
    set((s) => {
      const next = { ...s.demand, ...patch };
      return {
        demand: {
          ...next,
          offlineExponent: clamp(next.offlineExponent, 0, 3),
          priorityFactor: clamp(next.priorityFactor ?? 1, 1, MAX_PRIORITY_FACTOR),
        },
      };
    }),
  setFilter: (patch) =>
    set((s) => ({
      filter: {
        ...s.filter,
        ...patch,
        minPop: Math.min(MIN_POP_MAX, Math.max(0, Math.round((patch.minPop ?? s.filter.minPop) || 0))),
      },
    })),
  setPlanK: (k) => set({ planK: Math.max(1, Math.min(30, Math.round(k))) }),
  setPlanRobust: (planRobust) => set({ planRobust }),
  choosePreset: (id) =>
    set((s) => {
      const p = PRESETS[id];
      return {
        preset: id,
        demand: p.demand,
        filter: { ...s.filter, region: p.region, minPop: p.minPop, kinds: p.kinds, polygons: null },
        rule: scenario.setRule(s.rule, {
          radiusKm: p.radiusKm,
          sameIslandOnly: p.sameIslandOnly,
          seaCrossingKm: p.seaCrossingKm,
          crossTo: p.crossTo,
        }),
      };
    }),
  setParticipationRate: (rate) =>
    set({ participationRate: rate === null ? null : clamp(rate, 0, MAX_PARTICIPATION_RATE) }),
  setConstraints: (patch) => set((s) => ({ constraints: { ...s.constraints, ...patch } })),
  inspect: (inspected) => set({ inspected }),
  preview: (previewed) => set({ previewed }),
  toggleCompared: (id) =>
    set((s) => ({
      compared: s.compared.includes(id)
        ? s.compared.filter((x) => x !== id)
        : [...s.compared, id].slice(-MAX_COMPARED),
    })),
  setLastRun: (lastRun) => set({ lastRun }),
});
