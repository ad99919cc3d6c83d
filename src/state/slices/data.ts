import type { StateCreator } from 'zustand';
import type { DataLoadFailure, Dataset } from '../../data/dataset';
import type { Store } from '../store';

export interface DataSlice {
  readonly dataset: Dataset | null;
  /** Why the embedded data did not load: the file, a reason code and a raw detail, worded by the UI. */
  readonly dataError: DataLoadFailure | null;
  setDataset: (dataset: Dataset) => void;
  setDataError: (failure: DataLoadFailure) => void;
}

export const createDataSlice: StateCreator<Store, [], [], DataSlice> = (set) => ({
  dataset: null,
  dataError: null,
  setDataset: (dataset) => set({ dataset, dataError: null }),
  setDataError: (dataError) => set({ dataError }),
});
