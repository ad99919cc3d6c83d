/**
 * Decoding of the population surface `public/data/cells.bin` described by `cells.json`.
 */
import type { CellTable, CellsMeta } from './types';

type ColumnName = keyof Omit<CellTable, 'count'>;
type ColumnType = CellsMeta['columns'][number]['type'];

const BYTES: Readonly<Record<ColumnType, number>> = { f32: 4, u32: 4, u16: 2, u8: 1 };

/**
 * Reads the columns of `cells.bin`: each column is `meta.count` elements of its type starting at byte `offset`.
 * Aligned columns become views on `buffer` (no copy), so do not transfer or mutate the buffer afterwards;
 * a misaligned column is copied.
 *
 * @param buffer Contents of cells.bin.
 * @param meta Contents of cells.json.
 * @returns The cell table.
 * @throws RangeError when a column is missing, has an unexpected type or runs past the end of the buffer.
 * @example
 * const meta = (await (await fetch('/data/cells.json')).json()) as CellsMeta;
 * const cells = decodeCells(await (await fetch('/data/cells.bin')).arrayBuffer(), meta);
 */
export function decodeCells(buffer: ArrayBuffer, meta: CellsMeta): CellTable {
  const count = meta.count;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`invalid cell count ${count}`);

  /** The column's bytes as (buffer, byteOffset), aligned for its element size. */
  const column = (name: ColumnName, type: ColumnType): [ArrayBuffer, number] => {
    const spec = meta.columns.find((c) => c.name === name);
    if (!spec) throw new RangeError(`cells.json has no column "${name}"`);
    if (spec.type !== type) throw new RangeError(`column "${name}" is ${spec.type}, expected ${type}`);
    const size = BYTES[type];
    const end = spec.offset + size * count;
    if (!Number.isInteger(spec.offset) || spec.offset < 0 || end > buffer.byteLength) {
      throw new RangeError(
        `column "${name}" (bytes ${spec.offset}..${end}) exceeds cells.bin (${buffer.byteLength})`,
      );
    }
    if (spec.offset % size === 0) return [buffer, spec.offset];
    return [buffer.slice(spec.offset, end), 0];
  };

  const hasRegency = meta.columns.some((c) => c.name === 'regency');
  return {
    count,
    lat: new Float32Array(...column('lat', 'f32'), count),
    lon: new Float32Array(...column('lon', 'f32'), count),
    pop: new Uint32Array(...column('pop', 'u32'), count),
    polygon: new Uint8Array(...column('polygon', 'u8'), count),
    island: new Uint16Array(...column('island', 'u16'), count),
    ...(hasRegency ? { regency: new Uint16Array(...column('regency', 'u16'), count) } : {}),
    h3hi: new Uint32Array(...column('h3hi', 'u32'), count),
    h3lo: new Uint32Array(...column('h3lo', 'u32'), count),
  };
}
