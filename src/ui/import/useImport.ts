/**
 * State of one import in the panel: the picked file, the user's choices, the worker's progress and
 * preview, and apply / cancel / undo. Nothing reaches the store until the user applies.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ImportContext, ImportOptions, ImportPreview, Phase } from '../../domain/import/pipeline';
import type { ApplyFailure } from '../../state/slices/imports';
import { store, useStore } from '../../state/store';
import {
  CancelledError,
  createImportClient,
  ImportCrashedError,
  type ImportClient,
} from '../../workers/import-client';

export type ImportMessage =
  | {
      readonly type: 'applied';
      readonly file: string;
      readonly count: number;
      readonly kind: ImportPreview['kind'];
    }
  | { readonly type: 'undone'; readonly file: string }
  | { readonly type: 'applyFailed'; readonly failure: ApplyFailure };

/** Why the file could not be analysed: the worker died, or the analysis failed (technical detail). */
export type ImportError =
  | { readonly type: 'crashed'; readonly detail?: string }
  | { readonly type: 'failed'; readonly detail: string };

export interface ImportState {
  readonly file: File | null;
  readonly options: ImportOptions;
  readonly preview: ImportPreview | null;
  readonly progress: { readonly phase: Phase; readonly fraction: number } | null;
  readonly error: ImportError | null;
  readonly message: ImportMessage | null;
  pick: (file: File) => void;
  setOptions: (update: (o: ImportOptions) => ImportOptions) => void;
  stop: () => void;
  cancel: () => void;
  apply: () => void;
  undo: () => void;
}

/** Waits this long after a change of choices before analysing again (typing a year). */
const DEBOUNCE_MS = 200;

export function useImport(): ImportState {
  const data = useStore((s) => s.dataset);
  const clientRef = useRef<ImportClient | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [options, setOptionsState] = useState<ImportOptions>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [progress, setProgress] = useState<ImportState['progress']>(null);
  const [error, setError] = useState<ImportError | null>(null);
  const [message, setMessage] = useState<ImportMessage | null>(null);

  useEffect(() => {
    const client = createImportClient();
    clientRef.current = client;
    return () => {
      client.dispose();
      clientRef.current = null;
    };
  }, []);

  const context = useMemo<ImportContext | null>(
    () =>
      data && {
        provinces: data.provinces.provinces,
        places: {
          name: data.places.name,
          lat: data.places.lat,
          lon: data.places.lon,
          pop: data.places.pop,
          polygon: data.places.polygon,
        },
        cells: { lat: data.cells.lat, lon: data.cells.lon, pop: data.cells.pop },
      },
    [data],
  );

  useEffect(() => {
    const client = clientRef.current;
    if (!file || !context || !client) return;
    let alive = true;
    const timer = setTimeout(() => {
      setProgress({ phase: 'read', fraction: 0 });
      client
        .analyse(
          file,
          file.name,
          fileKey,
          options,
          context,
          (phase, fraction) => alive && setProgress({ phase, fraction }),
        )
        .then((p) => {
          if (!alive) return;
          setPreview(p);
          setError(null);
          setProgress(null);
        })
        .catch((e: unknown) => {
          if (!alive || e instanceof CancelledError) return;
          setError(
            e instanceof ImportCrashedError
              ? e.detail === undefined
                ? { type: 'crashed' }
                : { type: 'crashed', detail: e.detail }
              : { type: 'failed', detail: e instanceof Error ? e.message : String(e) },
          );
          setPreview(null);
          setProgress(null);
        });
    }, DEBOUNCE_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [file, fileKey, options, context]);

  const reset = useCallback(() => {
    clientRef.current?.cancel();
    setFile(null);
    setPreview(null);
    setProgress(null);
    setError(null);
    setOptionsState({});
  }, []);

  return {
    file,
    options,
    preview,
    progress,
    error,
    message,
    pick: (f) => {
      setFile(f);
      setFileKey((k) => k + 1);
      setOptionsState({});
      setPreview(null);
      setError(null);
      setMessage(null);
    },
    setOptions: (update) => setOptionsState(update),
    stop: reset,
    cancel: reset,
    apply: () => {
      if (!preview) return;
      const failure = store.getState().applyImport(preview);
      if (failure) {
        setMessage({ type: 'applyFailed', failure });
        return;
      }
      const last = store.getState().importHistory.at(-1);
      setMessage({ type: 'applied', file: preview.file, count: last?.count ?? 0, kind: preview.kind });
      reset();
    },
    undo: () => {
      const last = store.getState().importHistory.at(-1);
      if (!last) return;
      store.getState().undoImport();
      setMessage({ type: 'undone', file: last.file });
    },
  };
}
