// The roadshow planner: mission presets, honest units, the why behind a candidate, plans a team can act on, and
// links that reproduce the results.
import { test as base } from './driver';
import { expect } from './helpers';
import { SimulateDriver } from './simulate-driver';

const test = base.extend<{ sim: SimulateDriver }>({
  sim: async ({ page }, use) => use(new SimulateDriver(page)),
});

// Each journey loads the map and runs the optimiser: allow more than the default minute on a busy machine.
test.describe.configure({ timeout: 150_000 });

test('"Rank candidates" shows a table best first, in people with their unit, and numbers the top 10', async ({
  sim,
  dashboard,
}) => {
  await sim.open();
  await expect(sim.panel.getByTestId('preset-formula')).toContainText('offline residents within 100 km');
  await sim.rank();
  await expect(
    sim.candidateTable.getByRole('columnheader', { name: /offline residents within 100 km/ }),
  ).toBeVisible();
  const rows = await sim.candidates();
  expect(rows.length).toBe(50);
  expect(rows[0]!.gain).toBeGreaterThan(0);
  await expect.poll(() => sim.numberedOnMap()).toBe(10);
  await dashboard.screenshot('simulate-rank');
  expect(dashboard.errors).toEqual([]);
});

test('switching the preset re-ranks: eastern hubs count no Java town, all offline people do', async ({
  sim,
}) => {
  await sim.open();
  await sim.rank();
  const east = (await sim.candidates()).map((c) => c.city);
  await sim.choosePreset('All offline people');
  await expect(sim.panel.getByTestId('preset-formula')).toContainText('All Indonesia');
  await expect
    .poll(async () =>
      (await sim.candidates())
        .map((c) => c.city)
        .slice(0, 10)
        .join('|'),
    )
    .not.toBe(east.slice(0, 10).join('|'));
  const all = (await sim.candidates()).map((c) => c.city);
  expect(all.slice(0, 10)).not.toEqual(east.slice(0, 10));
});

test('a row shows its catchment on the map and an inspector with its figures', async ({ sim, dashboard }) => {
  await sim.open();
  await sim.rank();
  const [top] = await sim.candidates();
  await sim.inspect(top!.city);
  await expect(sim.inspector).toContainText('Residents within the catchment');
  await expect(sim.inspector).toContainText('Islands reached');
  await expect.poll(() => sim.inspectedOnMap()).toBeGreaterThan(0);
  await dashboard.screenshot('simulate-inspect');
});

test('"Adopt this plan as hubs" adds the planned stops, with a date', async ({ sim }) => {
  await sim.open();
  await sim.plan(3);
  const stops = await sim.plannedStops();
  expect(stops).toHaveLength(3);
  const before = (await sim.hubNames()).length;
  await sim.panel.getByText('Adopt this plan as hubs').click();
  await sim.panel.getByLabel(`Planned date for ${stops[0]}`).fill('2027-03-14');
  await sim.panel.getByRole('button', { name: 'Adopt 3 stops as hubs' }).click();
  await expect.poll(async () => (await sim.hubNames()).length).toBe(before + 3);
  await expect(sim.hub(stops[0]!)).toBeVisible();
});

test('the CSV and GeoJSON exports carry every assumption, the province of each stop and the catchments', async ({
  sim,
  dashboard,
}) => {
  await sim.open();
  await sim.plan(5);
  expect(await sim.plannedStops()).toHaveLength(5);
  await expect(sim.reachCurve).toBeVisible();
  await expect.poll(() => sim.numberedOnMap()).toBe(5);
  await dashboard.screenshot('simulate-plan');
  const csv = await sim.download('CSV');
  expect(csv.name).toBe('jangkau-plan-5-stops.csv');
  const lines = csv.text.split('\r\n').filter((l) => l !== '');
  expect(lines).toHaveLength(6);
  const header = lines[0]!.split(',');
  for (const field of [
    'province',
    'regency',
    'new_count',
    'preset',
    'formula',
    'region',
    'radius_km',
    'sea_rule',
    'share_year',
    'run_date',
    'data_version',
  ])
    expect(header).toContain(field);
  expect(lines[1]).toContain('east3t');
  const geo = JSON.parse((await sim.download('GeoJSON')).text) as {
    assumptions: Record<string, unknown>;
    features: { properties: Record<string, unknown> }[];
  };
  expect(geo.assumptions['radius_km']).toBe(100);
  const kinds = geo.features.map((f) => f.properties['feature']);
  expect(kinds.filter((k) => k === 'stop')).toHaveLength(5);
  expect(kinds.filter((k) => k === 'stop_catchment')).toHaveLength(5);
  expect(kinds).toContain('hub_catchment');
  // The same field names in both files.
  const stop = geo.features.find((f) => f.properties['feature'] === 'stop')!.properties;
  for (const field of header) expect(Object.keys(stop)).toContain(field);
});

test('a shared link reproduces the preset, the plan and its stops', async ({ sim, page, browser }) => {
  // Two pages load the app and the optimiser.
  test.setTimeout(240_000);
  await sim.open();
  await sim.choosePreset('Small businesses (UMKM)');
  await sim.plan(4);
  const stops = await sim.plannedStops();
  await expect.poll(() => page.url()).toContain('run=plan');
  const link = page.url();
  expect(link).toContain('preset=umkm');
  const fresh = await browser.newPage();
  await fresh.goto(link);
  const other = new SimulateDriver(fresh);
  await expect(other.planTable).toBeVisible();
  await expect.poll(() => other.plannedStops()).toEqual(stops);
  await fresh.close();
});
