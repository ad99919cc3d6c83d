/**
 * Map driver for the specs: what a user does on the map (pick a metric, add and drag hubs) and
 * what they see (the colour at a place, the reach shown for a hub). Only helpers.ts imports Playwright.
 */
import type { Locator, Page, Rgb } from './helpers';
import { expect, screenshotPixels } from './helpers';

export class MapDriver {
  constructor(private readonly page: Page) {}

  get map(): Locator {
    return this.page.getByRole('region', { name: 'Map of Indonesian provinces' });
  }

  async open(): Promise<void> {
    await this.page.goto('/?e2e');
    await this.idle();
  }

  async idle(): Promise<void> {
    // Let React commit and MapLibre start a new frame before waiting for idle.
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await expect(this.map).toHaveAttribute('data-map-idle', 'true');
    await this.page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const map = window.__jangkau?.map;
          if (!map || map.loaded()) resolve();
          else map.once('idle', () => resolve());
        }),
    );
  }

  async chooseMetric(label: string): Promise<void> {
    await this.page.getByLabel('Metric').selectOption({ label });
    await this.idle();
  }

  async setRadius(km: number): Promise<void> {
    await this.page.getByLabel('Catchment radius (km)').fill(String(km));
    await this.idle();
  }

  /** Moves the camera without animation. */
  async jumpTo(lon: number, lat: number, zoom: number): Promise<void> {
    await this.page.evaluate(([x, y, z]) => window.__jangkau?.map.jumpTo({ center: [x, y], zoom: z }), [
      lon,
      lat,
      zoom,
    ] as const);
    await this.idle();
  }

  /** Pixel position (relative to the map element) of a longitude/latitude. */
  async project(lon: number, lat: number): Promise<{ x: number; y: number }> {
    return this.page.evaluate(
      ([x, y]) => {
        const p = window.__jangkau!.map.project([x, y]);
        return { x: p.x, y: p.y };
      },
      [lon, lat] as const,
    );
  }

  /** The colour the map shows at a longitude/latitude. */
  async colourAt(lon: number, lat: number): Promise<Rgb> {
    const { x, y } = await this.project(lon, lat);
    const png = await screenshotPixels(this.map.locator('canvas'));
    const i = (Math.round(y) * png.width + Math.round(x)) * 4;
    return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
  }

  /** The colours the map shows in a square of 2r+1 pixels around a longitude/latitude. */
  async coloursAround(lon: number, lat: number, r: number): Promise<Rgb[]> {
    const { x, y } = await this.project(lon, lat);
    const png = await screenshotPixels(this.map.locator('canvas'));
    const out: Rgb[] = [];
    for (let dy = -r; dy <= r; dy++)
      for (let dx = -r; dx <= r; dx++) {
        const i = ((Math.round(y) + dy) * png.width + Math.round(x) + dx) * 4;
        out.push([png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0]);
      }
    return out;
  }

  async clickAt(lon: number, lat: number): Promise<void> {
    const { x, y } = await this.project(lon, lat);
    await this.map.locator('canvas').click({ position: { x, y } });
  }

  async addHubAt(lon: number, lat: number): Promise<void> {
    await this.page.getByRole('button', { name: 'Add hub' }).click();
    await this.clickAt(lon, lat);
    await this.idle();
  }

  hubRow(name: string): Locator {
    return this.page
      .getByRole('list', { name: 'Hubs and catchments' })
      .getByRole('listitem')
      .filter({ hasText: name });
  }

  /** People reached by a hub, as the hub list shows it. */
  async reachOf(name: string): Promise<string> {
    return (await this.hubRow(name).getByTestId('hub-people').textContent()) ?? '';
  }

  marker(name: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^Hub ${name} `) });
  }

  /** Drags a hub marker by (dx, dy) pixels with the mouse, in steps, as a user would. */
  async dragHub(name: string, dx: number, dy: number): Promise<void> {
    const box = await this.marker(name).boundingBox();
    if (!box) throw new Error(`no marker for ${name}`);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y + dy, { steps: 8 });
    await this.page.mouse.up();
    await this.idle();
  }

  /** Number of zone features the map has drawn. */
  async zoneCount(): Promise<number> {
    return this.page.evaluate(
      () => window.__jangkau!.map.queryRenderedFeatures({ layers: ['zones-fill'] }).length,
    );
  }
}

/** Channel-wise distance between two colours. */
export function colourDistance(a: Rgb, b: Rgb): number {
  return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
}
