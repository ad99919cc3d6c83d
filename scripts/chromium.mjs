// Where the system Chromium is and how to launch it. Shared by scripts/e2e.mjs,
// scripts/screenshot.mjs and tests/e2e/playwright.config.ts. We never download a browser.
import { existsSync } from 'node:fs';

/** Debian's package first; CHROMIUM_PATH overrides. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Flags for a quiet, offline, headless Chromium. There is no GPU here: WebGL runs on SwiftShader.
 * @type {readonly string[]}
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

/** How to get a browser, printed when none is found. */
export const INSTALL_HINT =
  'No Chromium found. Install one with `sudo apt-get install -y chromium` (Debian/Ubuntu), ' +
  'or set CHROMIUM_PATH to a Chromium or Chrome executable.';

/**
 * The Chromium executable to drive, or null when there is none.
 * @returns {string | null}
 */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}
