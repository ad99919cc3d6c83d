import { describe, expect, it } from 'vitest';
import { classify, classifyZeroApart, classOf } from '../../../src/domain/classify';

const data = [1, 2, 4, 5, 7, 9, 10, 20];

describe('classify', () => {
  it('equal interval splits the range evenly', () => {
    expect(classify(data, 'equal', 3)?.bounds).toEqual([1, 1 + 19 / 3, 1 + 38 / 3, 20]);
  });

  it('quantile puts equal counts in each class (R-7 quantiles)', () => {
    // quartiles of 1,2,4,5,7,9,10,20: 3.5, 6, 9.25
    expect(classify(data, 'quantile', 4)?.bounds).toEqual([1, 3.5, 6, 9.25, 20]);
  });

  it('jenks finds the natural groups {1,2,4,5} {7,9,10} {20}', () => {
    expect(classify(data, 'jenks', 3)?.bounds).toEqual([1, 7, 20, 20]);
    // Known Jenks result for a classic example (three well-separated clusters).
    const c = classify([0, 1, 2, 50, 51, 52, 100, 101, 102, 103], 'jenks', 3)!;
    expect(c.bounds).toEqual([0, 50, 100, 103]);
  });

  it('ignores missing values and caps classes at the number of distinct values', () => {
    const c = classify([null, 5, 5, 7, Number.NaN], 'quantile', 5)!;
    expect(c.count).toBeLessThanOrEqual(2);
    expect(classify([null, 5, 5, 7], 'equal', 5)?.count).toBe(2);
    expect(classify([null], 'equal', 5)).toBeNull();
  });

  it('assigns each value to a class, the maximum to the last', () => {
    const c = classify(data, 'jenks', 3)!;
    expect(data.map((v) => classOf(c, v))).toEqual([0, 0, 0, 0, 1, 1, 1, 2]);
  });

  it('does not mutate its input', () => {
    const input = [5, 1, 3];
    classify(input, 'quantile', 3);
    expect(input).toEqual([5, 1, 3]);
  });
});

describe('classifyZeroApart (shares that are zero in most provinces)', () => {
  const shares = [
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.4, 2.5, 7, 12, 18, 41.2,
  ];

  it('plain quantiles over mostly zeros leave a single class of positive values', () => {
    const q = classify(shares, 'quantile', 5)!;
    expect(shares.filter((v) => v > 0).every((v) => classOf(q, v) === classOf(q, 41.2))).toBe(true);
  });

  it('keeps zero apart and spreads the positive values over the other classes', () => {
    const c = classifyZeroApart(shares, 'quantile', 5)!;
    expect(c.bounds[0]).toBe(0);
    expect(c.bounds[1]).toBe(0.4);
    expect(c.count).toBe(5);
    expect(classOf(c, 0)).toBe(0);
    expect(new Set(shares.filter((v) => v > 0).map((v) => classOf(c, v))).size).toBe(4);
  });

  it('is plain classify when nothing is zero', () => {
    expect(classifyZeroApart([1, 2, 3, 4, 5], 'equal', 3)).toEqual(classify([1, 2, 3, 4, 5], 'equal', 3));
  });
});
