/**
 * PNG export of the map, ready for a slide: the map at 1× or 2× with province labels, hubs, a title,
 * the legend, the source line and the stamped assumptions.
 *
 * MapLibre's WebGL canvas has no `preserveDrawingBuffer`, so the map is copied inside a `render` event, right
 * after `triggerRepaint()`, while the frame is still in the drawing buffer. For 2× the map's pixel ratio is set to
 * 2 for the capture and restored afterwards. Labels and hub markers are HTML on screen, so they are drawn here.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { getActiveMap } from './active-map';
import {
  exportSize,
  layoutExport,
  placeLabels,
  TYPE,
  type ExportScale,
  type ExportText,
  type LabelCandidate,
  type Measure,
} from './export-layout';

export interface ExportSpec extends ExportText {
  readonly scale: ExportScale;
  /** Province labels in priority order, at their anchors. */
  readonly labels: readonly { readonly text: string; readonly lon: number; readonly lat: number }[];
  readonly hubs: readonly {
    readonly lon: number;
    readonly lat: number;
    readonly status: 'held' | 'planned' | 'added';
  }[];
}

/**
 * Why an image export failed, as a code the UI words in the reader's language, with the parameters
 * its words take: `notReady` (no map on screen), `noRedraw` (the map did not draw a frame in time), `noCanvas`
 * (the browser gave no 2D canvas, often for lack of memory), `encodeFailed` (no PNG came out), `failed`
 * (anything else; detail = the browser's own message, e.g. a SecurityError).
 */
export const EXPORT_FAILURES = {
  notReady: [],
  noRedraw: [],
  noCanvas: [],
  encodeFailed: [],
  failed: ['detail'],
} as const satisfies Readonly<Record<string, readonly 'detail'[]>>;

export type ExportFailureCode = keyof typeof EXPORT_FAILURES;

/** A failed export as data: the code, and the browser's message for `failed`. */
export interface ExportFailure {
  readonly code: ExportFailureCode;
  readonly detail?: string;
}

export class ExportError extends Error {
  constructor(readonly code: Exclude<ExportFailureCode, 'failed'>) {
    // The message is for the console; the UI words `code`.
    super(code);
    this.name = 'ExportError';
  }
}

/**
 * Any error from an export as a failure the UI can word.
 * @example exportFailure(new ExportError('noCanvas')) // { code: 'noCanvas' }
 * @example exportFailure(new DOMException('The canvas has been tainted.', 'SecurityError')) // { code: 'failed', detail: 'The canvas has been tainted' }
 */
export function exportFailure(e: unknown): ExportFailure {
  if (e instanceof ExportError) return { code: e.code };
  // The sentence around it has its own full stop.
  return { code: 'failed', detail: (e instanceof Error ? e.message : String(e)).replace(/\.$/, '') };
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
const INK = '#1f2933';
const MUTED = '#52606d';
const ZONE = '#d95f02';
const HUB_FILL = { held: ZONE, planned: '#ffffff', added: '#7a0177' } as const;

/** The map's size on screen in CSS pixels. */
export function mapCssSize(map: MapLibreMap): { width: number; height: number } {
  const c = map.getContainer();
  return { width: c.clientWidth, height: c.clientHeight };
}

function waitFor(map: MapLibreMap, event: 'idle' | 'render', timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = window.setTimeout(done, timeoutMs);
    function done() {
      window.clearTimeout(timer);
      map.off(event, done);
      resolve();
    }
    map.once(event, done);
  });
}

