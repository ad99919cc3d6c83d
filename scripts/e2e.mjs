// `npm run test:e2e`: build the production site, serve it with `vite preview` on a free localhost
// port, run the Playwright specs in tests/e2e against it with the system Chromium, stop the server
// and exit with Playwright's code. Extra arguments go to `playwright test`, e.g.
// `npm run test:e2e -- tests/e2e/map.spec.ts` or `npm run test:e2e -- -g "hatched"`.
// With E2E_PREBUILT=1 the existing dist/ is served as it is (the gate builds it beforehand).
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { findChromium, INSTALL_HINT } from './chromium.mjs';
import { bin, buildSite, ROOT, run, startPreview } from './preview-server.mjs';

const REPORT = join(ROOT, 'test-results', 'e2e-results.json');

/** Prints one plain "N passed, N failed" line from Playwright's JSON report. */
async function printSummary() {
  try {
    const report = JSON.parse(await readFile(REPORT, 'utf8'));
    const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats ?? {};
    console.log(`e2e: ${expected + flaky} passed, ${unexpected} failed, ${skipped} skipped`);
  } catch {
    console.log('e2e: no Playwright report was written');
  }
}

async function main() {
  const chromium = findChromium();
  if (!chromium) {
    console.error(INSTALL_HINT);
    return 1;
  }
  console.log(`e2e: using ${chromium}`);

  if (process.env.E2E_PREBUILT !== '1') {
    const buildCode = await buildSite();
    if (buildCode !== 0) return buildCode;
  }

  const server = await startPreview();
  try {
    console.log(`e2e: serving dist/ at ${server.url}`);
    await rm(REPORT, { force: true });
    const code = await run(
      bin('playwright'),
      ['test', '--config', 'tests/e2e/playwright.config.ts', ...process.argv.slice(2)],
      { ...process.env, E2E_BASE_URL: server.url, CHROMIUM_PATH: chromium, TZ: 'Asia/Jakarta' },
    );
    await printSummary();
    return code;
  } finally {
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
