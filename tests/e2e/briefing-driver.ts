/**
 * Briefing driver for the specs: what a presenter does (share a link, save scenes, present, export) and
 * what they see (the view a link restores, the scene counter, the exported image). Only helpers.ts imports
 * Playwright; elements are found by role and accessible name.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { PNG } from 'pngjs';

import { ARTIFACTS_DIR, base, collectPageErrors, expect } from './helpers';
import type { Locator, Page } from './helpers';

export { expect };

export interface CameraView {
  readonly lon: number;
  readonly lat: number;
  readonly zoom: number;
}

export class BriefingDriver {
  readonly errors: string[];

  constructor(readonly page: Page) {
    this.errors = collectPageErrors(page);
  }

  /** Opens the dashboard with extra query parameters (`?e2e` exposes the map) and waits for the map. */
  async open(query = ''): Promise<void> {
    await this.page.goto(`/?e2e${query ? `&${query}` : ''}`);
    await this.idle();
  }

  /** Opens an absolute URL (a shared link) and waits for the map. */
  async openUrl(url: string): Promise<void> {
    await this.page.goto(url);
    await this.idle();
  }

  /** The map, by its name in English or Bahasa Indonesia (`lang=id` in the link). */
  get map(): Locator {
    return this.page.getByRole('region', {
      name: /^(Map of Indonesian provinces|Peta provinsi di Indonesia)$/,
    });
  }

  async idle(): Promise<void> {
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await expect(this.map).toHaveAttribute('data-map-idle', 'true');
    await this.page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const map = window.__jangkau?.map;
          if (!map || (map.loaded() && !map.isMoving())) resolve();
          else map.once('idle', () => resolve());
        }),
    );
  }

  // --- the view -------------------------------------------------------------------------------------------------

  async chooseMetric(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Metric', exact: true }).selectOption({ label });
  }

  async chooseYear(year: number): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Year', exact: true }).selectOption(String(year));
  }

  /** The metric and year the map shows, as the controls say. */
  async metricAndYear(): Promise<{ metric: string; year: string }> {
    const metricSelect = this.page.getByRole('combobox', { name: 'Metric', exact: true });
    const metric = await metricSelect.locator('option:checked').textContent();
    const year = await this.page.getByRole('combobox', { name: 'Year', exact: true }).inputValue();
    return { metric: metric ?? '', year };
  }

  /** Legend heading, e.g. "Population · 2024". */
  legendHeading(): Locator {
    return this.page.getByRole('region', { name: 'Legend' }).getByRole('heading');
  }

  /** Moves the camera as a user gesture would end (MapLibre fires moveend) and waits for the map. */
  async moveCamera(view: CameraView): Promise<void> {
    await this.page.evaluate(
      // As a user's pan would: a move with an original event ends the map's "fitted to Indonesia" view.
      ([lon, lat, zoom]) =>
        window.__jangkau!.map.jumpTo({ center: [lon, lat], zoom }, { originalEvent: new Event('test') }),
      [view.lon, view.lat, view.zoom] as const,
    );
    await this.idle();
  }

  async camera(): Promise<CameraView> {
    return this.page.evaluate(() => {
      const map = window.__jangkau!.map;
      const c = map.getCenter();
      return { lon: c.lng, lat: c.lat, zoom: map.getZoom() };
    });
  }

  /** Waits until the camera has settled at `view` (a scene's flight can take a moment). */
  async expectCamera(view: CameraView): Promise<void> {
    await expect
      .poll(async () => {
        const c = await this.camera();
        return Math.max(Math.abs(c.lon - view.lon), Math.abs(c.lat - view.lat), Math.abs(c.zoom - view.zoom));
      })
      .toBeLessThan(0.01);
    await this.idle();
  }

  /** Names of the hubs in the hub list. */
  async hubNames(): Promise<string[]> {
    const items = this.page.getByRole('list', { name: 'Hubs and catchments' }).getByRole('listitem');
    const texts = await items.locator('strong').allTextContents();
    return texts.map((t) => t.trim());
  }

  async removeHub(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove hub ${name}` }).click();
  }

  /** Adds a hub by clicking the map at a place. */
  async addHubAt(lon: number, lat: number): Promise<void> {
    await this.page.getByRole('button', { name: 'Add hub' }).click();
    const p = await this.page.evaluate(([x, y]) => window.__jangkau!.map.project([x, y]), [
      lon,
      lat,
    ] as const);
    await this.map.locator('canvas').click({ position: { x: p.x, y: p.y } });
    await this.idle();
  }

  // --- share ----------------------------------------------------------------------------------------------------

  /** Clicks "Share link" and returns what landed on the clipboard. */
  async shareLink(): Promise<string> {
    const origin = new URL(this.page.url()).origin;
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await this.page.getByRole('button', { name: 'Share link' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  // --- notices --------------------------------------------------------------------------------------------------

  notice(text: string | RegExp): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  async dismiss(notice: Locator): Promise<void> {
    await notice.getByRole('button', { name: 'Dismiss' }).click();
  }

  // --- scenes ---------------------------------------------------------------------------------------------------

  scenesPanel(): Locator {
    return this.page.getByRole('region', { name: 'Scenes for a briefing' });
  }

  async openScenes(): Promise<void> {
    if (await this.scenesPanel().isVisible()) return;
    await this.page.getByRole('button', { name: 'Scenes', exact: true }).click();
    await expect(this.scenesPanel()).toBeVisible();
  }

  async saveScene(name: string, notes = ''): Promise<void> {
    await this.openScenes();
    const panel = this.scenesPanel();
    await panel.getByLabel('Scene name').first().fill(name);
    await panel.getByLabel('Speaker notes (optional)').first().fill(notes);
    await panel.getByRole('button', { name: 'Save scene' }).click();
    await expect(panel.getByRole('status')).toHaveText(`Saved “${name}”`);
  }

  /** Names of the saved scenes, in order (empty when the list says there are none). */
  async sceneNames(): Promise<string[]> {
    await this.openScenes();
    const list = this.scenesPanel().getByRole('list', { name: 'Saved scenes' });
    if ((await list.count()) === 0) return [];
    return (await list.getByRole('listitem').locator('strong').allTextContents()).map((s) => s.trim());
  }

  emptySceneList(): Locator {
    return this.scenesPanel().getByText('No saved scenes yet.');
  }

  /** Number of scenes in IndexedDB (waits for the app's asynchronous writes). */
  async storedSceneCount(): Promise<number> {
    return this.page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('jangkau');
          open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
          open.onsuccess = () => {
            const db = open.result;
            const get = db.transaction('briefing', 'readonly').objectStore('briefing').get('scenes');
            get.onsuccess = () => {
              db.close();
              const value = get.result as { scenes?: unknown[] } | undefined;
              resolve(Array.isArray(value?.scenes) ? value.scenes.length : 0);
            };
            get.onerror = () => reject(get.error ?? new Error('read failed'));
          };
        }),
    );
  }

  /** Writes junk where the scenes are stored (IndexedDB `jangkau`/`briefing`, key `scenes`). */
  async corruptSceneStorage(junk: unknown): Promise<void> {
    await this.page.evaluate(
      (value) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('jangkau');
          open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('briefing', 'readwrite');
            tx.objectStore('briefing').put(value, 'scenes');
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error ?? new Error('write failed'));
          };
        }),
      junk,
    );
  }

  // --- presenter ------------------------------------------------------------------------------------------------

  async startPresenter(): Promise<void> {
    await this.page.getByRole('button', { name: 'Presenter mode' }).click();
    await expect(this.presenterBar()).toBeVisible();
  }

  presenterBar(): Locator {
    return this.page.getByRole('region', { name: 'Presenter mode' });
  }

  counter(): Locator {
    return this.presenterBar().getByRole('status');
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  // --- export ---------------------------------------------------------------------------------------------------

  /** Size of the map on screen in CSS pixels. */
  async mapSize(): Promise<{ width: number; height: number }> {
    return this.page.evaluate(() => {
      const c = window.__jangkau!.map.getContainer();
      return { width: c.clientWidth, height: c.clientHeight };
    });
  }

  /** "Export" → "PNG at N×"; returns the downloaded file's name and decoded pixels. */
  async exportImage(scale: 1 | 2): Promise<{ name: string; png: PNG; bytes: Buffer }> {
    await this.page.getByRole('button', { name: 'Export', exact: true }).click();
    const item = this.page.getByRole('button', { name: new RegExp(`^PNG at ${scale}×`) });
    const [download] = await Promise.all([this.page.waitForEvent('download'), item.click()]);
    const path = await download.path();
    const bytes = await readFile(path);
    return { name: download.suggestedFilename(), png: PNG.sync.read(bytes), bytes };
  }

  /** "Export" → a data item; returns the downloaded file's name and text. */
  async exportData(item: string): Promise<{ name: string; text: string }> {
    await this.page.getByRole('button', { name: 'Export', exact: true }).click();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: item }).click(),
    ]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  }

  async screenshot(name: string): Promise<string> {
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    const path = join(ARTIFACTS_DIR, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}

/** Saves bytes (e.g. an exported PNG) under tests/e2e/artifacts. */
export async function saveArtifact(name: string, bytes: Buffer): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, name);
  await writeFile(path, bytes);
  return path;
}

/** What the middle of an exported image holds: the share of opaque non-white, non-black pixels and colour count. */
export function mapPixels(png: PNG): { painted: number; distinct: number; transparent: number } {
  // The middle half of the image: the map, clear of the title, legend and footer boxes.
  const x0 = Math.floor(png.width * 0.3);
  const x1 = Math.floor(png.width * 0.95);
  const y0 = Math.floor(png.height * 0.25);
  const y1 = Math.floor(png.height * 0.7);
  let painted = 0;
  let transparent = 0;
  let total = 0;
  const seen = new Set<number>();
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const i = (y * png.width + x) * 4;
      const [r = 0, g = 0, b = 0, a = 0] = [png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]];
      total++;
      if (a < 255) transparent++;
      const white = r > 250 && g > 250 && b > 250;
      const black = r < 5 && g < 5 && b < 5;
      if (a === 255 && !white && !black) painted++;
      seen.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
    }
  return { painted: painted / total, distinct: seen.size, transparent: transparent / total };
}

/** `test` with a `briefing` fixture (the page of the default browser context). */
export const test = base.extend<{ briefing: BriefingDriver }>({
  briefing: async ({ page }, use) => use(new BriefingDriver(page)),
});
