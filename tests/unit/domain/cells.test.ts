import { describe, expect, it } from 'vitest';

import { decodeCells } from '../../../src/domain/cells';
import type { CellsMeta } from '../../../src/domain/types';
import { table } from './reference';

const cells = table([
  { lat: -6.2, lon: 106.8, pop: 12345, island: 3, polygon: 9 },
  { lat: 1.5, lon: 124.8, pop: 7, island: 65000, polygon: 32 },
  { lat: -8.6, lon: 116.1, pop: 0, island: 0, polygon: 0 },
]);
const n = cells.count;

/** Encodes like data/build: 4-byte columns first, then u16, then u8 (every column aligned). */
function encode(extraPad = 0): { buffer: ArrayBuffer; meta: CellsMeta } {
  const cols = [
    ['lat', 'f32', cells.lat],
    ['lon', 'f32', cells.lon],
    ['pop', 'u32', cells.pop],
    ['h3hi', 'u32', new Uint32Array([1, 2, 3])],
    ['h3lo', 'u32', new Uint32Array([4, 5, 6])],
    ['island', 'u16', cells.island],
    ['polygon', 'u8', cells.polygon],
  ] as const;
  let offset = extraPad;
  const columns = cols.map(([name, type, data]) => {
    const spec = { name, type, offset };
    offset += data.byteLength;
    return spec;
  });
  const bytes = new Uint8Array(offset);
  cols.forEach(([, , data], i) =>
    bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), columns[i]!.offset),
  );
  const meta: CellsMeta = {
    version: 1,
    resolution: 6,
    count: n,
    islandCount: 65001,
    columns,
    islandGaps: [],
    maxGapKm: 100,
  };
  return { buffer: bytes.buffer, meta };
}

describe('decodeCells', () => {
  it('reads every column at its offset', () => {
    const { buffer, meta } = encode();
    const t = decodeCells(buffer, meta);
    expect(t.count).toBe(3);
    expect(t.lat).toEqual(cells.lat);
    expect(t.lon).toEqual(cells.lon);
    expect(t.pop).toEqual(cells.pop);
    expect(t.island).toEqual(cells.island);
    expect(t.polygon).toEqual(cells.polygon);
    expect([...t.h3hi]).toEqual([1, 2, 3]);
    expect([...t.h3lo]).toEqual([4, 5, 6]);
    expect(t.lat.buffer).toBe(buffer); // a view, no copy
  });

  it('copies a misaligned column instead of failing', () => {
    const { buffer, meta } = encode(1);
    const t = decodeCells(buffer, meta);
    expect(t.lat).toEqual(cells.lat);
    expect(t.polygon).toEqual(cells.polygon);
  });

  it('rejects a missing column, a wrong type or a short buffer', () => {
    const { buffer, meta } = encode();
    expect(() =>
      decodeCells(buffer, { ...meta, columns: meta.columns.filter((c) => c.name !== 'pop') }),
    ).toThrow(/no column "pop"/);
    expect(() =>
      decodeCells(buffer, {
        ...meta,
        columns: meta.columns.map((c) => (c.name === 'lat' ? { ...c, type: 'u32' } : c)),
      }),
    ).toThrow(/expected f32/);
    expect(() => decodeCells(buffer.slice(0, 10), meta)).toThrow(RangeError);
  });
});
