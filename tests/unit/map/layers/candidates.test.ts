import { describe, expect, it } from 'vitest';
import { numberImageId, parseNumberImageId, type Ink } from '../../../../src/map/layers/candidates';

describe('candidate number images (drawn when the map first asks for one)', () => {
  it('reads back the ink and number of every id the number layer can ask for', () => {
    for (const ink of ['dark', 'light', 'plan'] as Ink[])
      for (const n of [1, 9, 10, 30]) expect(parseNumberImageId(numberImageId(ink, n))).toEqual({ ink, n });
  });

  it('ignores other images and malformed numbers', () => {
    for (const id of [
      'no-data-hatch',
      'candidate-number-red-3',
      'candidate-number-dark-0',
      'candidate-number-dark-',
      'candidate-number-dark-3x',
      'candidate-number-dark-1000',
    ])
      expect(parseNumberImageId(id), id).toBeNull();
  });
});
