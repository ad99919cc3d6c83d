// `node scripts/screenshot.mjs`: build the site, open it in Debian's Chromium and save
// docs/screenshot.png for the README once the map has drawn everything.
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from './chromium.mjs';
import { buildSite, ROOT, startPreview } from './preview-server.mjs';

const OUTPUT = join(ROOT, 'docs', 'screenshot.png');
const MAX_BYTES = 300 * 1024;

async function main() {
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(INSTALL_HINT);
    return 1;
  }
  const buildCode = await buildSite();
  if (buildCode !== 0) return buildCode;

  const server = await startPreview();
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    await page.goto(server.url);
    await page.locator('[data-map-idle="true"]').waitFor({ timeout: 60_000 });
    await mkdir(join(ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: OUTPUT });
  } finally {
    await browser.close();
    server.stop();
  }
  const { size } = await stat(OUTPUT);
  console.log(`screenshot: wrote ${OUTPUT} (${Math.round(size / 1024)} KB)`);
  if (size > MAX_BYTES) {
    console.error(`screenshot: larger than ${MAX_BYTES / 1024} KB; shrink the viewport`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
