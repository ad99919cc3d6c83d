// A JSON syntax error is located by offset whatever the engine's message says.
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../../../src/domain/import/json-error';

describe('jsonErrorOffset', () => {
  it('agrees with JSON.parse on what is valid', () => {
    for (const ok of [
      '{}',
      '[]',
      ' {"a": [1, -2.5e3, true, false, null, "x\\"y\\u00e9"]} ',
      '"s"',
      '0',
      '[[[[]]]]',
    ])
      expect([ok, jsonErrorOffset(ok)]).toEqual([ok, -1]);
  });
  it('points at the first offending character, or the end', () => {
    expect(jsonErrorOffset('{"a":}')).toBe(5);
    expect(jsonErrorOffset('[1,]')).toBe(3);
    expect(jsonErrorOffset('[1 2]')).toBe(3);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset("{'a':1}")).toBe(1);
    expect(jsonErrorOffset('[01]')).toBe(2);
    expect(jsonErrorOffset('{"a":1')).toBe(6);
    expect(jsonErrorOffset('')).toBe(0);
    expect(jsonErrorOffset('{} x')).toBe(3);
    expect(jsonErrorOffset('["a\nb"]')).toBe(1);
    expect(jsonErrorOffset('['.repeat(100000))).toBe(100000);
  });
});
