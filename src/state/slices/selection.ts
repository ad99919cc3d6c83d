import type { StateCreator } from 'zustand';
import type { Store } from '../store';

export type Panel = 'none' | 'detail' | 'about' | 'table' | 'compare' | 'gap' | 'simulate';

export interface SelectionState {
  readonly selected: number | null;
  readonly hovered: number | null;
  readonly panel: Panel;
}

export interface SelectionSlice extends SelectionState {
  select: (polygon: number | null) => void;
  hover: (polygon: number | null) => void;
  openPanel: (panel: Panel) => void;
}

export const initialSelection: SelectionState = { selected: null, hovered: null, panel: 'none' };

export const createSelectionSlice: StateCreator<Store, [], [], SelectionSlice> = (set) => ({
  ...initialSelection,
  select: (selected) => set({ selected, panel: selected === null ? 'none' : 'detail' }),
  hover: (hovered) => set({ hovered }),
  openPanel: (panel) => set((s) => ({ panel: s.panel === panel ? 'none' : panel })),
});