/** Copies the map's current frame (at its current pixel ratio) onto a 2D canvas. */
function captureFrame(map: MapLibreMap): Promise<HTMLCanvasElement> {
  return new Promise((resolve, reject) => {
    const timer = window.setTimeout(() => reject(new ExportError('noRedraw')), 10_000);
    map.once('render', () => {
      window.clearTimeout(timer);
      // Inside MapLibre's event an exception would be lost (and the export would wait for the timeout).
      try {
        const source = map.getCanvas();
        const copy = document.createElement('canvas');
        copy.width = source.width;
        copy.height = source.height;
        const ctx = copy.getContext('2d');
        if (!ctx) return reject(new ExportError('noCanvas'));
        ctx.drawImage(source, 0, 0);
        resolve(copy);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    map.triggerRepaint();
  });
}

/**
 * Renders the map at `scale` and copies it. The pixel ratio is restored even when the capture fails.
 *
 * @example const frame = await captureMap(map, 2) // canvas of 2 × the map's CSS size
 */
export async function captureMap(map: MapLibreMap, scale: ExportScale): Promise<HTMLCanvasElement> {
  const before = map.getPixelRatio();
  if (before === scale) return captureFrame(map);
  map.setPixelRatio(scale);
  try {
    await waitFor(map, 'idle', 5000);
    return await captureFrame(map);
  } finally {
    // null removes the override, so the map follows devicePixelRatio again (MapLibre documents this).
    map.setPixelRatio(null as unknown as number);
  }
}

function hatch(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number) {
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  ctx.strokeStyle = '#969696';
  ctx.lineWidth = 2;
  for (let d = -h; d < w; d += 6) {
    ctx.beginPath();
    ctx.moveTo(x + d, y + h);
    ctx.lineTo(x + d + h, y);
    ctx.stroke();
  }
  ctx.restore();
}

function panel(ctx: CanvasRenderingContext2D, box: readonly number[], alpha = 0.94) {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = box;
  ctx.save();
  ctx.fillStyle = `rgba(255, 255, 255, ${alpha})`;
  ctx.strokeStyle = '#d9dee4';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.roundRect(x0 + 0.5, y0 + 0.5, x1 - x0 - 1, y1 - y0 - 1, 6);
  ctx.fill();
  ctx.stroke();
  ctx.restore();
}

/**
 * Draws the export: map frame, hubs, labels, title, legend and footer, in CSS pixels times `scale`.
 *
 * @returns The composed canvas, `exportSize(mapCssSize(map), scale)` pixels.
 */
export async function composeMapImage(map: MapLibreMap, spec: ExportSpec): Promise<HTMLCanvasElement> {
  const css = mapCssSize(map);
  const size = exportSize(css, spec.scale);
  // Project while the camera is where the user sees it (before the capture resizes anything).
  const projectedLabels = spec.labels.map((l) => ({ ...l, p: map.project([l.lon, l.lat]) }));
  const projectedHubs = spec.hubs.map((h) => ({ ...h, p: map.project([h.lon, h.lat]) }));
  const frame = await captureMap(map, spec.scale);

  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new ExportError('noCanvas');
  ctx.drawImage(frame, 0, 0, size.width, size.height);
  ctx.scale(size.width / css.width, size.height / css.height);

  const font = (px: number, weight = 400) => `${weight} ${px}px ${FONT}`;
  const measureWith =
    (f: string): Measure =>
    (text) => {
      ctx.font = f;
      return ctx.measureText(text).width;
    };
  const layout = layoutExport(css, spec, {
    title: measureWith(font(TYPE.title, 700)),
    legend: measureWith(font(TYPE.legend)),
    footer: measureWith(font(TYPE.footer)),
  });

  // Hubs: the same look as the on-screen markers.
  for (const h of projectedHubs) {
    ctx.beginPath();
    ctx.arc(h.p.x, h.p.y, 7, 0, 2 * Math.PI);
    ctx.fillStyle = HUB_FILL[h.status];
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = h.status === 'planned' ? ZONE : '#ffffff';
    if (h.status === 'planned') ctx.setLineDash([3, 2]);
    ctx.stroke();
    ctx.setLineDash([]);
  }

  // Province labels with a white halo, avoiding each other and the text boxes.
  ctx.font = font(TYPE.label, 600);
  const candidates: LabelCandidate[] = projectedLabels.map((l) => ({
    text: l.text,
    x: l.p.x,
    y: l.p.y,
    width: ctx.measureText(l.text).width + 4,
    height: TYPE.labelLine,
  }));
  const labels = placeLabels(candidates, css, [layout.title.box, layout.legend.box, layout.footer.box]);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  for (const l of labels) {
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.95)';
    ctx.strokeText(l.text, l.x, l.y);
    ctx.fillStyle = INK;
    ctx.fillText(l.text, l.x, l.y);
  }
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';

  // Title.
  panel(ctx, layout.title.box);
  let y = layout.title.box[1] + TYPE.pad + TYPE.title - 3;
  ctx.fillStyle = INK;
  ctx.font = font(TYPE.title, 700);
  for (const line of layout.title.lines) {
    ctx.fillText(line, layout.title.box[0] + TYPE.pad, y);
    y += TYPE.title + 5;
  }
  ctx.font = font(TYPE.subtitle);
  ctx.fillStyle = MUTED;
  ctx.fillText(spec.subtitle, layout.title.box[0] + TYPE.pad, y - 2);

  // Legend.
  if (spec.legend.length > 0) {
    panel(ctx, layout.legend.box);
    y = layout.legend.box[1] + TYPE.pad;
    ctx.font = font(TYPE.legend);
    for (const item of spec.legend) {
      const [w, h] = TYPE.swatch;
      const x = layout.legend.box[0] + TYPE.pad;
      ctx.fillStyle = item.colour;
      ctx.fillRect(x, y, w, h);
      if (item.hatch) hatch(ctx, x, y, w, h);
      ctx.strokeStyle = 'rgba(0, 0, 0, 0.15)';
      ctx.lineWidth = 1;
      ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
      ctx.fillStyle = INK;
      ctx.fillText(item.label, x + w + 8, y + h - 1);
      y += TYPE.legendRow;
    }
    ctx.font = font(TYPE.footer);
    ctx.fillStyle = '#7a4d00';
    for (const line of layout.legend.note) {
      ctx.fillText(line, layout.legend.box[0] + TYPE.pad, y + 9);
      y += TYPE.footerLine;
    }
  }

  // Footer: source and assumptions.
  const [fx0, fy0, fx1, fy1] = layout.footer.box;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.92)';
  ctx.fillRect(fx0, fy0, fx1 - fx0, fy1 - fy0);
  ctx.fillStyle = '#d9dee4';
  ctx.fillRect(fx0, fy0, fx1 - fx0, 1);
  ctx.font = font(TYPE.footer);
  ctx.fillStyle = INK;
  y = fy0 + TYPE.pad / 2 + TYPE.footer;
  for (const line of layout.footer.lines) {
    ctx.fillText(line, TYPE.pad, y);
    y += TYPE.footerLine;
  }
  return canvas;
}

/** The composed image as a PNG blob. */
export async function exportMapPng(map: MapLibreMap, spec: ExportSpec): Promise<Blob> {
  const canvas = await composeMapImage(map, spec);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new ExportError('encodeFailed'))), 'image/png'),
  );
}

/** The on-screen map's size in CSS pixels, or null when no map is mounted. */
export function activeMapSize(): { width: number; height: number } | null {
  const map = getActiveMap();
  return map ? mapCssSize(map) : null;
}

/** Exports the map on screen (for UI code, which never holds the map itself). */
export async function exportActiveMapPng(spec: ExportSpec): Promise<Blob> {
  const map = getActiveMap();
  if (!map) throw new ExportError('notReady');
  return exportMapPng(map, spec);
}
