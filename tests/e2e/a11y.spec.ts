// Zero serious or critical axe-core violations on each view; layouts at laptop, projector and phone sizes.
import { test as base } from './driver';
import { A11yDriver } from './a11y-driver';
import { expect } from './helpers';

/**
 * `a11y` drives a fresh page per test. `dashboardView` is one page per worker, opened once: each view
 * test opens its view over the previous one (a header button replaces the open panel), so the map loads
 * once for all of them.
 */
const test = base.extend<{ a11y: A11yDriver }, { dashboardView: A11yDriver }>({
  a11y: async ({ page }, use) => use(new A11yDriver(page)),
  dashboardView: [
    async ({ browser }, use, workerInfo) => {
      // A page made here does not get the config's context options by itself.
      const { baseURL, viewport, locale, timezoneId, serviceWorkers } = workerInfo.project.use;
      // axe needs a page of a context made with newContext().
      const context = await browser.newContext({
        ...(baseURL ? { baseURL } : {}),
        ...(viewport ? { viewport } : {}),
        ...(locale ? { locale } : {}),
        ...(timezoneId ? { timezoneId } : {}),
        ...(serviceWorkers ? { serviceWorkers } : {}),
      });
      const page = await context.newPage();
      const driver = new A11yDriver(page);
      await driver.open();
      await use(driver);
      await context.close();
    },
    { scope: 'worker' },
  ],
});

const VIEWS = [
  'Table view',
  'About the data',
  'East–west gap',
  'Compare schemes',
  'Plan roadshow',
  'Import data',
  'Scenes',
];

test('the main view has no serious or critical accessibility violations', async ({ dashboardView }) => {
  expect(await dashboardView.seriousViolations()).toEqual([]);
});

for (const view of VIEWS) {
  test(`the "${view}" view has no serious or critical accessibility violations`, async ({
    dashboardView,
  }) => {
    await dashboardView.openView(view);
    expect(await dashboardView.seriousViolations()).toEqual([]);
  });
}

test('the Indonesian interface has no serious or critical accessibility violations', async ({ a11y }) => {
  await a11y.open('&lang=id');
  expect(await a11y.seriousViolations()).toEqual([]);
});

for (const [name, width, height] of [
  ['laptop', 1366, 768],
  ['projector', 1920, 1080],
  ['phone', 390, 844],
] as const) {
  test(`layout at ${width}×${height} (${name}) shows the map and legend`, async ({ a11y, page }) => {
    await page.setViewportSize({ width, height });
    await a11y.open();
    await expect(page.getByRole('region', { name: 'Legend' })).toBeVisible();
    if (name === 'phone') {
      await expect(page.getByRole('region', { name: 'East–west gap' })).toBeVisible();
      await expect(page.getByRole('complementary', { name: 'Controls' })).toBeHidden();
    } else {
      await expect(page.getByRole('button', { name: 'Add hub' })).toBeVisible();
    }
    await a11y.screenshot(`layout-${name}`);
    expect(await a11y.seriousViolations()).toEqual([]);
  });
}
