import type { StateCreator } from 'zustand';
import type { Dataset } from '../../data/dataset';
import type { Store } from '../store';

export interface DataSlice {
  readonly dataset: Dataset | null;
  readonly dataError: string | null;
  setDataset: (dataset: Dataset) => void;
  setDataError: (message: string) => void;
}

export const createDataSlice: StateCreator<Store, [], [], DataSlice> = (set) => ({
  dataset: null,
  dataError: null,
  setDataset: (dataset) => set({ dataset, dataError: null }),
  setDataError: (dataError) => set({ dataError }),
});
