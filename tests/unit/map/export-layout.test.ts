// Layout of the exported map image (pure parts; the drawing is checked by tests/e2e/briefing.spec.ts).
import { describe, expect, it } from 'vitest';
import {
  exportSize,
  layoutExport,
  placeLabels,
  wrapText,
  type ExportText,
} from '../../../src/map/export-layout';

/** A monospace stand-in for canvas measureText: 7 px per character. */
const mono = (s: string) => s.length * 7;
const measure = { title: mono, legend: mono, footer: mono };

const TEXT: ExportText = {
  title: 'Internet use (% of population, BPS) · 2023',
  subtitle: 'Jangkau · exported 2026-11-22',
  legend: [
    { colour: '#c6dbef', label: '29.9–59.9%' },
    { colour: '#08306b', label: '72.4–86.7%' },
    { colour: '#d9d9d9', label: 'no data', hatch: true },
  ],
  legendNote: null,
  footer: [
    'Source: BPS (Susenas)',
    'Assumptions: Metric: Internet use (% of population, BPS) · Year: 2023 · Catchment: 50 km radius, sea crossings up to 10 km · 5 hubs',
    "Demand: people × (share offline)^1 × (not yet inside any hub's catchment)",
  ],
};

type Box = readonly [number, number, number, number];
const inside = (b: Box, w: number, h: number) => b[0] >= 0 && b[1] >= 0 && b[2] <= w && b[3] <= h;
const overlap = (a: Box, b: Box) => a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];

describe('export image layout', () => {
  it('sizes the image as the map on screen times the scale', () => {
    expect(exportSize({ width: 967, height: 763 }, 1)).toEqual({ width: 967, height: 763 });
    expect(exportSize({ width: 967, height: 763 }, 2)).toEqual({ width: 1934, height: 1526 });
    expect(exportSize({ width: 990.4, height: 752.6 }, 2)).toEqual({ width: 1981, height: 1505 });
  });

  it('wraps text at word boundaries and keeps an overlong word whole', () => {
    expect(wrapText('a bb ccc dddd', 6 * 7, mono)).toEqual(['a bb', 'ccc', 'dddd']);
    expect(wrapText('supercalifragilistic x', 5 * 7, mono)).toEqual(['supercalifragilistic', 'x']);
    expect(wrapText('   ', 100, mono)).toEqual([]);
  });

  it('places labels in priority order without overlaps, inside the frame, clear of blocked boxes', () => {
    const c = (text: string, x: number, y: number) => ({ text, x, y, width: 40, height: 14 });
    const placed = placeLabels(
      [
        c('first', 100, 100),
        c('overlaps first', 110, 105),
        c('off the edge', 5, 100),
        c('under the title', 60, 20),
        c('free', 300, 300),
      ],
      { width: 400, height: 400 },
      [[0, 0, 120, 40]],
    );
    expect(placed.map((p) => p.text)).toEqual(['first', 'free']);
  });

  it('puts the title top left, the footer across the bottom and the legend just above it', () => {
    const frame = { width: 700, height: 600 };
    const layout = layoutExport(frame, TEXT, measure);
    const { title, legend, footer } = layout;
    for (const box of [title.box, legend.box, footer.box])
      expect(inside(box, frame.width, frame.height)).toBe(true);
    expect(footer.box[3]).toBe(frame.height);
    expect(footer.box[2] - footer.box[0]).toBe(frame.width);
    expect(legend.box[3]).toBeLessThanOrEqual(footer.box[1]);
    expect(overlap(title.box, legend.box)).toBe(false);
    // Every footer line fits the width; the long assumptions line wrapped.
    expect(footer.lines.length).toBeGreaterThan(TEXT.footer.length);
    for (const line of footer.lines) expect(mono(line)).toBeLessThanOrEqual(frame.width - 24);
    // The legend is wide enough for its longest label beside the swatch.
    expect(legend.box[2] - legend.box[0]).toBeGreaterThanOrEqual(mono('72.4–86.7%') + 22 + 8);
  });

  it('wraps a long title in a narrow map instead of running off the edge', () => {
    const layout = layoutExport({ width: 320, height: 480 }, TEXT, measure);
    expect(layout.title.lines.length).toBeGreaterThan(1);
    expect(inside(layout.title.box, 320, 480)).toBe(true);
  });
});
