/**
 * Nothing the user saved is lost, and every failure is reported: a broken scene among good ones, two tabs saving,
 * storage blocked, the import and optimiser workers dying mid-job, MapLibre's worker missing.
 */
import { readFile } from 'node:fs/promises';

import { test } from './briefing-driver';
import { ImportDriver } from './import-driver';
import { blockStorage, dieOnNextMessage, expect, openScenes, storedScenes, workerOf } from './robust-driver';
import { SimulateDriver } from './simulate-driver';

const BROKEN = { id: 'broken-1', name: 42, state: 'garbled' };

// Several page loads per test on a machine that may be busy: more time than one load needs.
test.describe.configure({ timeout: 180_000 });

test('a broken stored scene is reported and survives saving other scenes', async ({ briefing, page }) => {
  await openScenes(page);
  await briefing.saveScene('Good one');
  await expect.poll(async () => (await storedScenes(page))?.scenes.length).toBe(1);
  const good = (await storedScenes(page))!.scenes[0];
  await briefing.corruptSceneStorage({ version: 1, scenes: [good, BROKEN] });
  await openScenes(page);
  await expect(page.getByRole('alert').filter({ hasText: '1 saved scene could not be read' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('kept in this browser');
  await briefing.saveScene('Another');
  expect(await briefing.sceneNames()).toEqual(['Good one', 'Another']);
  await expect.poll(async () => (await storedScenes(page))?.scenes.length).toBe(3);
  expect((await storedScenes(page))!.scenes).toContainEqual(BROKEN);
  await openScenes(page);
  expect((await storedScenes(page))!.scenes).toContainEqual(BROKEN);
  expect(await briefing.sceneNames()).toEqual(['Good one', 'Another']);
});

test('two tabs saving scenes keep both, and each tab shows the other one', async ({ briefing, context }) => {
  const { BriefingDriver } = await import('./briefing-driver');
  const other = new BriefingDriver(await context.newPage());
  await openScenes(briefing.page);
  await openScenes(other.page);
  await briefing.saveScene('From tab A');
  await other.saveScene('From tab B');
  await expect.poll(() => briefing.sceneNames()).toEqual(['From tab A', 'From tab B']);
  await expect.poll(() => other.sceneNames()).toEqual(['From tab A', 'From tab B']);
  await openScenes(briefing.page);
  expect(await briefing.sceneNames()).toEqual(['From tab A', 'From tab B']);
  await other.page.close();
});

test('with storage blocked, saving says the scene lasts this visit only and offers the file', async ({
  briefing,
  page,
}) => {
  await blockStorage(page);
  await openScenes(page);
  const panel = briefing.scenesPanel();
  await expect(panel.getByRole('alert')).toContainText('does not let Jangkau keep scenes');
  await panel.getByLabel('Scene name').first().fill('Kept in a file');
  await panel.getByRole('button', { name: 'Save scene' }).click();
  await expect(panel.getByRole('status')).toContainText('kept for this visit only');
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download scene file' }).click();
  const file = await download;
  const text = await readFile(await file.path(), 'utf8');
  expect(JSON.parse(text)).toMatchObject({ kind: 'jangkau-scenes', scenes: [{ name: 'Kept in a file' }] });
});

test('an import worker killed mid-analysis is reported at once, and trying again works', async ({ page }) => {
  const imports = new ImportDriver(page);
  await imports.open();
  await imports.choose('statistics-id.csv');
  const worker = await workerOf(page, /import\.worker/, 'jangkau-lifeline-import');
  await dieOnNextMessage(worker);
  const input = imports.panel.getByLabel('Choose a file');
  await input.setInputFiles({
    name: 'again.csv',
    mimeType: 'text/csv',
    buffer: await readFile('tests/fixtures/import/statistics-codes.csv'),
  });
  // Without the lifeline the progress bar would stay for ever; the page notices within seconds.
  await expect(imports.panel.getByText('The import stopped unexpectedly')).toBeVisible({ timeout: 10_000 });
  await imports.choose('statistics-id.csv');
  await expect(imports.panel.getByText('The import stopped unexpectedly')).toHaveCount(0);
});

test('an optimiser worker that dies is noticed at once, not after the 30 s timeout', async ({ page }) => {
  const simulate = new SimulateDriver(page);
  await simulate.open();
  await simulate.rank();
  const worker = await workerOf(page, /optimizer\.worker/, 'jangkau-lifeline-optimizer');
  await dieOnNextMessage(worker);
  await simulate.panel.getByRole('button', { name: 'Rank candidates' }).click();
  await expect(simulate.panel.getByText(/The optimiser stopped unexpectedly/)).toBeVisible({
    timeout: 10_000,
  });
  await simulate.rank();
  await expect(simulate.panel.getByText(/The optimiser stopped unexpectedly/)).toHaveCount(0);
});

test("when MapLibre's worker cannot load, the map says so and the rest still works", async ({ page }) => {
  await page.route(/maplibre-gl-worker/, (route) => route.abort());
  await page.goto('/?e2e');
  const map = page.getByRole('region', { name: 'Map of Indonesian provinces' });
  await expect(map.getByRole('alert')).toContainText('The map could not be drawn');
  await page.getByRole('button', { name: 'Table view' }).click();
  await expect(page.getByRole('table').first()).toBeVisible();
});
