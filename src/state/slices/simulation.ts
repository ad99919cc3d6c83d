import type { StateCreator } from 'zustand';
import { DEFAULT_DEMAND_SETTINGS, type DemandSettings } from '../../domain/demand';
import { DEFAULT_CANDIDATE_FILTER, type CandidateFilter } from '../../domain/optimizer/candidates';
import type { Store } from '../store';

/** The planner's simulation settings (user intent; results live elsewhere). */
export interface SimulationState {
  readonly demand: DemandSettings;
  readonly filter: CandidateFilter;
  /** Number of stops to plan (1–30). */
  readonly planK: number;
  /** Rerun the plan at radius −25% and +25% and mark the stops that stay (issue #5). */
  readonly planRobust: boolean;
}

export interface SimulationSlice extends SimulationState {
  setDemand: (patch: Partial<DemandSettings>) => void;
  setFilter: (patch: Partial<CandidateFilter>) => void;
  setPlanK: (k: number) => void;
  setPlanRobust: (on: boolean) => void;
}

export const initialSimulation: SimulationState = {
  demand: DEFAULT_DEMAND_SETTINGS,
  filter: DEFAULT_CANDIDATE_FILTER,
  planK: 10,
  planRobust: true,
};

/** The largest minimum population a filter keeps (links and scenes read up to it; more people than live in Indonesia). */
export const MIN_POP_MAX = 1_000_000_000;

export const createSimulationSlice: StateCreator<Store, [], [], SimulationSlice> = (set) => ({
  ...initialSimulation,
  setDemand: (patch) =>
    set((s) => {
      const next = { ...s.demand, ...patch };
      return { demand: { ...next, offlineExponent: Math.max(0, Math.min(3, next.offlineExponent)) } };
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
});
