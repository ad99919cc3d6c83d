import { describe, expect, it } from 'vitest';

import { catchment, createCellIndex, nearestCell } from '../../../src/domain/catchment';
import { buildDemand, DEFAULT_DEMAND_SETTINGS } from '../../../src/domain/demand';
import { createOptimizerSession, type Scenario } from '../../../src/domain/optimizer/session';
import { cellPriorityWeights } from '../../../src/domain/planner/fields';
import { expectedParticipants, participationReference } from '../../../src/domain/planner/participants';
import { editedFields, PRESETS, seaRuleWords } from '../../../src/domain/planner/presets';
import { km } from '../../../src/domain/types';
import { embeddedDataset } from '../state/embedded-dataset';
import { table } from './reference';

describe('demand with a planned region', () => {
  const cells = table([
    { lat: 0, lon: 100, pop: 1000, island: 0, polygon: 0 },
    { lat: 0, lon: 101, pop: 2000, island: 0, polygon: 1 },
    { lat: 0, lon: 102, pop: 3000, island: 0, polygon: 2 },
  ]);

  it('counts no one outside the region, in the headcount and the score', () => {
    const d = buildDemand(cells, DEFAULT_DEMAND_SETTINGS, {
      share: [0.5, 0.5, 0.5],
      inRegion: [false, true, true],
    });
    expect([...d.counts]).toEqual([0, 1000, 1500]);
    expect([...d.values]).toEqual([0, 1000, 1500]);
  });

  it('keeps the headcount in people when the score is weighted (exponent, priority)', () => {
    const d = buildDemand(
      cells,
      { ...DEFAULT_DEMAND_SETTINGS, offlineExponent: 2, priorityFactor: 3 },
      { share: [0.5, 0.5, 0.5], priority: new Float32Array([1, 3, 1]) },
    );
    expect([...d.counts]).toEqual([500, 1000, 1500]);
    expect([...d.values]).toEqual([250, 1500, 750]);
  });

  it('counts no western cell with the eastern region on the embedded data', () => {
    const data = embeddedDataset();
    const east = data.isEast.se2016;
    const d = buildDemand(data.cells, DEFAULT_DEMAND_SETTINGS, {
      share: data.provinces.polygons.map(() => 0.5),
      inRegion: east,
    });
    let western = 0;
    let eastern = 0;
    for (let c = 0; c < data.cells.count; c++) {
      if (east[data.cells.polygon[c]!]) eastern += d.counts[c]!;
      else western += d.counts[c]! + d.values[c]!;
    }
    expect(western).toBe(0);
    expect(eastern).toBeGreaterThan(0);
  });
});

describe('the sea rule', () => {
  const data = embeddedDataset();
  const bali = { lat: -8.36, lon: 114.62 }; // Jembrana, on the Bali Strait
  const islandOf = (p: { lat: number; lon: number }) => data.cells.island[nearestCell(data.index, p)]!;
  const java = islandOf({ lat: -6.2, lon: 106.8 });
  const reachesJava = (rule: Parameters<typeof catchment>[2]) =>
    [...catchment(data.index, bali, rule).cells].some((c) => data.cells.island[c] === java);

  it('as the default preset states it, a stop on Bali does not count Java', () => {
    const p = PRESETS.east3t;
    const rule = {
      radiusKm: km(p.radiusKm),
      sameIslandOnly: p.sameIslandOnly,
      seaCrossingKm: km(p.seaCrossingKm),
      decayEdge: 1,
      crossTo: p.crossTo,
    };
    expect(reachesJava(rule)).toBe(false);
    // Not a knife edge: even a crossing of 100 km reaches no bigger island.
    expect(reachesJava({ ...rule, seaCrossingKm: km(100) })).toBe(false);
    expect(seaRuleWords(p)).toEqual({ key: 'crossSmaller', km: 20 });
  });

  it('while crossings to any island reach Java across the strait', () => {
    const rule = { radiusKm: km(100), sameIslandOnly: false, seaCrossingKm: km(20), decayEdge: 1 };
    expect(reachesJava(rule)).toBe(true);
    expect(reachesJava({ ...rule, crossTo: 'smaller' as const })).toBe(false);
  });

  it('still reaches a smaller island within the crossing', () => {
    const cells = table([
      { lat: 0, lon: 100, pop: 10, island: 0, polygon: 0 },
      { lat: 0, lon: 100.05, pop: 10, island: 0, polygon: 0 },
      { lat: 0, lon: 100.2, pop: 10, island: 1, polygon: 0 },
    ]);
    const index = createCellIndex(cells, [[0, 1, 15]]);
    const rule = { radiusKm: km(50), sameIslandOnly: false, seaCrossingKm: km(20), decayEdge: 1 };
    const big = { lat: 0, lon: 100 };
    const small = { lat: 0, lon: 100.2 };
    expect(catchment(index, big, { ...rule, crossTo: 'smaller' }).cells.length).toBe(3);
    expect(catchment(index, small, { ...rule, crossTo: 'smaller' }).cells.length).toBe(1);
    expect(catchment(index, small, rule).cells.length).toBe(3);
  });
});

