// Links an attacker or an unlucky user could write: object-property names as values, impossible dates and
// numbers, and the round trip over every panel and setting the app itself can produce.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sceneSchema } from '../../../src/state/scenes/scene';
import { MIN_POP_MAX } from '../../../src/state/slices/simulation';
import { urlStateArbitrary } from './url-arbitrary';
import {
  decode,
  DEFAULT_URL_STATE,
  encode,
  isCalendarDate,
  URL_KEYS,
  urlStateSchema,
  type UrlState,
} from '../../../src/state/url';

/** Names every plain object answers to (inherited from Object.prototype), and then some. */
const PROTO_WORDS = [
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__proto__',
  '__defineGetter__',
  'toLocaleString',
  'propertyIsEnumerable',
];

/** A decoded value is plain data: it survives structuredClone (what postMessage does) unchanged. */
function expectPlain(value: unknown) {
  expect(() => structuredClone(value)).not.toThrow();
  expect(structuredClone(value)).toEqual(value);
  expect(JSON.parse(JSON.stringify(value))).toEqual(value);
}

describe('link values that name object properties', () => {
  it.each(URL_KEYS.filter((k) => k !== 'v'))('%s=<property name> is dropped or plain', (key) => {
    for (const word of PROTO_WORDS) {
      const decoded = decode(`?v=1&${key}=${encodeURIComponent(word)}`, { polygonCount: 33 });
      expectPlain(decoded.state);
      expect(urlStateSchema.partial().safeParse(decoded.state).success).toBe(true);
      // Every one of these is a wrong value for every parameter (`h` needs name~lat~lon~status).
      expect(decoded.dropped.map((d) => d.param)).toContain(key);
    }
  });

  it('island=constructor&offline=constructor is reported, never applied as a function', () => {
    const { state, dropped } = decode('?island=constructor&offline=constructor');
    expect(state.rule).toBeUndefined();
    expect(state.demand).toBeUndefined();
    expect(dropped).toEqual([
      { param: 'island', value: 'constructor', reason: 'unknownValue', detail: '0, 1' },
      { param: 'offline', value: 'constructor', reason: 'unknownValue', detail: '0, 1' },
    ]);
  });

  it('a hub status named after a property is an unknown status', () => {
    for (const word of PROTO_WORDS) {
      const { state, dropped } = decode(`?h=Ambon~-3.7~128.2~${word}`);
      expect(state.hubs).toBeUndefined();
      expect(dropped[0]).toMatchObject({
        param: 'h',
        reason: 'unknownValue',
        part: { hub: 1, field: 'status' },
      });
    }
  });

  it('any text in any parameter decodes to plain values of the expected type', () => {
    const word = fc.oneof(
      fc.constantFrom(...PROTO_WORDS, '1', '0', 'yes', '1e400', '-0', '2023-02-31'),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...URL_KEYS), word, { maxKeys: 8 }), (params) => {
        const decoded = decode(new URLSearchParams(params), { polygonCount: 33 });
        expectPlain(decoded.state);
        expect(urlStateSchema.partial().safeParse(decoded.state).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});

describe('impossible values are rejected with the right reason', () => {
  it('hub dates that are not days of the calendar', () => {
    for (const date of ['2023-02-31', '9999-99-99', '2023-00-10', '2023-04-31', '2023-13-01', '2023-01-00']) {
      const { state, dropped } = decode(`?h=Ambon~-3.7~128.2~h~${date}`);
      expect(state.hubs).toBeUndefined();
      expect(dropped).toEqual([
        {
          param: 'h',
          value: `Ambon~-3.7~128.2~h~${date}`,
          reason: 'noSuchDate',
          detail: date,
          part: { hub: 1, field: 'date' },
        },
      ]);
    }
    expect(decode('?h=Ambon~-3.7~128.2~h~2024-02-29').state.hubs?.[0]?.date).toBe('2024-02-29');
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
  });

  it('a scene whose hub date is not a day is invalid', () => {
    const hub = { id: 'a', name: 'Ambon', lat: -3.7, lon: 128.2, status: 'held', date: '2023-02-31' };
    const r = urlStateSchema.safeParse({ ...DEFAULT_URL_STATE, hubs: [hub] });
    expect(r.success).toBe(false);
  });

  it('a year without data names the years there are', () => {
    const years = { min: 2015, max: 2024 };
    expect(decode('?year=2100', { years }).dropped).toEqual([
      { param: 'year', value: '2100', reason: 'noDataYear', detail: '2015–2024' },
    ]);
    expect(decode('?year=2023', { years }).state.year).toBe(2023);
  });

  it('numbers too big for the page are out of range, not fractions', () => {
    for (const [key, range] of [
      ['classes', '3–9'],
      ['year', '1900–2100'],
      ['k', '1–30'],
      ['radius', undefined],
      ['minpop', `0–${MIN_POP_MAX}`],
      ['sel', '0–255'],
      ['zoom', '0–22'],
    ] as const) {
      for (const raw of ['1e400', '-1e400', '99999999999999999999999']) {
        const d = decode(`?${key}=${raw}`).dropped.find((x) => x.param === key);
        expect(d?.reason, `${key}=${raw}`).toBe('outOfRange');
        if (range) expect(d?.detail).toBe(range);
      }
    }
  });
});

describe('whatever the app writes, it reads back', () => {
  const withoutIds = (s: Partial<UrlState>) => ({ ...s, hubs: s.hubs?.map((h) => ({ ...h, id: '' })) });

  it('every panel, setting and hub (property)', () => {
    const state = urlStateArbitrary;
    fc.assert(
      fc.property(state, (s) => {
        // What a scene keeps is what a link carries: the same state must pass both.
        expect(urlStateSchema.safeParse(s).success).toBe(true);
        const decoded = decode(encode(s), { polygonCount: 38, years: { min: 1900, max: 2100 } });
        expect(decoded.dropped).toEqual([]);
        // Defaults are left out of links: the state read back is the defaults with the link over them.
        expect(withoutIds({ ...DEFAULT_URL_STATE, ...decoded.state })).toEqual(withoutIds(s));
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it('a link made with the Import panel open opens it again', () => {
    const { state, dropped } = decode(encode({ ...DEFAULT_URL_STATE, panel: 'import' }));
    expect(dropped).toEqual([]);
    expect(state.panel).toBe('import');
  });

  it('a scene with a minimum population above 100,000,000 comes back from its link', () => {
    const s: UrlState = {
      ...DEFAULT_URL_STATE,
      filter: { ...DEFAULT_URL_STATE.filter, minPop: 250_000_000 },
    };
    expect(decode(encode(s)).state.filter?.minPop).toBe(250_000_000);
  });

  it('scene-file hubs sharing an id get distinct ids', () => {
    const hub = { name: 'Ambon', lat: -3.7, lon: 128.2, status: 'held', date: null };
    const scene = {
      id: 's',
      name: 'S',
      notes: '',
      createdAt: '2024-01-01T00:00:00.000Z',
      state: {
        ...DEFAULT_URL_STATE,
        hubs: [
          { ...hub, id: 'dup' },
          { ...hub, id: 'dup', name: 'Banda' },
          { ...hub, id: 'dup-2' },
          { ...hub, id: 'dup' },
        ],
      },
    };
    const r = sceneSchema.parse(scene);
    const ids = r.state.hubs.map((h) => h.id);
    expect(new Set(ids).size).toBe(4);
    expect(ids[0]).toBe('dup');
    expect(ids[2]).toBe('dup-2');
    expect(r.state.hubs.map((h) => h.name)).toEqual(['Ambon', 'Banda', 'Ambon', 'Ambon']);
  });
});
