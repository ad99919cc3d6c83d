// The URL codec. Round trips, hand-edited and garbled links, versions and migrations.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Hub } from '../../../src/state/slices/scenario';
import {
  decode,
  DEFAULT_URL_STATE,
  encode,
  MAX_HUBS,
  toQuery,
  URL_VERSION,
  urlPatch,
  urlStateSchema,
  type DropReason,
  type HubField,
  type UrlState,
} from '../../../src/state/url';
import { queryFor } from '../../../src/state/url-sync';
import { droppedText } from '../../../src/ui/Notices';
import { urlStateArbitrary } from './url-arbitrary';
import { tEn, tId } from '../i18n/translate';

const hub = (
  name: string,
  lat: number,
  lon: number,
  status: Hub['status'],
  date: string | null = null,
  id = 'x',
): Hub => ({
  id,
  name,
  lat,
  lon,
  status,
  date,
});

/** Every field away from its default, and hub names with the codec's separators and escapes in them. */
const RICH: UrlState = {
  camera: { lon: 120.5, lat: -2.25, zoom: 5.6 },
  metric: 'offline_population',
  year: 2019,
  scheme: 'jenks',
  classes: 7,
  palette: 'viridis',
  showDivide: true,
  grouping: 'kti17',
  language: 'id',
  hubs: [
    hub('Gorontalo', 0.5375, 123.0625, 'held', '2018-09-13'),
    hub('Banda Aceh', 5.5483, 95.3238, 'planned'),
    hub('50%_off~city, "quoted" ü', -7.1, 110.25, 'added'),
  ],
  rule: { radiusKm: 120, sameIslandOnly: true, seaCrossingKm: 35, decayEdge: 0.25, crossTo: 'any' },
  demand: { useOffline: false, offlineExponent: 1.5, useCoverage: false, useMsme: true, priorityFactor: 3 },
  filter: {
    region: 'east',
    minPop: 50000,
    polygons: [3, 7, 12],
    excludeExisting: false,
    kinds: ['regencySeat', 'provinceCapital'],
  },
  planK: 12,
  selected: 12,
  panel: 'detail',
  preset: 'umkm',
  participationRate: 0.025,
  constraints: { mustInclude: [1642, 17], excluded: [2046], maxOnePerGroup: true, minShareInSet: 0.5 },
  inspected: 1642,
  lastRun: 'plan',
};

/** Decoded hubs get fresh ids; compare without them. */
const withoutIds = (s: Partial<UrlState>) => ({ ...s, hubs: s.hubs?.map(({ id: _id, ...rest }) => rest) });

/** A decoded link applied over the defaults, as the app does at start-up. */
const roundTrip = (s: UrlState, viaText = true) => {
  const params = encode(s);
  const decoded = decode(viaText ? `?${toQuery(params)}` : params);
  expect(decoded.dropped).toEqual([]);
  return { ...DEFAULT_URL_STATE, ...decoded.state };
};

describe('URL codec round trip', () => {
  it('restores every field of a rich state, through the address-bar text', () => {
    expect(withoutIds(roundTrip(RICH))).toEqual(withoutIds(RICH));
    expect(withoutIds(roundTrip(RICH, false))).toEqual(withoutIds(RICH));
  });

  it('writes only the version and the hubs for the defaults', () => {
    // The preset is always written: its absence marks a link from before presets.
    expect(encode(DEFAULT_URL_STATE).toString()).toBe('v=1&h=&preset=east3t');
    expect(roundTrip(DEFAULT_URL_STATE)).toEqual(DEFAULT_URL_STATE);
  });

  it('keeps the link readable: separators stay, spaces become %20', () => {
    const q = toQuery(
      encode({ ...DEFAULT_URL_STATE, hubs: [hub('Banda Aceh', 5.5483, 95.3238, 'held', '2018-11-03')] }),
    );
    expect(q).toBe('v=1&h=Banda%20Aceh~5.5483~95.3238~h~2018-11-03&preset=east3t');
  });

  it('distinguishes "no hubs" (h=) from "keep the default hubs" (no h)', () => {
    expect(decode('?v=1&h=').state.hubs).toEqual([]);
    expect(decode('?v=1&metric=population').state.hubs).toBeUndefined();
  });

  it('round-trips arbitrary valid states (property)', () => {
    const state = urlStateArbitrary;
    fc.assert(
      fc.property(state, (s) => {
        expect(withoutIds(roundTrip(s))).toEqual(withoutIds(s));
        // A decoded state is always a valid scene state.
        expect(urlStateSchema.safeParse(roundTrip(s)).success).toBe(true);
      }),
      { numRuns: 200 },
    );
    // 200 rich states take a few seconds on a shared machine.
  }, 30_000);
});

