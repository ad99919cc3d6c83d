/**
 * The import worker's message protocol and its server side, shared by the worker shell
 * (import.worker.ts) and the client's main-thread fallback (import-client.ts).
 *
 * Request: analyse (a file, the user's choices, what the pipeline needs from the dataset). Responses:
 * progress, result, error, each with the request id. The file is read here, in chunks, so reading a 50 MB
 * file reports progress and never blocks the page.
 */
import {
  analyseImport,
  type ImportContext,
  type ImportOptions,
  type ImportPreview,
  type Phase,
} from '../domain/import/pipeline';

export type ImportRequest = {
  readonly type: 'analyse';
  readonly id: number;
  /** Identifies the picked file, so a re-analysis with other choices reuses the text already read. */
  readonly fileKey: number;
  readonly file: Blob;
  readonly name: string;
  readonly options: ImportOptions;
  readonly context: ImportContext;
};

export type ImportResponse =
  | { readonly type: 'progress'; readonly id: number; readonly phase: Phase; readonly fraction: number }
  | { readonly type: 'result'; readonly id: number; readonly preview: ImportPreview }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

export type PostImport = (message: ImportResponse, transfer: Transferable[]) => void;

/** The text decoder a file's first bytes call for (UTF-16 when it starts with such a byte-order mark). */
export function decoderFor(head: Uint8Array): TextDecoder {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le');
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be');
  return new TextDecoder('utf-8');
}

/**
 * Reads a file as text in chunks, reporting the fraction read.
 * @example await readText(file, (f) => console.log(f))
 */
export async function readText(file: Blob, onProgress: (fraction: number) => void): Promise<string> {
  if (typeof file.stream !== 'function') return file.text();
  const reader = file.stream().getReader();
  let decoder: TextDecoder | null = null;
  const parts: string[] = [];
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    decoder ??= decoderFor(value);
    parts.push(decoder.decode(value, { stream: true }));
    read += value.byteLength;
    onProgress(file.size > 0 ? read / file.size : 1);
  }
  parts.push(decoder?.decode() ?? '');
  return parts.join('');
}

/** Buffers of a preview that can be transferred (allocated per analysis). */
export function previewTransferables(preview: ImportPreview): ArrayBuffer[] {
  const r = preview.result;
  if (r?.kind !== 'boundaries' || !r.apply) return [];
  const out: ArrayBuffer[] = [];
  for (const a of [r.apply.cellPolygon, r.apply.placePolygon])
    if (a.buffer instanceof ArrayBuffer && !out.includes(a.buffer)) out.push(a.buffer);
  return out;
}

/**
 * The server side: reads the file (keeping the last file's text for re-analysis), runs the pipeline, posts
 * throttled progress and the preview.
 * @param post sends a response
 * @param now a clock for throttling progress messages
 * @example const handle = createImportHandler((m, t) => self.postMessage(m, t));
 */
export function createImportHandler(
  post: PostImport,
  now: () => number = () => performance.now(),
): (request: ImportRequest) => Promise<void> {
  let cached: { key: number; text: string } | null = null;
  return async (request) => {
    const { id } = request;
    let last = -Infinity;
    let lastPhase: Phase | null = null;
    const progress = (phase: Phase, fraction: number) => {
      const t = now();
      if (phase === lastPhase && t - last < 50 && fraction < 1) return;
      last = t;
      lastPhase = phase;
      post({ type: 'progress', id, phase, fraction }, []);
    };
    try {
      let text: string;
      if (cached?.key === request.fileKey) text = cached.text;
      else {
        cached = null;
        text = await readText(request.file, (f) => progress('read', f));
        cached = { key: request.fileKey, text };
      }
      const preview = analyseImport({ name: request.name, text }, request.options, request.context, progress);
      post({ type: 'result', id, preview }, previewTransferables(preview));
    } catch (e) {
      post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) }, []);
    }
  };
}
