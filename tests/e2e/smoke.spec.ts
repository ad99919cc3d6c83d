// The built dashboard loads, MapLibre draws the provinces, and nothing leaves the origin.
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

// A data file that does not load is named, in the link's language; the Language control still works.
test('a missing data file is named in Bahasa Indonesia or English, with a way to reload', async ({
  dashboard,
}) => {
  await dashboard.breakDataFile('cells.json', 404);
  await dashboard.open('lang=id');
  await expect(dashboard.alert).toContainText(
    'Data bawaan tidak dapat dimuat: server menjawab HTTP 404 untuk berkas cells.json.',
  );
  await expect(dashboard.button('Muat ulang halaman')).toBeVisible();
  // Views that need the data are off, rather than opening onto nothing.
  for (const name of ['Rencanakan roadshow', 'Tabel', 'Impor data', 'Tampilan tersimpan', 'Mode presentasi'])
    await expect(dashboard.button(name)).toBeDisabled();

  await dashboard.chooseLanguage('Bahasa', 'English');
  await expect(dashboard.alert).toContainText(
    'The embedded data could not be loaded: the server answered HTTP 404 for the file cells.json.',
  );
  await expect(dashboard.button('Reload the page')).toBeVisible();
  // The browser logs the 404 itself; the app throws nothing.
  expect(dashboard.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
});
