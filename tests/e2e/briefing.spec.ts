// A briefing travels as a link, steps through saved scenes, and exports a slide-ready image.
import { expect, mapPixels, saveArtifact, test, BriefingDriver } from './briefing-driver';

const MAKASSAR = { lon: 119.42, lat: -5.14 };
const SULAWESI = { lon: 120.5, lat: -2.2, zoom: 5.6 };

test('a shared link reproduces metric, year, hubs and camera in a fresh browser', async ({
  briefing,
  browser,
  baseURL,
}) => {
  await briefing.open();
  await briefing.chooseMetric('Internet use (% of people aged 5+, BPS)');
  await briefing.chooseYear(2019);
  await briefing.removeHub('Jayapura');
  await briefing.moveCamera({ lon: 119.8, lat: -4.5, zoom: 7 });
  await briefing.addHubAt(MAKASSAR.lon, MAKASSAR.lat);
  await briefing.moveCamera(SULAWESI);
  const hubs = await briefing.hubNames();
  expect(hubs).toContain('Makassar');
  expect(hubs).not.toContain('Jayapura');
  const link = await briefing.shareLink();
  expect(link).toContain('v=1');

  // A new browser context: no storage, no history, nothing shared with the first page.
  const context = await browser.newContext({
    ...(baseURL ? { baseURL } : {}),
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
  });
  try {
    const fresh = new BriefingDriver(await context.newPage());
    await fresh.openUrl(link);
    expect(await fresh.metricAndYear()).toEqual({
      metric: 'Internet use (% of people aged 5+, BPS)',
      year: '2019',
    });
    await expect(fresh.legendHeading()).toHaveText('Internet use (% of people aged 5+, BPS) · 2019');
    expect(await fresh.hubNames()).toEqual(hubs);
    await fresh.expectCamera(SULAWESI);
    expect(fresh.errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('→ and ← step through three saved scenes in presenter mode', async ({ briefing }) => {
  const scenes = [
    { name: 'Population', metric: 'Population', camera: { lon: 110.5, lat: -7.3, zoom: 6.5 } },
    {
      name: 'Offline people',
      metric: 'Offline population (estimate)',
      camera: { lon: 121, lat: -2, zoom: 5.5 },
    },
    {
      name: 'Households',
      metric: 'Households with internet access (%)',
      camera: { lon: 135, lat: -4, zoom: 5 },
    },
  ];
  await briefing.open();
  for (const s of scenes) {
    await briefing.chooseMetric(s.metric);
    await briefing.moveCamera(s.camera);
    await briefing.saveScene(s.name, `Notes for ${s.name}`);
  }
  expect(await briefing.sceneNames()).toEqual(scenes.map((s) => s.name));

  await briefing.startPresenter();
  await expect(briefing.counter()).toHaveText('Scene 1 of 3');
  await expect(briefing.legendHeading()).toContainText(scenes[0]!.metric);
  await briefing.expectCamera(scenes[0]!.camera);

  await briefing.press('ArrowRight');
  await expect(briefing.counter()).toHaveText('Scene 2 of 3');
  await expect(briefing.legendHeading()).toContainText(scenes[1]!.metric);
  await briefing.expectCamera(scenes[1]!.camera);

  await briefing.press('PageDown');
  await expect(briefing.counter()).toHaveText('Scene 3 of 3');
  await expect(briefing.legendHeading()).toContainText(scenes[2]!.metric);
  await briefing.expectCamera(scenes[2]!.camera);

  await briefing.press('ArrowRight'); // already the last scene: stays
  await expect(briefing.counter()).toHaveText('Scene 3 of 3');

  await briefing.press('ArrowLeft');
  await expect(briefing.counter()).toHaveText('Scene 2 of 3');
  await expect(briefing.legendHeading()).toContainText(scenes[1]!.metric);
  await briefing.expectCamera(scenes[1]!.camera);

  await briefing.page.getByRole('button', { name: 'Speaker notes' }).click();
  await expect(briefing.page.getByRole('complementary', { name: 'Speaker notes' })).toHaveText(
    'Notes for Offline people',
  );
  await briefing.screenshot('briefing-presenter');

  await briefing.press('Escape');
  await expect(briefing.presenterBar()).toBeHidden();
  await expect(briefing.page.getByRole('button', { name: 'Presenter mode' })).toBeVisible();
  expect(briefing.errors).toEqual([]);
});

test('with reduced motion a scene change jumps instead of flying', async ({ briefing }) => {
  await briefing.page.emulateMedia({ reducedMotion: 'reduce' });
  const a = { lon: 106.8, lat: -6.2, zoom: 7 };
  const b = { lon: 130, lat: -3, zoom: 5.5 };
  await briefing.open();
  await briefing.moveCamera(a);
  await briefing.saveScene('Jakarta');
  await briefing.moveCamera(b);
  await briefing.saveScene('Maluku');
  await briefing.startPresenter();
  await expect(briefing.counter()).toHaveText('Scene 1 of 2');
  const far = await briefing.camera();
  expect(Math.abs(far.lon - a.lon)).toBeLessThan(0.01);
  await briefing.press('ArrowRight');
  await expect(briefing.counter()).toHaveText('Scene 2 of 2');
  // Read at once, without waiting: a flight would still be on its way.
  const now = await briefing.camera();
  expect(
    Math.max(Math.abs(now.lon - b.lon), Math.abs(now.lat - b.lat), Math.abs(now.zoom - b.zoom)),
  ).toBeLessThan(0.01);
});

test('the exported PNG has the requested size and shows the map', async ({ briefing }) => {
  await briefing.open();
  await briefing.moveCamera(SULAWESI);
  const css = await briefing.mapSize();
  for (const scale of [1, 2] as const) {
    const { name, png, bytes } = await briefing.exportImage(scale);
    expect(name).toMatch(new RegExp(`^jangkau-internet_use_bps-\\d{4}-${scale}x\\.png$`));
    expect({ width: png.width, height: png.height }).toEqual({
      width: css.width * scale,
      height: css.height * scale,
    });
    const pixels = mapPixels(png);
    expect(pixels.transparent, 'no see-through pixels (a lost WebGL frame is transparent)').toBe(0);
    expect(pixels.painted, 'the middle of the image is map, not blank').toBeGreaterThan(0.5);
    expect(pixels.distinct, 'sea, land and choropleth classes').toBeGreaterThan(5);
    await saveArtifact(`briefing-export-${scale}x.png`, bytes);
  }
  expect(briefing.errors).toEqual([]);
});

test('a garbled link shows what was ignored and the app stays usable', async ({ briefing }) => {
  await briefing.open('v=1&year=abc&metric=nonsense&classes=42&h=Ambon~-3.7~128.2~a_%25E0%A4~x~~&zoom=9');
  const notice = briefing.notice('Some link settings were ignored');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('year=abc (not a number)');
  await expect(notice).toContainText('metric=nonsense (expected one of');
  await expect(notice).toContainText('classes=42 (outside 3–9)');
  await expect(notice).toContainText('zoom=9 (needs lon, lat and zoom together)');
  // The valid hub applied; the broken one did not.
  expect(await briefing.hubNames()).toEqual(['Ambon']);
  // The app still works: the metric control changes the map.
  await briefing.chooseMetric('Population');
  await expect(briefing.legendHeading()).toContainText('Population');
  await briefing.dismiss(notice);
  await expect(notice).toBeHidden();
  expect(briefing.errors).toEqual([]);
});

test('in Bahasa Indonesia, the ignored link settings are explained in Bahasa Indonesia', async ({
  briefing,
}) => {
  await briefing.open('lang=id&year=abc&zoom=9&polys=1.x&h=Ambon~-3.7~128.2~a_Bad~x~1~h');
  const notice = briefing.notice('Sebagian pengaturan dalam tautan diabaikan');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('year=abc (bukan angka)');
  await expect(notice).toContainText('zoom=9 (lon, lat, dan zoom harus diisi bersama-sama)');
  await expect(notice).toContainText('polys=1.x (seharusnya ID provinsi 0–37 yang dipisahkan dengan ".")');
  await expect(notice).toContainText('h=Bad~x~1~h (hub 2, lintang: bukan angka)');
  await briefing.screenshot('briefing-notice-id');
  expect(briefing.errors).toEqual([]);
});

test('junk in scene storage gives a notice and an empty scene list', async ({ briefing }) => {
  await briefing.open();
  await briefing.saveScene('Before the junk');
  await expect.poll(() => briefing.storedSceneCount()).toBe(1);
  await briefing.corruptSceneStorage('{"version": 1, "scenes": [ this is not JSON');
  await briefing.page.reload();
  await briefing.idle();
  await expect(briefing.notice('Saved scenes could not be read')).toBeVisible();
  expect(await briefing.sceneNames()).toEqual([]);
  await expect(briefing.emptySceneList()).toBeVisible();
  // Saving still works after the notice.
  await briefing.saveScene('After the junk');
  expect(await briefing.sceneNames()).toEqual(['After the junk']);
  expect(briefing.errors).toEqual([]);
});
