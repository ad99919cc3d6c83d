// Issue #2: the built dashboard loads, MapLibre draws the provinces, and nothing leaves the origin.
import { expect, test } from './driver';

test('the dashboard opens on a drawn map of Indonesia, offline and without errors', async ({ dashboard }) => {
  await dashboard.open();
  await dashboard.waitForMapIdle();
  await dashboard.screenshot('smoke');

  const colours = await dashboard.mapColours();
  expect(colours.distinctColours, 'the canvas is not blank').toBeGreaterThanOrEqual(4);
  expect(colours.sea, 'the sea background is drawn').toBeGreaterThan(0.2);
  expect(colours.countries, 'neighbouring countries are drawn').toBeGreaterThan(0.005);
  expect(await dashboard.provinceFillShare(), 'the province fill layer paints the land').toBeGreaterThan(
    0.05,
  );

  expect(await dashboard.drawnProvinceIds(), 'every province in the data is on screen').toEqual(
    await dashboard.provinceIdsInData(),
  );

  expect(dashboard.errors, 'no console errors').toEqual([]);
  expect(dashboard.foreignRequests, 'no request leaves the page origin').toEqual([]);
});
