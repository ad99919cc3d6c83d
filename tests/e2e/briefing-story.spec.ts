// Briefings that carry the story: the defects an audience saw, map basics, fair colours, what drives the gap.
import type { Page } from './helpers';
import { expect, test } from './briefing-driver';

/** The page's own scroll: the app fills the window and never scrolls as a whole. */
async function pageScroll(page: Page): Promise<{ height: number; viewport: number; y: number }> {
  return page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    viewport: window.innerHeight,
    y: window.scrollY,
  }));
}

test.describe('defects', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('a wheel over the header never scrolls the app away, even with a long planner panel', async ({
    briefing,
  }) => {
    test.slow(); // ranks every candidate city in the worker
    const { page } = briefing;
    await briefing.open();
    await page.getByRole('button', { name: 'Plan roadshow' }).click();
    const panel = page.getByRole('region', { name: 'Plan the roadshow' });
    await panel.getByText('Candidate cities').click();
    await panel.getByText('Adjust the formula').click();
    await panel.getByRole('button', { name: 'Rank candidates' }).click();
    await expect(panel.getByRole('table')).toBeVisible();
    await page.mouse.move(400, 20);
    await page.mouse.wheel(0, 800);
    await page.mouse.move(700, 300);
    await page.mouse.wheel(0, 800);
    const scroll = await pageScroll(page);
    expect(scroll.height).toBe(scroll.viewport);
    expect(scroll.y).toBe(0);
    await briefing.screenshot('story-no-page-scroll');
  });

  test('toasts stack without covering each other, and a saved image’s toast goes by itself', async ({
    briefing,
  }) => {
    test.slow(); // renders and encodes a PNG
    const { page } = briefing;
    await briefing.open();
    const { name } = await briefing.exportImage(1);
    const saved = page.getByRole('status').getByText(`Image saved: ${name}`);
    await expect(saved).toBeVisible();
    await briefing.shareLink();
    const copied = page.getByRole('status').getByText('Link copied');
    await expect(copied).toBeVisible();
    const a = (await saved.boundingBox())!;
    const b = (await copied.boundingBox())!;
    const overlap =
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlap, 'the two toasts do not overlap').toBe(false);
    await briefing.screenshot('story-toasts');
    await expect(saved).toBeHidden();
    await expect(copied).toBeHidden();
  });
});

test.describe('defects at 1366 × 768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('a tooltip stays inside the map at its right edge and goes when the pointer leaves for a panel', async ({
    briefing,
  }) => {
    const { page } = briefing;
    await briefing.open();
    const map = (await briefing.map.boundingBox())!;
    // Papua, at the map's right edge.
    const p = await page.evaluate(() => window.__jangkau!.map.project([140.6, -3.9]));
    await page.mouse.move(map.x + p.x, map.y + p.y);
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toContainText('Papua');
    const box = (await tooltip.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(map.x);
    expect(box.x + box.width).toBeLessThanOrEqual(map.x + map.width);
    expect(box.y + box.height).toBeLessThanOrEqual(map.y + map.height);
    await briefing.screenshot('story-tooltip-edge');

    await page.getByRole('button', { name: 'Table view' }).click();
    const panel = page.getByRole('region', { name: 'Table view' });
    await expect(panel).toBeVisible();
    await expect(tooltip).toBeHidden();
    const q = await page.evaluate(() => window.__jangkau!.map.project([120.2, -2.2]));
    await page.mouse.move(map.x + q.x, map.y + q.y);
    await expect(tooltip).toBeVisible();
    const side = (await panel.boundingBox())!;
    await page.mouse.move(side.x + side.width / 2, side.y + side.height / 2, { steps: 4 });
    await expect(tooltip).toBeHidden();
  });

  test('the three "Compare schemes" mini-maps draw the provinces in several colours', async ({
    briefing,
  }) => {
    const { page } = briefing;
    await briefing.open();
    await page.getByRole('button', { name: 'Compare schemes' }).click();
    const maps = page.getByRole('img', {
      name: /^Internet use .*: (Quantile|Equal interval|Jenks natural breaks)$/,
    });
    await expect(maps).toHaveCount(3);
    for (const m of await maps.all()) {
      const drawn = await m.evaluate((svg) => {
        const box = svg.getBoundingClientRect();
        const fills = new Set<string>();
        let [left, right] = [Infinity, -Infinity];
        for (const path of svg.querySelectorAll('path')) {
          const r = path.getBoundingClientRect();
          if (r.width === 0) continue;
          left = Math.min(left, r.left);
          right = Math.max(right, r.right);
          fills.add(path.getAttribute('fill') ?? '');
        }
        return { span: (right - left) / box.width, fills: fills.size };
      });
      expect(drawn.span, 'the provinces span the mini-map from Aceh to Papua').toBeGreaterThan(0.8);
      expect(drawn.span).toBeLessThan(1.05);
      expect(drawn.fills).toBeGreaterThanOrEqual(3);
    }
    await briefing.screenshot('story-compare-schemes');
  });

  test('the gap view opens at the year the map shows, whatever the metric', async ({ briefing }) => {
    const { page } = briefing;
    await briefing.open();
    await briefing.chooseMetric('Offline population (estimate)');
    await briefing.chooseYear(2019);
    await page.getByRole('button', { name: 'East–west gap' }).click();
    const headline = page
      .getByRole('region', { name: 'East–west gap' })
      .getByRole('region', { name: 'Headline' });
    await expect(headline.getByRole('heading').first()).toContainText('2019');
  });
});

