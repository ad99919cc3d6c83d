import type { StateCreator } from 'zustand';
import type { Scheme } from '../../domain/classify';
import type { ChoroplethMetric } from '../../domain/metrics';
import type { Store } from '../store';

export interface Camera {
  readonly lon: number;
  readonly lat: number;
  readonly zoom: number;
}
/** Who changed the camera last: the map (user gesture) or the app (URL, scene); avoids update loops. */
export type CameraOrigin = 'map' | 'app';
export type Grouping = 'se2016' | 'kti17';
export type PaletteId = 'blues' | 'viridis' | 'purples' | 'greens';

export interface ViewState {
  readonly camera: Camera | null;
  readonly cameraOrigin: CameraOrigin;
  readonly metric: ChoroplethMetric;
  /** null = the latest year with data for the metric. */
  readonly year: number | null;
  readonly scheme: Scheme;
  readonly classes: number;
  readonly palette: PaletteId;
  readonly showDivide: boolean;
  readonly grouping: Grouping;
  /** Interface language (Carried in the URL as `lang`). */
  readonly language: 'en' | 'id';
}

export interface ViewSlice extends ViewState {
  setCamera: (camera: Camera, origin: CameraOrigin) => void;
  setMetric: (metric: ChoroplethMetric) => void;
  setYear: (year: number | null) => void;
  setScheme: (scheme: Scheme) => void;
  setClasses: (classes: number) => void;
  setPalette: (palette: PaletteId) => void;
  setShowDivide: (show: boolean) => void;
  setGrouping: (grouping: Grouping) => void;
  setLanguage: (language: 'en' | 'id') => void;
}

export const initialView: ViewState = {
  camera: null,
  cameraOrigin: 'app',
  metric: 'internet_use_bps',
  year: null,
  scheme: 'quantile',
  classes: 5,
  palette: 'blues',
  showDivide: false,
  grouping: 'se2016',
  language: 'en',
};

export const createViewSlice: StateCreator<Store, [], [], ViewSlice> = (set) => ({
  ...initialView,
  setCamera: (camera, cameraOrigin) => set({ camera, cameraOrigin }),
  setMetric: (metric) => set({ metric, year: null }),
  setYear: (year) => set({ year }),
  setScheme: (scheme) => set({ scheme }),
  setClasses: (classes) => set({ classes: Math.max(3, Math.min(9, Math.round(classes))) }),
  setPalette: (palette) => set({ palette }),
  setShowDivide: (showDivide) => set({ showDivide }),
  setGrouping: (grouping) => set({ grouping }),
  setLanguage: (language) => set({ language }),
});
