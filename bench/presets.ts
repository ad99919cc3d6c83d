/**
 * Planner presets benchmark: `npx tsx bench/presets.ts`. Not a test. The compute (CPU time) of a preset switch on the
 * embedded data (demand with region and weights + catchment lists from the cache or built + the ranking), as the
 * worker does it, then the default preset's 10-stop plan. The last line is one JSON object.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { prepareDataset } from '../src/data/dataset';
import { createOptimizerSession, type Scenario } from '../src/domain/optimizer/session';
import { km } from '../src/domain/types';
import { PRESETS, type PresetId } from '../src/domain/planner/presets';
import { cellPriorityWeights } from '../src/domain/planner/fields';
import { initialHubs } from '../src/state/initial';
import { selectMsmeRates, selectRegionMask, selectShares } from '../src/state/simulate-selectors';
import { demandYear } from '../src/state/selectors';

const dir = fileURLToPath(new URL('../public/data/', import.meta.url));
const json = <T>(name: string) => JSON.parse(readFileSync(`${dir}${name}`, 'utf8')) as T;
const bin = readFileSync(`${dir}cells.bin`);
const data = prepareDataset({
  provinces: json('provinces.json'),
  stats: json('stats.json'),
  places: json('places.json'),
  cellsMeta: json('cells.json'),
  regencies: json('regencies.json'),
  boundaries: json('provinces.geojson'),
  bin: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
});
const session = createOptimizerSession({
  cells: data.cells,
  islandGaps: data.cellsMeta.islandGaps,
  places: data.places,
});
const hubs = initialHubs(data).map((h) => ({ lat: h.lat, lon: h.lon }));
const share = selectShares(data, demandYear(data));

function scenario(id: PresetId): Scenario {
  const p = PRESETS[id];
  return {
    rule: {
      radiusKm: km(p.radiusKm),
      sameIslandOnly: p.sameIslandOnly,
      seaCrossingKm: km(p.seaCrossingKm),
      decayEdge: 1,
      crossTo: p.crossTo,
    },
    hubs,
    demand: p.demand,
    share,
    msmePerResident: p.demand.useMsme ? selectMsmeRates(data).perResident : null,
    filter: { region: p.region, minPop: p.minPop, polygons: null, excludeExisting: true, kinds: p.kinds },
    isEast: data.isEast.se2016,
    inRegion: selectRegionMask(data, p.region, 'se2016'),
    priority: cellPriorityWeights(data.cells, p.demand.priorityFactor),
  };
}

/** CPU time of `f` in ms (user + system): compute, not the wait for a core on a shared machine. */
const ms = (f: () => void) => {
  const t0 = process.cpuUsage();
  f();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
};
const order: PresetId[] = ['east3t', 'umkm', 'offline'];
const cold = order.map((id) => ({ id, ms: ms(() => session.rank(scenario(id))) }));
const warm: number[] = [];
for (let i = 0; i < 30; i++) {
  const id = order[i % order.length]!;
  warm.push(ms(() => session.rank(scenario(id))));
}
warm.sort((a, b) => a - b);
const median = warm[Math.floor(warm.length / 2)]!;
const max = warm[warm.length - 1]!;
console.log(
  'first switch to each preset (catchment lists built):',
  cold.map((c) => `${c.id} ${c.ms.toFixed(1)} ms`).join(', '),
);
console.log(
  `preset switch re-rank, lists cached: median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms (30 switches)`,
);

const ranking = session.rank(scenario('east3t')).ranking;
const top = Array.from(
  ranking.rows.slice(0, 10),
  (r, j) =>
    `${data.places.name[r]} (${data.provinces.polygons[data.places.polygon[r]!]?.label}) ${Math.round(ranking.count[j]!)}`,
);
console.log('default preset, top 10 ranked:', top.join('; '));
const planned = await session.plan(scenario('east3t'), 10, { robustness: false });
const stops = planned.plan.stops.map(
  (s, i) =>
    `${data.places.name[s.row]} (${data.provinces.polygons[data.places.polygon[s.row]!]?.label}) +${Math.round(planned.counts[i]!)}`,
);
console.log('default preset, 10-stop plan:', stops.join('; '));
console.log(JSON.stringify({ presetSwitchMedianMs: median, presetSwitchMaxMs: max, cold }));
