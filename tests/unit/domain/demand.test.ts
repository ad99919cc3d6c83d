import { describe, expect, it } from 'vitest';

import { buildDemand, DEFAULT_DEMAND_SETTINGS, describeDemand } from '../../../src/domain/demand';
import { table } from './reference';

const cells = table([
  { lat: 0, lon: 100, pop: 1000, island: 0, polygon: 0 },
  { lat: 0, lon: 101, pop: 2000, island: 0, polygon: 1 },
  { lat: 0, lon: 102, pop: 3000, island: 0, polygon: 2 },
]);
const share = [0.75, 0.5, null];

describe('buildDemand', () => {
  it('multiplies people by the offline share to the power a and by what is not yet covered', () => {
    const d = buildDemand(
      cells,
      { ...DEFAULT_DEMAND_SETTINGS, offlineExponent: 2 },
      {
        share,
        covered: new Float32Array([0, 0.5, 1]),
      },
    );
    expect([...d.values]).toEqual([1000 * 0.25 ** 2, 2000 * 0.5 ** 2 * 0.5, 0]);
  });

  it('treats a missing share as no information (factor 1) and counts the cells', () => {
    const d = buildDemand(cells, DEFAULT_DEMAND_SETTINGS, { share: [0.75, NaN] });
    expect([...d.values]).toEqual([250, 2000, 3000]);
    expect(d.missingShareCells).toBe(2);
    expect(d.missingSharePolygons).toEqual([1, 2]);
  });

  it('ignores shares and coverage that are switched off', () => {
    const d = buildDemand(
      cells,
      { useOffline: false, offlineExponent: 1, useCoverage: false, useMsme: false },
      { share: [], covered: new Float32Array([1, 1, 1]) },
    );
    expect([...d.values]).toEqual([1000, 2000, 3000]);
    expect(d.missingShareCells).toBe(0);
  });

  it('counts MSMEs instead of people, with 0 (and a count) where the rate is missing', () => {
    const d = buildDemand(
      cells,
      { useOffline: false, offlineExponent: 1, useCoverage: false, useMsme: true },
      { share, msmePerResident: [0.1, null, 0.2] },
    );
    expect([...d.values]).toEqual([100, 0, 600]);
    expect(d.missingMsmeCells).toBe(1);
    expect(d.missingMsmePolygons).toEqual([1]);
  });

  it('rejects percentages passed as fractions and out-of-range exponents', () => {
    expect(() => buildDemand(cells, DEFAULT_DEMAND_SETTINGS, { share: [66.5] })).toThrow(RangeError);
    expect(() => buildDemand(cells, { ...DEFAULT_DEMAND_SETTINGS, offlineExponent: 4 }, { share })).toThrow(
      RangeError,
    );
    expect(() =>
      buildDemand(cells, DEFAULT_DEMAND_SETTINGS, { share, covered: new Float32Array(2) }),
    ).toThrow(RangeError);
  });

  it('does not mutate its inputs', () => {
    const covered = new Float32Array([0.2, 0.4, 0.6]);
    const inputs = { share: [...share], covered, msmePerResident: [1, 2, 3] };
    const before = structuredClone({ cells, inputs });
    buildDemand(cells, { ...DEFAULT_DEMAND_SETTINGS, useMsme: true }, inputs);
    expect({ cells, inputs }).toEqual(before);
  });
});

describe('describeDemand', () => {
  it('says the default formula in plain words', () => {
    expect(describeDemand(DEFAULT_DEMAND_SETTINGS)).toBe(
      "people × (share offline)^1 × (not yet inside any hub's catchment)",
    );
  });

  it('follows the switches', () => {
    expect(
      describeDemand({ useOffline: true, offlineExponent: 1.5, useCoverage: false, useMsme: true }),
    ).toBe('MSMEs (people × MSMEs per resident) × (share offline)^1.5');
    expect(
      describeDemand({ useOffline: false, offlineExponent: 1, useCoverage: false, useMsme: false }),
    ).toBe('people');
  });
});
