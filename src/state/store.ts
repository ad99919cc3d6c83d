/** The one zustand store, built from slices. React reads it with `useStore`; the map and URL sync subscribe. */
import { createStore } from 'zustand/vanilla';
import { useStore as useZustand } from 'zustand';
import { createBriefingSlice, type BriefingSlice } from './scenes/slice';
import { createDataSlice, type DataSlice } from './slices/data';
import { createImportsSlice, type ImportsSlice } from './slices/imports';
import { createRegencyViewSlice, type RegencyViewSlice } from './slices/regencies';
import { createResultsSlice, type ResultsSlice } from './slices/results';
import { createScenarioSlice, type ScenarioSlice } from './slices/scenario';
import { createSelectionSlice, type SelectionSlice } from './slices/selection';
import { createSimulationSlice, type SimulationSlice } from './slices/simulation';
import { createToastsSlice, type ToastsSlice } from './slices/toasts';
import { createViewSlice, type ViewSlice } from './slices/view';

export type Store = ViewSlice &
  ScenarioSlice &
  SelectionSlice &
  SimulationSlice &
  DataSlice &
  BriefingSlice &
  ResultsSlice &
  ImportsSlice &
  RegencyViewSlice &
  ToastsSlice;

export const createAppStore = () =>
  createStore<Store>()((...a) => ({
    ...createViewSlice(...a),
    ...createScenarioSlice(...a),
    ...createSelectionSlice(...a),
    ...createSimulationSlice(...a),
    ...createDataSlice(...a),
    ...createBriefingSlice(...a),
    ...createResultsSlice(...a),
    ...createImportsSlice(...a),
    ...createRegencyViewSlice(...a),
    ...createToastsSlice(...a),
  }));

export const store = createAppStore();

/** Select from the app store (select primitives, or wrap with useShallow). */
export function useStore<T>(selector: (s: Store) => T): T {
  return useZustand(store, selector);
}
