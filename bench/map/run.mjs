/* global window */
// `npm run bench:map` (a benchmark, not a test). Measures, side by side in one run:
//  1. time from navigation to the first map `idle` for the dashboard vs a bare MapLibre page showing
//     the same polygons (ratio; target ≤ 1.5);
//  2. how long one hub's reach takes to recompute during a drag (performance measures `jangkau:reach`
//     recorded by the app; target ≤ 16 ms).
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from '../../scripts/chromium.mjs';
import { bin, buildSite, ROOT, run, startPreview } from '../../scripts/preview-server.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const BARE_DIR = join(ROOT, 'bench', 'results', 'bare');
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function timeToIdle(browser, url, bare) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  if (bare) {
    await page.route('**/__bare/**', async (route) => {
      const path = new URL(route.request().url()).pathname.replace('/__bare/', '') || 'index.html';
      const body = await readFile(join(BARE_DIR, path));
      await route.fulfill({ body, contentType: TYPES[extname(path)] ?? 'application/octet-stream' });
    });
  }
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('jangkau:map-idle').length > 0, null, {
    timeout: 60_000,
  });
  const ms = await page.evaluate(() => performance.getEntriesByName('jangkau:map-idle')[0].startTime);
  await context.close();
  return ms;
}

async function dragReach(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${url}/?e2e`);
  await page.waitForSelector('[data-map-idle="true"]');
  await page.evaluate(() => window.__jangkau.map.jumpTo({ center: [123.06, 0.54], zoom: 7 }));
  await page.waitForTimeout(500);
  const marker = page.getByRole('button', { name: /^Hub Gorontalo / });
  const box = await marker.boundingBox();
  await page.evaluate(() => performance.clearMeasures('jangkau:reach'));
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 200, box.y + 40, { steps: 40 });
  await page.mouse.up();
  const durations = await page.evaluate(() =>
    performance.getEntriesByName('jangkau:reach').map((e) => e.duration),
  );
  await context.close();
  return durations;
}

async function main() {
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(INSTALL_HINT);
    return 1;
  }
  if ((await buildSite()) !== 0) return 1;
  if ((await run(bin('vite'), ['build', '--config', 'bench/map/vite.config.ts'])) !== 0) return 1;
  const server = await startPreview();
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
  try {
    const app = [];
    const bare = [];
    await timeToIdle(browser, `${server.url}/`, false); // warm-up (disk cache, JIT)
    for (let i = 0; i < RUNS; i++) {
      bare.push(await timeToIdle(browser, `${server.url}/__bare/index.html`, true));
      app.push(await timeToIdle(browser, `${server.url}/`, false));
    }
    const drags = await dragReach(browser, server.url);
    const result = {
      runs: RUNS,
      appIdleMs: Math.round(median(app)),
      bareIdleMs: Math.round(median(bare)),
      idleRatio: Number((median(app) / median(bare)).toFixed(2)),
      dragReachMedianMs: Number(median(drags).toFixed(2)),
      dragReachMaxMs: Number(Math.max(...drags).toFixed(2)),
      dragUpdates: drags.length,
    };
    console.log(
      `time to map idle: app ${result.appIdleMs} ms vs bare MapLibre ${result.bareIdleMs} ms (median of ${RUNS}) → ratio ${result.idleRatio} (target ≤ 1.5)`,
    );
    console.log(
      `hub reach during a drag: median ${result.dragReachMedianMs} ms, max ${result.dragReachMaxMs} ms over ${result.dragUpdates} updates (target ≤ 16 ms)`,
    );
    console.log(JSON.stringify(result));
    return 0;
  } finally {
    await browser.close();
    server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
