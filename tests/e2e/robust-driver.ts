/**
 * Driver for the robustness specs: what an unlucky user meets (a broken stored scene, two tabs, storage blocked by
 * the browser, workers that die, a map worker that cannot load) and what they see. Only helpers.ts imports
 * Playwright.
 */
import type { Page, Worker } from '@playwright/test';

import { expect } from './helpers';

export { expect };

/**
 * Opens the dashboard and its Scenes panel, ready to save (the stored scenes read). Waits for the page's controls,
 * not for the map to settle: these tests are about storage, and the map's first frame is slow on a busy machine.
 */
export async function openScenes(page: Page): Promise<void> {
  await page.goto('/?e2e');
  const button = page.getByRole('button', { name: 'Scenes', exact: true });
  await expect(button).toBeEnabled({ timeout: 60_000 });
  const panel = page.getByRole('region', { name: 'Scenes for a briefing' });
  if (!(await panel.isVisible())) await button.click();
  await expect(panel.getByRole('button', { name: 'Save scene' })).toBeEnabled({ timeout: 60_000 });
}

/** Makes IndexedDB and localStorage throw, as some private windows do (before any script of the page runs). */
export async function blockStorage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const blocked = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
    Object.defineProperty(window, 'indexedDB', { configurable: true, get: blocked });
    Object.defineProperty(window, 'localStorage', { configurable: true, get: blocked });
  });
}

/** The stored scenes record (IndexedDB `jangkau`/`briefing`, key `scenes`), as it is. */
export function storedScenes(page: Page): Promise<{ version: number; scenes: unknown[] } | undefined> {
  return page.evaluate(
    () =>
      new Promise<{ version: number; scenes: unknown[] } | undefined>((resolve, reject) => {
        const open = indexedDB.open('jangkau');
        open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('briefing', 'readonly').objectStore('briefing').get('scenes');
          get.onsuccess = () => {
            db.close();
            resolve(get.result as { version: number; scenes: unknown[] } | undefined);
          };
          get.onerror = () => reject(get.error ?? new Error('read failed'));
        };
      }),
  );
}

/** Waits until the page runs a worker whose script URL matches, and its lifeline lock is held. */
export async function workerOf(page: Page, script: RegExp, lifeline: string): Promise<Worker> {
  await expect.poll(() => page.workers().some((w) => script.test(w.url())), { timeout: 30_000 }).toBe(true);
  await expect
    .poll(
      () =>
        page.evaluate(
          async (prefix) =>
            (await navigator.locks.query()).held?.some((l) => l.name?.startsWith(prefix)) ?? false,
          lifeline,
        ),
      { timeout: 30_000 },
    )
    .toBe(true);
  return page
    .workers()
    .filter((w) => script.test(w.url()))
    .at(-1)!;
}

/**
 * Kills a worker the moment it is handed its next job: it closes itself without a word (no error event), as a
 * worker the browser stops for lack of memory does.
 */
export async function dieOnNextMessage(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    self.onmessage = () => self.close();
  });
}
