import { cellToBoundary, cellsToMultiPolygon, gridDisk, h3IndexToSplitLong, latLngToCell } from 'h3-js';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { CellTable } from '../../../src/domain/types';
import { unionOutline, zoneFeatures } from '../../../src/domain/zones';

const key = (p: Position) => `${p[0]!.toFixed(6)},${p[1]!.toFixed(6)}`;
/** Undirected edges of lines (or rings), as a sorted list of keys. */
const edgesOf = (lines: Position[][]) =>
  lines.flatMap((l) => l.slice(1).map((b, i) => [key(l[i]!), key(b)].sort().join('|'))).sort();

describe('zone outline: the union of the cells, traced from their edges', () => {
  it('equals h3’s own union for a disk, as one closed ring', () => {
    const cells = gridDisk(latLngToCell(0.54, 123.06, 6), 6);
    const lines = unionOutline(cells.map((c) => cellToBoundary(c, true)));
    expect(lines).toHaveLength(1);
    expect(key(lines[0]![0]!)).toBe(key(lines[0]!.at(-1)!));
    const h3 = cellsToMultiPolygon(cells, true).flat();
    expect(edgesOf(lines)).toEqual(edgesOf(h3));
  });

  it('traces separate zones and holes as separate rings', () => {
    const a = gridDisk(latLngToCell(0.54, 123.06, 6), 3);
    const b = gridDisk(latLngToCell(-5.14, 119.42, 6), 2);
    // A ring of cells around an empty middle: an outer and an inner boundary.
    const centre = latLngToCell(-8.6, 116.1, 6);
    const ring = gridDisk(centre, 3).filter((c) => !gridDisk(centre, 1).includes(c));
    const cells = [...a, ...b, ...ring];
    const lines = unionOutline(cells.map((c) => cellToBoundary(c, true)));
    expect(lines).toHaveLength(4);
    expect(edgesOf(lines)).toEqual(edgesOf(cellsToMultiPolygon(cells, true).flat()));
  });

  it('has no outline for no cells', () => {
    expect(unionOutline([])).toEqual([]);
  });

  it('gives both features of a zone its box, the extent of its cells', () => {
    const h3 = gridDisk(latLngToCell(-5.14, 119.42, 6), 3);
    const split = h3.map((c) => h3IndexToSplitLong(c));
    const cells = {
      h3lo: Uint32Array.from(split, (x) => x[0]),
      h3hi: Uint32Array.from(split, (x) => x[1]),
    } as unknown as CellTable;
    const [fill, outline] = zoneFeatures(cells, Uint32Array.from(h3.keys()), 'hub-1', 'added');
    const xs = h3.flatMap((c) => cellToBoundary(c, true).map((p) => p[0]));
    const ys = h3.flatMap((c) => cellToBoundary(c, true).map((p) => p[1]));
    const box = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    expect(fill.bbox).toEqual(box);
    expect(outline.bbox).toEqual(box);
    expect(zoneFeatures(cells, new Uint32Array(0), 'hub-2', 'added')[0].bbox).toBeUndefined();
  });
});
