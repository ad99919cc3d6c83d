import type { StateCreator } from 'zustand';
import type { Store } from '../store';

/** What the regency layer colours the 514 kabupaten/kota by. */
export type RegencyMeasure = 'population' | 'density' | 'tertinggal';
/** 'auto': the layer shows once the map is zoomed in to regency scale; 'on'/'off' on request. */
export type RegencyLayerMode = 'auto' | 'on' | 'off';

export interface RegencyViewState {
  readonly regencyMode: RegencyLayerMode;
  readonly regencyMeasure: RegencyMeasure;
  /** Index in regencies.json of the regency shown in the detail panel. */
  readonly selectedRegency: number | null;
}

export interface RegencyViewSlice extends RegencyViewState {
  setRegencyMode: (mode: RegencyLayerMode) => void;
  setRegencyMeasure: (measure: RegencyMeasure) => void;
  /** Selects a regency and its province (the detail panel shows both). */
  selectRegency: (regency: number | null) => void;
}

export const initialRegencyView: RegencyViewState = {
  regencyMode: 'auto',
  regencyMeasure: 'population',
  selectedRegency: null,
};

export const createRegencyViewSlice: StateCreator<Store, [], [], RegencyViewSlice> = (set) => ({
  ...initialRegencyView,
  setRegencyMode: (regencyMode) => set({ regencyMode }),
  setRegencyMeasure: (regencyMeasure) => set({ regencyMeasure }),
  selectRegency: (selectedRegency) =>
    set((s) => {
      const polygon =
        selectedRegency === null ? null : (s.dataset?.regencies.regencies[selectedRegency]?.polygon ?? null);
      return {
        selectedRegency,
        selected: polygon,
        panel: s.panel === 'gap' ? 'gap' : polygon === null ? 'none' : 'detail',
      };
    }),
});