describe('hand-edited and garbled links', () => {
  it('drops each bad parameter with a reason and applies the rest', () => {
    const { state, dropped } = decode(
      '?v=1&year=abc&metric=population&classes=42&palette=rainbow&island=maybe&k=2.5',
    );
    expect(state.metric).toBe('population');
    expect(state.year).toBeUndefined();
    expect(dropped).toEqual([
      { param: 'year', value: 'abc', reason: 'notNumber' },
      { param: 'classes', value: '42', reason: 'outOfRange', detail: '3–9' },
      {
        param: 'palette',
        value: 'rainbow',
        reason: 'unknownValue',
        detail: 'blues, viridis, purples, greens',
      },
      { param: 'island', value: 'maybe', reason: 'unknownValue', detail: '0, 1' },
      { param: 'k', value: '2.5', reason: 'notInteger' },
    ]);
  });

  it('keeps the good hubs of a list and names the broken one', () => {
    const { state, dropped } = decode('?h=Ambon~-3.7~128.2~a_Bad~x~1~h_Far~95~1~h_Odd~1~2~z_Short~1');
    expect(state.hubs?.map((h) => h.name)).toEqual(['Ambon']);
    expect(dropped).toEqual([
      { param: 'h', value: 'Bad~x~1~h', reason: 'notNumber', part: { hub: 2, field: 'latitude' } },
      {
        param: 'h',
        value: 'Far~95~1~h',
        reason: 'outOfRange',
        detail: '-90–90',
        part: { hub: 3, field: 'latitude' },
      },
      {
        param: 'h',
        value: 'Odd~1~2~z',
        reason: 'unknownValue',
        detail: 'h, p, a',
        part: { hub: 4, field: 'status' },
      },
      {
        param: 'h',
        value: 'Short~1',
        reason: 'badFormat',
        detail: 'name~lat~lon~status[~date]',
        part: { hub: 5 },
      },
    ]);
  });

  it('names a hub with a broken name or date, and too many hubs', () => {
    const long = 'x'.repeat(121);
    const { dropped } = decode(`?h=%25E0~1~2~h_${long}~1~2~h_Ok~1~2~h~13.9.2018`);
    expect(dropped).toEqual([
      { param: 'h', value: '%E0~1~2~h', reason: 'badEscapes', part: { hub: 1, field: 'name' } },
      {
        param: 'h',
        value: `${long}~1~2~h`,
        reason: 'badLength',
        detail: '1–120',
        part: { hub: 2, field: 'name' },
      },
      {
        param: 'h',
        value: 'Ok~1~2~h~13.9.2018',
        reason: 'badFormat',
        detail: 'YYYY-MM-DD',
        part: { hub: 3, field: 'date' },
      },
    ]);
    const many = Array.from({ length: MAX_HUBS + 3 }, (_, i) => `H${i}~1~2~h`).join('_');
    expect(decode(`?h=${many}`).dropped).toEqual([
      { param: 'h', value: '+3', reason: 'tooMany', detail: String(MAX_HUBS) },
    ]);
  });

  it('keeps the current hubs when every hub in the link is broken', () => {
    const { state, dropped } = decode('?h=%E0%A4%A~1~2~h_x~~~');
    expect(state.hubs).toBeUndefined();
    expect(dropped.map((d) => d.reason)).toEqual(['badEscapes', 'notNumber']);
  });

  it('needs lon, lat and zoom together, each in range', () => {
    expect(decode('?lon=120&lat=-3&zoom=5').state.camera).toEqual({ lon: 120, lat: -3, zoom: 5 });
    const partial = decode('?lon=120&zoom=5');
    expect(partial.state.camera).toBeUndefined();
    expect(partial.dropped.map((d) => [d.param, d.reason])).toEqual([
      ['lon', 'incomplete'],
      ['zoom', 'incomplete'],
    ]);
    const bad = decode('?lon=120&lat=-3&zoom=99');
    expect(bad.state.camera).toBeUndefined();
    expect(bad.dropped.map((d) => [d.param, d.reason])).toEqual([
      ['zoom', 'outOfRange'],
      ['lon', 'incomplete'],
      ['lat', 'incomplete'],
    ]);
  });

  it('rejects provinces that do not exist in the data', () => {
    const { state, dropped } = decode('?sel=40&polys=1.50', { polygonCount: 33 });
    expect(state.selected).toBeUndefined();
    expect(state.filter).toBeUndefined();
    expect(dropped).toEqual([
      { param: 'polys', value: '1.50', reason: 'noSuchProvince', detail: '0–32' },
      { param: 'sel', value: '40', reason: 'noSuchProvince', detail: '0–32' },
    ]);
    expect(decode('?polys=1.x', { polygonCount: 33 }).dropped).toEqual([
      { param: 'polys', value: '1.x', reason: 'badIdList', detail: '0–32' },
    ]);
  });

  it('ignores parameters it does not own, and a link without any', () => {
    expect(decode('?e2e&utm_source=mail')).toEqual({ state: {}, dropped: [], hasState: false });
    expect(decode('?e2e&metric=population').state).toEqual({ metric: 'population' });
  });

  it('reads the last value of a repeated parameter', () => {
    expect(decode('?metric=population&metric=msme_total').state.metric).toBe('msme_total');
  });

  it('survives junk of every kind without throwing', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const q = `?v=${a}&year=${b}&h=${a}_${b}&lon=${a}&lat=${b}&zoom=${a}&polys=${b}&sel=${a}&panel=${b}`;
        const { state } = decode(q, { polygonCount: 33 });
        expect(urlStateSchema.partial().safeParse(state).success).toBe(true);
      }),
    );
  });
});

