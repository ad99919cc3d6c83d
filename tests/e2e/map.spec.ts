// The map responds to the metric, hubs and their catchment zones as a planner expects.
import { test as base } from './driver';
import { expect, hexToRgb } from './helpers';
import { colourDistance, MapDriver } from './map-driver';
import { SEA_COLOUR } from '../../src/map/layers/base';

const test = base.extend<{ map: MapDriver }>({
  map: async ({ page }, use) => use(new MapDriver(page)),
});

// Label anchor of Kalimantan Timur (public/data/provinces.json), well inside the polygon.
const KALTIM: [number, number] = [116.4, 0.6];
const MAKASSAR: [number, number] = [119.42, -5.14];

test('the colour inside a province changes when the metric changes', async ({ map }) => {
  await map.open();
  await map.jumpTo(116, 0, 5);
  await map.chooseMetric('Internet use (% of people aged 5+, BPS)');
  const before = await map.colourAt(...KALTIM);
  await map.chooseMetric('Population');
  const after = await map.colourAt(...KALTIM);
  expect(colourDistance(before, after), `${before.join()} vs ${after.join()}`).toBeGreaterThan(20);
});

test('provinces without a value are hatched, and the legend says "no data"', async ({ map, page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
  });
  await map.open();
  // APJII's survey has no figure for Kalimantan Timur in its latest year (data/SOURCES.md).
  await map.chooseMetric('Internet use (APJII survey, where cited)');
  await map.jumpTo(116, 0, 5);
  const colours = await map.coloursAround(116.3, 1.6, 6);
  const near = (rgb: [number, number, number]) => colours.some((c) => colourDistance(c, rgb) < 25);
  expect(near([150, 150, 150]) && near([236, 236, 236]), 'dark and light stripes of the hatch').toBe(true);
  await expect(page.getByRole('region', { name: /legend/i }).getByText('no data')).toBeVisible();
  expect(warnings, 'the hatch image is there when the layer asks for it').toEqual([]);
});

test('"Add hub" then a click on a city adds the hub and draws its zone', async ({ map, page }) => {
  await map.open();
  await map.jumpTo(119.8, -4.5, 7);
  const zonesBefore = await map.zoneCount();
  const landBefore = await map.colourAt(MAKASSAR[0] + 0.25, MAKASSAR[1] + 0.05);
  await map.addHubAt(...MAKASSAR);
  await expect(map.hubRow('Makassar')).toBeVisible();
  expect(await map.zoneCount()).toBeGreaterThan(zonesBefore);
  const landAfter = await map.colourAt(MAKASSAR[0] + 0.25, MAKASSAR[1] + 0.05);
  expect(colourDistance(landBefore, landAfter), 'the zone tints the land around the city').toBeGreaterThan(
    20,
  );
  expect(await page.getByRole('button', { name: 'Add hub' }).getAttribute('aria-pressed')).toBe('false');
});

test('dragging a hub changes its reach', async ({ map }) => {
  await map.open();
  await map.jumpTo(119.8, -4.5, 7);
  await map.addHubAt(...MAKASSAR);
  const before = await map.reachOf('Makassar');
  expect(before).not.toBe('');
  await map.dragHub('Makassar', 120, -60);
  await expect.poll(() => map.reachOf('Makassar')).not.toBe(before);
});

test('zones never paint the open sea', async ({ map }) => {
  await map.open();
  await map.setRadius(300);
  await map.jumpTo(123.6, -10.2, 6);
  // 120 km south of Kupang lies the open Timor Sea, well inside the 300 km radius.
  const sea = await map.colourAt(123.6, -11.3);
  expect(colourDistance(sea, hexToRgb(SEA_COLOUR))).toBeLessThanOrEqual(3);
  // …while land next to Kupang is tinted by its zone.
  expect(await map.zoneCount()).toBeGreaterThan(0);
});

test('the table view lists the 38 provinces, one per polygon', async ({ page, map }) => {
  await map.open();
  await page.getByRole('button', { name: 'Table view' }).click();
  const table = page.getByRole('table', { name: /Table of the map/ });
  await expect(table.getByRole('row')).toHaveCount(39);
  const names = await table.locator('tbody tr th, tbody tr td:first-child').allTextContents();
  expect(names.join(' ')).toContain('Papua Pegunungan');
  expect(names.join(' ')).toContain('Kalimantan Utara');
});

test('zoomed in, the regency layer shows; a click on a regency opens its figures with sources', async ({
  page,
  map,
}) => {
  // The regency outlines load (and MapLibre tiles them) the first time the layer shows.
  test.setTimeout(120_000);
  await map.open();
  await map.jumpTo(116.3, -8.6, 8);
  await expect(page.getByRole('combobox', { name: 'Colour regencies by' })).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => window.__jangkau?.map.getSource('regencies') !== undefined))
    .toBe(true);
  await expect(page.locator('.map-label-regency', { hasText: 'Lombok Tengah' })).toBeVisible();
  const box = (await page.locator('.map-label-regency', { hasText: 'Lombok Tengah' }).boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height + 6);
  const detail = page.getByRole('region', { name: 'Regency' });
  await expect(detail).toContainText('Kabupaten Lombok Tengah');
  await expect(detail).toContainText('SP2020 count');
  await expect(detail).toContainText('Peraturan Presiden No. 63 Tahun 2020');
});

test('a hub moves with the arrow keys and Delete removes it', async ({ map, page }) => {
  await map.open();
  await map.jumpTo(119.8, -4.5, 7);
  await map.addHubAt(...MAKASSAR);
  const before = await map.reachOf('Makassar');
  await map.marker('Makassar').focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => map.reachOf('Makassar')).not.toBe(before);
  await page.keyboard.press('Delete');
  await expect(map.hubRow('Makassar')).toHaveCount(0);
});
