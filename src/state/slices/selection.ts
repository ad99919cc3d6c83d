import type { StateCreator } from 'zustand';
import type { Store } from '../store';

export type Panel =
  'none' | 'detail' | 'about' | 'table' | 'compare' | 'gap' | 'simulate' | 'scenes' | 'import';

export interface SelectionState {
  readonly selected: number | null;
  readonly hovered: number | null;
  readonly panel: Panel;
  /** Presenter mode: full screen, editing controls hidden, scenes stepped with the arrow keys. */
  readonly presenter: boolean;
}

export interface SelectionSlice extends SelectionState {
  select: (polygon: number | null) => void;
  hover: (polygon: number | null) => void;
  openPanel: (panel: Panel) => void;
  setPresenter: (on: boolean) => void;
}

export const initialSelection: SelectionState = {
  selected: null,
  hovered: null,
  panel: 'none',
  presenter: false,
};

export const createSelectionSlice: StateCreator<Store, [], [], SelectionSlice> = (set) => ({
  ...initialSelection,
  // The gap view stays open on selection: its charts and the map highlight the selected province.
  select: (selected) =>
    set((s) => ({ selected, panel: s.panel === 'gap' ? 'gap' : selected === null ? 'none' : 'detail' })),
  hover: (hovered) => set({ hovered }),
  openPanel: (panel) => set((s) => ({ panel: s.panel === panel ? 'none' : panel })),
  setPresenter: (presenter) => set(presenter ? { presenter, addHubArmed: false } : { presenter }),
});
