/**
 * Domain driver for the dashboard (issue #2): specs say what a user does and sees; this file knows
 * how to find it (by role and accessible name) and how to read the map.
 */
import { COUNTRY_COLOUR, LAND_COLOUR, provincesFillLayer, SEA_COLOUR } from '../../src/map/layers/base';
import {
  base,
  collectForeignRequests,
  collectPageErrors,
  colourStats,
  expect,
  hexToRgb,
  saveScreenshot,
} from './helpers';
import type { ColourStats, Locator, Page } from './helpers';

export { expect };

/** Shares of the map canvas per colour of the base style. */
export interface MapColours extends ColourStats {
  readonly land: number;
  readonly sea: number;
  readonly countries: number;
}

export class Dashboard {
  /** Console errors and uncaught exceptions seen since the page opened. */
  readonly errors: string[];
  /** Requests to any origin but the dashboard's own (data: and blob: excepted). */
  readonly foreignRequests: string[];

  constructor(
    private readonly page: Page,
    origin: string,
  ) {
    this.errors = collectPageErrors(page);
    this.foreignRequests = collectForeignRequests(page, origin);
  }

  /** `?e2e` makes the production build expose the map instance as `window.__jangkau`. */
  async open(): Promise<void> {
    await this.page.goto('/?e2e');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Jangkau' })).toBeVisible();
  }

  get map(): Locator {
    return this.page.getByRole('region', { name: 'Map of Indonesian provinces' });
  }

  /** Waits until MapLibre has loaded and drawn everything (its `idle` event). */
  async waitForMapIdle(): Promise<void> {
    await expect(this.map).toHaveAttribute('data-map-idle', 'true');
  }

  /** Screenshots the map canvas and measures how much of it is land, sea and neighbouring countries. */
  async mapColours(): Promise<MapColours> {
    const canvas = this.map.locator('canvas');
    const stats = await colourStats(canvas, [LAND_COLOUR, SEA_COLOUR, COUNTRY_COLOUR].map(hexToRgb));
    const [land = 0, sea = 0, countries = 0] = stats.shares;
    return { ...stats, land, sea, countries };
  }

  /** Distinct province ids that MapLibre has drawn in the province fill layer. */
  async drawnProvinceIds(): Promise<number[]> {
    return this.page.evaluate((layerId) => {
      const map = window.__jangkau?.map;
      if (!map) throw new Error('window.__jangkau is missing: was the page opened with ?e2e?');
      const ids = map.queryRenderedFeatures({ layers: [layerId] }).map((f) => Number(f.properties['id']));
      return [...new Set(ids)].sort((a, b) => a - b);
    }, provincesFillLayer.id);
  }

  /** Province ids in public/data/provinces.geojson, the file the map loads. */
  async provinceIdsInData(): Promise<number[]> {
    const response = await this.page.request.get('/data/provinces.geojson');
    expect(response.ok(), 'provinces.geojson is served').toBe(true);
    const collection = (await response.json()) as { features: { properties: { id: number } }[] };
    return collection.features.map((f) => f.properties.id).sort((a, b) => a - b);
  }

  async screenshot(name: string): Promise<string> {
    return saveScreenshot(this.page, name);
  }
}

/** `test` with a `dashboard` fixture; specs import this instead of @playwright/test. */
export const test = base.extend<{ dashboard: Dashboard }>({
  dashboard: async ({ page, baseURL }, use) => {
    if (!baseURL) throw new Error('baseURL is not set (run through `npm run test:e2e`)');
    await use(new Dashboard(page, new URL(baseURL).origin));
  },
});
