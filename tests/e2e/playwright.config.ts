import { defineConfig } from '@playwright/test';

import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

// Run through `npm run test:e2e` (scripts/e2e.mjs), which builds the site, serves it and sets
// E2E_BASE_URL. Debian's Chromium, never a downloaded browser.
const executablePath = findChromium() ?? undefined;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/e2e',
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Two browsers side by side: much of each test is waiting for the map to draw.
  workers: 2,
  // Limits catch hangs, not slowness: the gate runs on a shared, often busy 2-core machine where
  // SwiftShader renders the map on the CPU.
  timeout: 180_000,
  expect: { timeout: 60_000 },
  reporter: [['list'], ['json', { outputFile: '../../test-results/e2e-results.json' }]],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:4173',
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Asia/Jakarta',
    serviceWorkers: 'block',
    screenshot: 'only-on-failure',
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: [...CHROMIUM_ARGS] },
  },
});