test.describe('header at 1920 × 1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  for (const lang of ['en', 'id'] as const) {
    test(`one row of buttons and the whole subtitle (${lang})`, async ({ briefing }) => {
      const { page } = briefing;
      await briefing.open(`lang=${lang}`);
      const header = page.getByRole('banner');
      const tops = await header
        .locator('button, select')
        .evaluateAll((els) => [...new Set(els.map((e) => Math.round(e.getBoundingClientRect().top / 8)))]);
      expect(tops, 'every control on one row').toHaveLength(1);
      const subtitle = await header.locator('p').evaluate((p) => ({
        text: p.textContent ?? '',
        cut: p.scrollWidth > p.clientWidth || p.scrollHeight > p.clientHeight,
        ellipsis: getComputedStyle(p).textOverflow === 'ellipsis',
      }));
      expect(subtitle.text.length).toBeGreaterThan(40);
      expect(subtitle.cut || subtitle.ellipsis).toBe(false);
      await page.screenshot({
        path: `tests/e2e/artifacts/story-header-${lang}.png`,
        clip: { x: 0, y: 0, width: 1920, height: 120 },
      });
    });
  }
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a tapped province shows no tooltip off the screen', async ({ briefing }) => {
    const { page } = briefing;
    await briefing.open();
    const map = (await briefing.map.boundingBox())!;
    const p = await page.evaluate(() => window.__jangkau!.map.project([138.5, -4.2]));
    await page.touchscreen.tap(map.x + p.x, map.y + p.y);
    await briefing.idle();
    const tips = await page.getByRole('tooltip').all();
    for (const tip of tips) {
      const box = (await tip.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(box.y + box.height).toBeLessThanOrEqual(844);
    }
    // The province's figures come up as a sheet that fits the screen.
    const sheet = page.getByRole('region', { name: /^Papua/ });
    await expect(sheet).toBeVisible();
    const box = (await sheet.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.y).toBeGreaterThan(844 / 3);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    await briefing.screenshot('story-phone-tap');
  });
});

test.describe('map basics at 1366 × 768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  const bounds = (page: Page) =>
    page.evaluate(() => {
      const b = window.__jangkau!.map.getBounds();
      return { west: b.getWest(), east: b.getEast(), south: b.getSouth(), north: b.getNorth() };
    });
  /** Sabang to Papua's eastern border (141° E), Rote to Miangas. */
  const expectIndonesia = (b: Awaited<ReturnType<typeof bounds>>) => {
    expect(b.west).toBeLessThan(95.2);
    expect(b.east).toBeGreaterThan(141.1);
    expect(b.south).toBeLessThan(-11);
    expect(b.north).toBeGreaterThan(5.9);
  };

  test('zoom, "Fit Indonesia", a scale bar, hub names and a hub legend; panels keep all of Indonesia', async ({
    briefing,
  }) => {
    const { page } = briefing;
    await briefing.open();
    expectIndonesia(await bounds(page));
    await expect(briefing.map.getByText(/^\d+\s*km$/)).toBeVisible();
    for (const hub of ['Gorontalo', 'Jayapura', 'Kupang', 'Manokwari', 'Mataram'])
      await expect(briefing.map.getByText(hub, { exact: true })).toBeVisible();
    const legend = page.getByRole('region', { name: 'Legend' });
    await expect(legend.getByRole('list', { name: 'Hubs and catchments' })).toContainText('roadshow held');

    // Each panel narrows the map; the whole country stays in view, except in the planner, which shows the
    // region being planned (the default preset plans eastern Indonesia: Bali to Papua's eastern border).
    for (const name of ['East–west gap', 'Plan roadshow', 'Table view']) {
      await page.getByRole('button', { name, exact: true }).click();
      await briefing.idle();
      const b = await bounds(page);
      if (name !== 'Plan roadshow') expectIndonesia(b);
      else {
        expect(b.east).toBeGreaterThan(141.1);
        expect(b.west).toBeLessThan(115.2);
      }
    }
    await briefing.screenshot('story-map-basics-panel');

    const zoom = (await briefing.camera()).zoom;
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(async () => (await briefing.camera()).zoom).toBeGreaterThan(zoom + 0.9);
    await page.getByRole('button', { name: 'Fit Indonesia' }).click();
    await expect.poll(async () => (await briefing.camera()).zoom).toBeLessThan(zoom + 0.01);
    await briefing.idle();
    expectIndonesia(await bounds(page));
    await briefing.screenshot('story-map-basics');
  });
});

test('the gap view puts both groupings side by side, in plain words', async ({ briefing }) => {
  const { page } = briefing;
  await briefing.open();
  await page.getByRole('button', { name: 'East–west gap' }).click();
  const view = page.getByRole('region', { name: 'East–west gap' });
  const both = view.getByRole('list', { name: 'The gap under both groupings of eastern Indonesia' });
  const items = both.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('BPS 2016 usage (incl. Kalimantan): 7.7 points');
  await expect(items.nth(0)).toContainText('Kalimantan, Sulawesi');
  await expect(items.nth(1)).toContainText('17 provinces (geographic): 11.4 points');
  await expect(items.nth(1)).toContainText('Kalimantan counts as west');
  await expect(view).not.toContainText(/\d pp\b/);
  await items.nth(1).getByRole('button').click();
  await expect(view.getByRole('group', { name: 'Gap' })).toContainText('11.4 points');
  await briefing.screenshot('story-gap-groupings');
});

test('Alt+Shift+S saves the whole view as a scene without opening the Scenes panel', async ({ briefing }) => {
  const { page } = briefing;
  await briefing.open();
  await briefing.chooseMetric('Population');
  await page.keyboard.press('Alt+Shift+S');
  await expect(page.getByRole('status').getByText('Saved “Scene 1”')).toBeVisible();
  await expect(briefing.scenesPanel()).toBeHidden();
  expect(await briefing.sceneNames()).toEqual(['Scene 1']);
  await expect.poll(() => briefing.storedSceneCount()).toBe(1);
});
