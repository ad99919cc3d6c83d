declare module 'polylabel' {
  /** Pole of inaccessibility of a polygon (rings of [x, y]); returns [x, y] with a `distance` property. */
  export default function polylabel(
    polygon: number[][][],
    precision?: number,
  ): [number, number] & { distance: number };
}
