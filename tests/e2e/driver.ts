/**
 * Domain driver for the dashboard: specs say what a user does and sees; this file knows
 * how to find it (by role and accessible name) and how to read the map.
 */
import { COUNTRY_COLOUR, SEA_COLOUR } from '../../src/map/layers/base';
import {
  base,
  changedShare,
  collectForeignRequests,
  collectPageErrors,
  colourStats,
  expect,
  hexToRgb,
  saveScreenshot,
  screenshotPixels,
} from './helpers';
import type { ColourStats, Locator, Page } from './helpers';

export { expect };

/** The layer that fills the province polygons (whatever its colours: plain land or a choropleth). */
const PROVINCE_FILL_LAYER = 'provinces-fill';

/** Shares of the map canvas per colour of the base style. */
export interface MapColours extends ColourStats {
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

  /**
   * `?e2e` makes the production build expose the map instance as `window.__jangkau`; `query` adds link
   * parameters (e.g. `lang=id`).
   */
  async open(query = ''): Promise<void> {
    await this.page.goto(query ? `/?e2e&${query}` : '/?e2e');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Jangkau' })).toBeVisible();
  }

  /** The server answers `status` for one embedded data file (a broken deployment); call before `open`. */
  async breakDataFile(file: string, status: number): Promise<void> {
    await this.page.route(`**/data/${file}`, (route) => route.fulfill({ status, body: '' }));
  }

  /** The page's alert (e.g. the data could not be loaded), in whatever language the page shows. */
  get alert(): Locator {
    return this.page.getByRole('alert');
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Picks a language with the header's control, labelled "Language" or "Bahasa". */
  async chooseLanguage(
    label: 'Language' | 'Bahasa',
    language: 'English' | 'Bahasa Indonesia',
  ): Promise<void> {
    await this.page.getByRole('combobox', { name: label, exact: true }).selectOption({ label: language });
  }

  get map(): Locator {
    return this.page.getByRole('region', { name: 'Map of Indonesian provinces' });
  }

  private get canvas(): Locator {
    return this.map.locator('canvas');
  }

  /** Waits until MapLibre has loaded and drawn everything (its `idle` event). */
  async waitForMapIdle(): Promise<void> {
    await expect(this.map).toHaveAttribute('data-map-idle', 'true');
  }

  /** Screenshots the map canvas and measures how much of it is sea and neighbouring countries. */
  async mapColours(): Promise<MapColours> {
    const stats = colourStats(
      await screenshotPixels(this.canvas),
      [SEA_COLOUR, COUNTRY_COLOUR].map(hexToRgb),
    );
    const [sea = 0, countries = 0] = stats.shares;
    return { ...stats, sea, countries };
  }

  /**
   * Share (0–1) of the canvas that the province fill layer paints: the pixels that change when the
   * layer is hidden. Independent of the fill colours, so it holds for the plain and the choropleth map.
   */
  async provinceFillShare(): Promise<number> {
    const shown = await screenshotPixels(this.canvas);
    await this.setLayerVisible(PROVINCE_FILL_LAYER, false);
    const hidden = await screenshotPixels(this.canvas);
    await this.setLayerVisible(PROVINCE_FILL_LAYER, true);
    return changedShare(shown, hidden);
  }

  /** Distinct province ids that MapLibre has drawn in the province fill layer. */
  async drawnProvinceIds(): Promise<number[]> {
    return this.page.evaluate((layerId) => {
      const map = window.__jangkau?.map;
      if (!map) throw new Error('window.__jangkau is missing: was the page opened with ?e2e?');
      const ids = map.queryRenderedFeatures({ layers: [layerId] }).map((f) => Number(f.properties['id']));
      return [...new Set(ids)].sort((a, b) => a - b);
    }, PROVINCE_FILL_LAYER);
  }

  /** Province ids in public/data/provinces.geojson. */
  async provinceIdsInData(): Promise<number[]> {
    const response = await this.page.request.get('/data/provinces.geojson');
    expect(response.ok(), 'provinces.geojson is served').toBe(true);
    const collection = (await response.json()) as { features: { properties: { id: number } }[] };
    return collection.features.map((f) => f.properties.id).sort((a, b) => a - b);
  }

  async screenshot(name: string): Promise<string> {
    return saveScreenshot(this.page, name);
  }

  /** Shows or hides a map layer and waits until the map has redrawn. */
  private async setLayerVisible(layerId: string, visible: boolean): Promise<void> {
    await this.page.evaluate(
      ([id, visibility]) =>
        new Promise<void>((resolve, reject) => {
          const map = window.__jangkau?.map;
          if (!map?.getLayer(id)) return reject(new Error(`no map layer ${id}`));
          map.once('idle', () => resolve());
          map.setLayoutProperty(id, 'visibility', visibility);
        }),
      [layerId, visible ? 'visible' : 'none'] as const,
    );
  }
}

/** `test` with a `dashboard` fixture; specs import this instead of @playwright/test. */
export const test = base.extend<{ dashboard: Dashboard }>({
  dashboard: async ({ page, baseURL }, use) => {
    if (!baseURL) throw new Error('baseURL is not set (run through `npm run test:e2e`)');
    await use(new Dashboard(page, new URL(baseURL).origin));
  },
});