describe('versions', () => {
  it('writes the current version', () => {
    expect(encode(RICH).get('v')).toBe(String(URL_VERSION));
  });

  it('reads a link without v as the current version', () => {
    expect(decode('?metric=population')).toEqual({
      state: { metric: 'population' },
      dropped: [],
      hasState: true,
    });
  });

  it('reports a newer or unreadable version and still applies what it can', () => {
    const newer = decode('?v=7&metric=population');
    expect(newer.state.metric).toBe('population');
    expect(newer.dropped).toEqual([{ param: 'v', value: '7', reason: 'newerVersion', detail: '1' }]);
    expect(decode('?v=abc&metric=population').dropped[0]).toMatchObject({ param: 'v', reason: 'notNumber' });
    expect(decode('?v=0&metric=population').dropped[0]).toMatchObject({
      param: 'v',
      reason: 'unsupportedVersion',
    });
  });

  it('migrates old links one step at a time', () => {
    // A pretend history: version 1 called the metric `m`, version 2 wrote classes as `k5`.
    const migrations = {
      1: (p: URLSearchParams) => {
        const q = new URLSearchParams(p);
        const m = q.get('m');
        q.delete('m');
        if (m !== null) q.set('metric', m);
        return q;
      },
      2: (p: URLSearchParams) => {
        const q = new URLSearchParams(p);
        const c = q.get('classes');
        if (c?.startsWith('k')) q.set('classes', c.slice(1));
        return q;
      },
    };
    const decoded = decode('?v=1&m=population&classes=k7', { currentVersion: 3, migrations });
    expect(decoded.dropped).toEqual([]);
    expect(decoded.state).toMatchObject({ metric: 'population', classes: 7 });
    // A missing step is reported, and the link is read as the current version.
    const gap = decode('?v=1&metric=population', { currentVersion: 3, migrations: { 1: migrations[1] } });
    expect(gap.dropped).toEqual([{ param: 'v', value: '1', reason: 'unsupportedVersion', detail: '3' }]);
    expect(gap.state.metric).toBe('population');
  });
});

