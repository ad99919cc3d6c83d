import { describe, expect, it } from 'vitest';
import { miniMapPaths } from '../../../src/charts/mini-map/scales';
import { embeddedDataset } from '../state/embedded-dataset';

/** Bounding box of the numbers in an SVG path string (absolute commands only, as d3 writes them). */
function pathBox(d: string): { x0: number; y0: number; x1: number; y1: number } | null {
  const nums = d.match(/-?\d+(\.\d+)?(e-?\d+)?/g)?.map(Number) ?? [];
  if (nums.length < 2) return null;
  const xs = nums.filter((_, i) => i % 2 === 0);
  const ys = nums.filter((_, i) => i % 2 === 1);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

describe('mini-map paths', () => {
  const data = embeddedDataset();
  const [w, h] = [260, 110];
  const paths = miniMapPaths(data.boundaries, w, h);

  it('draws every province as a small shape inside the box, not the whole globe', () => {
    expect(paths.filter(Boolean)).toHaveLength(data.boundaries.features.length);
    const total = w * h;
    for (const d of paths) {
      const box = pathBox(d)!;
      expect(box.x0).toBeGreaterThan(-1);
      expect(box.y0).toBeGreaterThan(-1);
      expect(box.x1).toBeLessThan(w + 1);
      expect(box.y1).toBeLessThan(h + 1);
      expect((box.x1 - box.x0) * (box.y1 - box.y0)).toBeLessThan(total / 3);
    }
  });

  it('spans the box: Aceh at the left, Papua at the right', () => {
    const boxes = paths.map((d) => pathBox(d)!);
    expect(Math.min(...boxes.map((b) => b.x0))).toBeLessThan(2);
    expect(Math.max(...boxes.map((b) => b.x1))).toBeGreaterThan(w - 2);
  });
});
