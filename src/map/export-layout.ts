/**
 * Pure layout of the exported map image: output size, text wrapping, label placement and the boxes of
 * the title, legend and footer. Units are CSS pixels; the drawing code multiplies by the export scale.
 */

/** Measures the width of a text in the current font (a canvas's `measureText`, or a stub in tests). */
export type Measure = (text: string) => number;

export interface Size {
  readonly width: number;
  readonly height: number;
}

export const EXPORT_SCALES = [1, 2] as const;
export type ExportScale = (typeof EXPORT_SCALES)[number];

/**
 * The image's pixel size: the map as it is on screen, times the scale.
 *
 * @example exportSize({ width: 990.4, height: 752.6 }, 2) // { width: 1981, height: 1505 }
 */
export function exportSize(css: Size, scale: ExportScale): Size {
  return { width: Math.round(css.width * scale), height: Math.round(css.height * scale) };
}

/**
 * Greedy word wrap; a single word longer than the line is kept whole.
 *
 * @example wrapText('a b c', 3, (s) => s.length) // ['a b', 'c']
 */
export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export interface LabelCandidate {
  readonly text: string;
  /** Anchor (label centre) in CSS pixels. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

type Box = readonly [x0: number, y0: number, x1: number, y1: number];

const overlaps = (a: Box, b: Box) => a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];

/**
 * Labels in priority order that fit inside the frame without overlapping each other or the `blocked` boxes
 * (title, legend, footer). The same rule as the on-screen labels (src/map/Labels.tsx).
 *
 * @example placeLabels([{ text: 'Bali', x: 50, y: 50, width: 20, height: 14 }], { width: 100, height: 100 }, [])
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  frame: Size,
  blocked: readonly Box[],
): LabelCandidate[] {
  const taken: Box[] = [...blocked];
  const out: LabelCandidate[] = [];
  for (const c of candidates) {
    const box: Box = [c.x - c.width / 2, c.y - c.height / 2, c.x + c.width / 2, c.y + c.height / 2];
    if (box[0] < 0 || box[1] < 0 || box[2] > frame.width || box[3] > frame.height) continue;
    if (taken.some((t) => overlaps(box, t))) continue;
    taken.push(box);
    out.push(c);
  }
  return out;
}

export interface LegendItem {
  readonly colour: string;
  readonly label: string;
  /** The hatched "no data" swatch. */
  readonly hatch?: boolean;
}

export interface ExportText {
  /** e.g. "Internet use (% of population, BPS) · 2023". */
  readonly title: string;
  /** e.g. "Jangkau · exported 2025-06-01". */
  readonly subtitle: string;
  readonly legend: readonly LegendItem[];
  /** Estimate note under the legend, if any. */
  readonly legendNote: string | null;
  /** Source line, then the stamped assumptions; each wraps to the frame. */
  readonly footer: readonly string[];
}

/** Typography of the export, in CSS pixels. */
export const TYPE = {
  pad: 12,
  title: 17,
  subtitle: 11.5,
  legend: 12,
  legendRow: 18,
  swatch: [22, 12] as const,
  footer: 11,
  footerLine: 15,
  label: 11,
  labelLine: 14,
} as const;

export interface Layout {
  readonly title: { readonly box: Box; readonly lines: readonly string[] };
  readonly legend: { readonly box: Box; readonly note: readonly string[] };
  readonly footer: { readonly box: Box; readonly lines: readonly string[] };
}

/**
 * Where the title (top left), legend (bottom left, above the footer) and footer (full width at the bottom) go.
 *
 * @param frame The map size in CSS pixels.
 * @param text What to write.
 * @param measure Text widths per font role.
 */
export function layoutExport(
  frame: Size,
  text: ExportText,
  measure: Record<'title' | 'legend' | 'footer', Measure>,
): Layout {
  const { pad } = TYPE;
  const innerWidth = frame.width - 2 * pad;
  const footerLines = text.footer.flatMap((line) => wrapText(line, innerWidth, measure.footer));
  const footerHeight = footerLines.length * TYPE.footerLine + pad;
  const footerTop = frame.height - footerHeight;

  const titleMax = Math.min(innerWidth - 2 * pad, 560);
  const titleLines = wrapText(text.title, titleMax, measure.title);
  const titleWidth = Math.max(...titleLines.map(measure.title), measure.footer(text.subtitle)) + 2 * pad;
  const titleHeight = titleLines.length * (TYPE.title + 5) + TYPE.subtitle + 6 + 2 * pad - 4;

  const legendWidthMax = Math.min(300, innerWidth);
  const noteLines = text.legendNote
    ? wrapText(text.legendNote, legendWidthMax - 2 * pad, measure.footer)
    : [];
  const itemWidth = Math.max(0, ...text.legend.map((i) => measure.legend(i.label))) + TYPE.swatch[0] + 8;
  const noteWidth = Math.max(0, ...noteLines.map(measure.footer));
  const legendWidth = Math.min(legendWidthMax, Math.max(itemWidth, noteWidth) + 2 * pad);
  const legendHeight = text.legend.length * TYPE.legendRow + noteLines.length * TYPE.footerLine + 2 * pad - 4;
  const legendTop = footerTop - pad - legendHeight;

  return {
    title: { box: [pad, pad, pad + titleWidth, pad + titleHeight], lines: titleLines },
    legend: { box: [pad, legendTop, pad + legendWidth, legendTop + legendHeight], note: noteLines },
    footer: { box: [0, footerTop, frame.width, frame.height], lines: footerLines },
  };
}
