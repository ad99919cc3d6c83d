/**
 * Browser-level helpers for the e2e specs. This is the only module that imports
 * @playwright/test; specs talk to the domain driver in driver.ts.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect, test as base } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { PNG } from 'pngjs';

export { base, expect };
export type { Locator, Page };

/** Git-ignored folder for screenshots the specs leave behind. */
export const ARTIFACTS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');

/** Collects console errors and uncaught exceptions from the moment it is called. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/** Collects every request URL (page, workers, fetches) that leaves the page's own origin. */
export function collectForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== origin) foreign.push(request.url());
  });
  return foreign;
}

/** An sRGB colour, 0–255 per channel. */
export type Rgb = readonly [number, number, number];

/** Decoded RGBA screenshot of `target` (e.g. the map canvas). */
export async function screenshotPixels(target: Locator): Promise<PNG> {
  return PNG.sync.read(await target.screenshot({ animations: 'disabled' }));
}

/** What a screenshot of a region contains. */
export interface ColourStats {
  readonly pixels: number;
  /** Distinct colours after quantising each channel to 16 levels (ignores antialiasing noise). */
  readonly distinctColours: number;
  /** Share (0–1) of pixels within `tolerance` per channel of each requested colour, in request order. */
  readonly shares: readonly number[];
}

/** Counts the colours of a decoded screenshot. MapLibre fills solid colours exactly, so `tolerance` is small. */
export function colourStats(png: PNG, colours: readonly Rgb[], tolerance = 3): ColourStats {
  const seen = new Set<number>();
  const hits = colours.map(() => 0);
  const { data } = png;
  for (let i = 0; i < data.length; i += 4) {
    const r = data[i] ?? 0;
    const g = data[i + 1] ?? 0;
    const b = data[i + 2] ?? 0;
    seen.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
    colours.forEach(([cr, cg, cb], k) => {
      if (Math.abs(r - cr) <= tolerance && Math.abs(g - cg) <= tolerance && Math.abs(b - cb) <= tolerance) {
        hits[k] = (hits[k] ?? 0) + 1;
      }
    });
  }
  const pixels = png.width * png.height;
  return { pixels, distinctColours: seen.size, shares: hits.map((n) => n / pixels) };
}

/** Share (0–1) of pixels that differ between two screenshots of the same size. */
export function changedShare(a: PNG, b: PNG): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('screenshots differ in size');
  let changed = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2])
      changed++;
  }
  return changed / (a.width * a.height);
}

/** Parses `#rrggbb`. */
export function hexToRgb(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(match[1] ?? '0', 16), parseInt(match[2] ?? '0', 16), parseInt(match[3] ?? '0', 16)];
}

/** Saves a full-page screenshot as tests/e2e/artifacts/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