describe('applying a link', () => {
  it('tags the camera with origin app and sets only what the link has', () => {
    expect(
      urlPatch({ selected: null }, { camera: { lon: 1, lat: 2, zoom: 3 }, metric: 'population' }),
    ).toEqual({
      camera: { lon: 1, lat: 2, zoom: 3 },
      cameraOrigin: 'app',
      metric: 'population',
    });
  });

  it('closes the detail panel when no province is selected', () => {
    expect(urlPatch({ selected: null }, { panel: 'detail' }).panel).toBe('none');
    expect(urlPatch({ selected: 4 }, { panel: 'detail' }).panel).toBe('detail');
    expect(urlPatch({ selected: 4 }, { panel: 'detail', selected: null }).panel).toBe('none');
  });

  it('disarms "Add hub" when the link replaces the hubs', () => {
    expect(urlPatch({ selected: null }, { hubs: [] })).toEqual({ hubs: [], addHubArmed: false });
  });

  it('keeps parameters that belong to others (e.g. ?e2e) in front', () => {
    expect(queryFor('?e2e&year=abc&metric=msme_total', { ...DEFAULT_URL_STATE, metric: 'population' })).toBe(
      'e2e&v=1&metric=population&h=&preset=east3t',
    );
  });
});

describe('links from before presets', () => {
  it('read their absent planner parameters as the defaults of that time', () => {
    const old = decode('?v=1&h=&radius=80').state;
    expect(old.rule).toEqual({
      radiusKm: 80,
      sameIslandOnly: false,
      seaCrossingKm: 10,
      decayEdge: 1,
      crossTo: 'any',
    });
    expect(old.filter?.region).toBe('all');
    expect(old.filter?.kinds).toBeNull();
    expect(old.demand?.priorityFactor).toBe(1);
    expect(old.preset).toBe('offline');
  });

  it('while a link with a preset reads them as today’s defaults', () => {
    const now = decode('?v=1&h=&preset=east3t').state;
    expect(now.rule).toEqual(DEFAULT_URL_STATE.rule);
    expect(now.filter).toEqual(DEFAULT_URL_STATE.filter);
    expect(now.demand).toEqual(DEFAULT_URL_STATE.demand);
  });
});

describe('the words of a dropped parameter', () => {
  const garbled = decode('?year=abc&zoom=9&h=Ok~1~2~h_Bad~x~1~h&polys=1.x', { polygonCount: 33 }).dropped;

  it('are English or Bahasa Indonesia, whole', () => {
    expect(garbled.map((d) => droppedText(tEn, d))).toEqual([
      'zoom=9 (needs lon, lat and zoom together)',
      'year=abc (not a number)',
      'h=Bad~x~1~h (hub 2, latitude: not a number)',
      'polys=1.x (expected province ids 0–32, joined by ".")',
    ]);
    expect(garbled.map((d) => droppedText(tId, d))).toEqual([
      'zoom=9 (lon, lat, dan zoom harus diisi bersama-sama)',
      'year=abc (bukan angka)',
      'h=Bad~x~1~h (hub 2, lintang: bukan angka)',
      'polys=1.x (seharusnya ID provinsi 0–32 yang dipisahkan dengan ".")',
    ]);
  });

  it('exist in both languages for every reason and hub field', () => {
    const reasons: DropReason[] = [
      'notNumber',
      'notInteger',
      'outOfRange',
      'unknownValue',
      'badFormat',
      'badLength',
      'badEscapes',
      'badIdList',
      'incomplete',
      'tooMany',
      'noSuchProvince',
      'unsupportedVersion',
      'newerVersion',
    ];
    const fields: HubField[] = ['name', 'latitude', 'longitude', 'status', 'date'];
    for (const t of [tEn, tId]) {
      for (const reason of reasons)
        expect(droppedText(t, { param: 'p', value: 'v', reason, detail: '1' })).not.toMatch(/briefing\./);
      for (const field of fields)
        expect(
          droppedText(t, { param: 'h', value: 'v', reason: 'notNumber', part: { hub: 1, field } }),
        ).not.toMatch(/briefing\./);
    }
  });
});