describe('units of the ranking', () => {
  const data = embeddedDataset();
  const session = createOptimizerSession({
    cells: data.cells,
    islandGaps: data.cellsMeta.islandGaps,
    places: data.places,
  });
  const share = data.provinces.polygons.map(() => 0.4);
  const scenario: Scenario = {
    rule: {
      radiusKm: km(50),
      sameIslandOnly: false,
      seaCrossingKm: km(20),
      decayEdge: 1,
      crossTo: 'smaller',
    },
    hubs: [],
    demand: DEFAULT_DEMAND_SETTINGS,
    share,
    msmePerResident: null,
    filter: { region: 'all', minPop: 0, polygons: null, excludeExisting: true },
    isEast: data.isEast.se2016,
  };

  it('reports the headcount beside the score, equal when nothing is weighted', () => {
    const r = session.rank(scenario).ranking;
    expect([...r.count.slice(0, 20)]).toEqual([...r.gain.slice(0, 20)]);
  });

  it('keeps the headcount in people when the exponent weights the score', () => {
    const plain = session.rank(scenario).ranking;
    const weighted = session.rank({
      ...scenario,
      demand: { ...DEFAULT_DEMAND_SETTINGS, offlineExponent: 2 },
    }).ranking;
    const row = plain.rows[0]!;
    const j = weighted.rows.indexOf(row);
    // People stay people (the same headcount); the score is a different number (0.6 × the people here).
    expect(weighted.count[j]).toBeCloseTo(plain.count[0]!, 6);
    expect(weighted.gain[j]).toBeCloseTo(plain.count[0]! * 0.6, 3);
  });

  it('with the eastern region, ranks no western town and counts no western people', () => {
    const east = data.isEast.se2016;
    const r = session.rank({
      ...scenario,
      filter: { ...scenario.filter, region: 'east' },
      inRegion: east,
    }).ranking;
    expect([...r.rows].every((row) => east[data.places.polygon[row]!])).toBe(true);
    expect(r.total).toBeGreaterThan(0);
  });

  it('gives each planned stop its headcount', async () => {
    const { plan, counts } = await session.plan(scenario, 3, { robustness: false });
    expect(counts).toHaveLength(plan.stops.length);
    plan.stops.forEach((s, i) => expect(counts[i]).toBeCloseTo(s.gain, 6));
  });
});

describe('presets and participants', () => {
  it('say which settings were edited', () => {
    expect(editedFields(PRESETS.east3t, PRESETS.east3t)).toEqual([]);
    expect(editedFields(PRESETS.east3t, { ...PRESETS.east3t, radiusKm: 80, region: 'all' })).toEqual([
      'region',
      'radiusKm',
    ]);
  });

  it('read the 2018 reference from the cited facts, never from code', () => {
    const ref = participationReference(embeddedDataset().stats.facts);
    expect(ref).toMatchObject({ trained: 12_000, cities: 15, sourceId: 'laju-7' });
    expect(participationReference([])).toBeNull();
  });

  it('estimate participants from a rate of the MSMEs reached', () => {
    expect(expectedParticipants(40_000, 0.02)).toBe(800);
    expect(expectedParticipants(null, 0.02)).toBeNull();
  });

  it('weights exactly the cells of daerah tertinggal and of regencies with outermost small islands', () => {
    const data = embeddedDataset();
    const weights = cellPriorityWeights(data.cells, 2)!;
    const { regency } = data.cells;
    let flagged = 0;
    for (let c = 0; c < data.cells.count; c++) {
      const r = data.regencies.regencies[regency![c]!]!;
      const is3T = r.tertinggal || r.outermostIslands > 0;
      expect(weights[c]).toBe(is3T ? 2 : 1);
      if (is3T) flagged++;
    }
    expect(flagged).toBeGreaterThan(0);
    expect(cellPriorityWeights(data.cells, 1)).toBeNull();
  });
});
