// Issue #5: the roadshow planner. Ranking, "add as next stop", a multi-stop plan with its curve, and the export.
import { test as base } from './driver';
import { expect } from './helpers';
import { SimulateDriver } from './simulate-driver';

const test = base.extend<{ sim: SimulateDriver }>({
  sim: async ({ page }, use) => use(new SimulateDriver(page)),
});

test('"Rank candidates" shows a table best first, and numbers the top candidates on the map', async ({
  sim,
  dashboard,
}) => {
  await sim.open();
  await sim.rank();
  const rows = await sim.candidates();
  expect(rows.length).toBe(50);
  expect(rows[0]!.gain).toBeGreaterThan(0);
  const gains = rows.map((r) => r.gain);
  expect(gains).toEqual([...gains].sort((a, b) => b - a));
  await expect.poll(() => sim.numberedOnMap()).toBe(10);
  await dashboard.screenshot('simulate-rank');
  expect(dashboard.errors).toEqual([]);
});

test('"Add as next stop" adds a hub, and the re-ranked table no longer offers that city’s gain', async ({
  sim,
}) => {
  await sim.open();
  await sim.rank();
  const [top] = await sim.candidates();
  await sim.addAsNextStop(top!.city);
  await expect(sim.hub(top!.city)).toBeVisible();
  await expect
    .poll(async () => {
      const gain = await sim.gainOf(top!.city);
      return gain === null || gain < top!.gain;
    })
    .toBe(true);
});

test('"Plan stops" with 5 stops shows 5 stops and the reach curve; the CSV has a header and 5 rows', async ({
  sim,
  dashboard,
}) => {
  await sim.open();
  await sim.plan(5);
  expect(await sim.plannedStops()).toHaveLength(5);
  await expect(sim.reachCurve).toBeVisible();
  await expect.poll(() => sim.numberedOnMap()).toBe(5);
  await dashboard.screenshot('simulate-plan');
  const csv = await sim.downloadCsv();
  expect(csv.name).toBe('jangkau-plan-5-stops.csv');
  const lines = csv.text.split('\r\n').filter((l) => l !== '');
  expect(lines).toHaveLength(6);
  expect(lines[0]).toBe('stop,name,lat,lon,newly_reached,cumulative,robust');
  expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['1', '2', '3', '4', '5']);
});
