/**
 * Driver for the roadshow planner: open "Plan roadshow", rank the candidates, add one as the next stop,
 * plan k stops, read the tables and the curve as a user sees them, and download the plan.
 * Only helpers.ts imports Playwright.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from './helpers';
import { expect } from './helpers';

/** One row of the candidate table as shown. */
export interface ShownCandidate {
  readonly city: string;
  /** "Newly reached", parsed from the compact figure (e.g. "5.66M" → 5_660_000). */
  readonly gain: number;
}

/** Reads an en-GB compact figure such as "5.66M", "412K" or "980". */
export function parseCompact(text: string): number {
  const m = /^([\d.,]+)\s*([KMB]?)$/.exec(text.trim().replace(/^\+/, ''));
  if (!m) throw new Error(`not a figure: ${text}`);
  const scale = { '': 1, K: 1e3, M: 1e6, B: 1e9 }[m[2] as '' | 'K' | 'M' | 'B'];
  return Number((m[1] ?? '').replace(/,/g, '')) * scale;
}

export class SimulateDriver {
  constructor(private readonly page: Page) {}

  get map(): Locator {
    return this.page.getByRole('region', { name: 'Map of Indonesian provinces' });
  }

  get panel(): Locator {
    return this.page.getByRole('region', { name: 'Plan the roadshow' });
  }

  get candidateTable(): Locator {
    return this.panel.getByRole('table', { name: /^Candidates ranked for the next stop/ });
  }

  get inspector(): Locator {
    return this.panel.getByRole('region', { name: /^Why / });
  }

  /** Chooses a mission preset at the top of the planner. */
  async choosePreset(name: string): Promise<void> {
    await this.panel.getByRole('radio', { name }).click();
  }

  /** Clicks a row's town to inspect it. */
  async inspect(city: string): Promise<void> {
    await this.candidateTable.getByRole('button', { name: `Inspect ${city}` }).click();
    await expect(this.inspector).toBeVisible();
  }

  /** Number of rendered features of the inspected catchment's outline. */
  async inspectedOnMap(): Promise<number> {
    await expect(this.map).toHaveAttribute('data-map-idle', 'true');
    return this.page.evaluate(() => {
      const map = window.__jangkau?.map;
      if (!map) throw new Error('window.__jangkau is missing: was the page opened with ?e2e?');
      return map.queryRenderedFeatures({ layers: ['inspect-outline'] }).length;
    });
  }

  /** Clicks the download button and returns the file's text and name. */
  async download(label: 'CSV' | 'GeoJSON'): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.panel.getByRole('button', { name: label, exact: true }).click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  /** The hub names in the left-hand list. */
  async hubNames(): Promise<string[]> {
    return (
      await this.page.getByRole('list', { name: 'Hubs and catchments' }).getByRole('listitem').allInnerTexts()
    ).map((s) => s.trim());
  }

  get planTable(): Locator {
    return this.panel.getByRole('table', { name: /^Planned stops/ });
  }

  get reachCurve(): Locator {
    return this.panel.getByRole('img', { name: /reached by the plan/ });
  }

  /** Opens the app (optionally with a link's query) and the "Plan roadshow" panel. */
  async open(query = ''): Promise<void> {
    await this.page.goto(`/?e2e${query}`);
    await expect(this.map).toHaveAttribute('data-map-idle', 'true');
    await this.page.getByRole('button', { name: 'Plan roadshow' }).click();
    await expect(this.panel).toBeVisible();
  }

  async rank(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Rank candidates' }).click();
    await expect(this.candidateTable).toBeVisible();
    await expect(this.panel.getByText('Ranking the candidates…')).toBeHidden();
  }

  /** The rows shown, in table order. */
  async candidates(): Promise<ShownCandidate[]> {
    const rows = this.candidateTable.locator('tbody tr');
    const cities = await rows.getByRole('rowheader').allInnerTexts();
    // Cells: #, province, new offline residents, share, nearest hub, action.
    const gains = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.querySelectorAll('td')[2]?.textContent ?? ''),
    );
    return cities.map((city, i) => ({ city: city.trim(), gain: parseCompact(gains[i] ?? '') }));
  }

  /** The shown gain of a city, or null when the table does not offer it. */
  async gainOf(city: string): Promise<number | null> {
    return (await this.candidates()).find((c) => c.city === city)?.gain ?? null;
  }

  async addAsNextStop(city: string): Promise<void> {
    await this.candidateTable.getByRole('button', { name: `Add ${city} as next stop` }).click();
  }

  /** The hub in the left-hand hub list. */
  hub(city: string): Locator {
    return this.page
      .getByRole('list', { name: 'Hubs and catchments' })
      .getByRole('listitem')
      .filter({ hasText: city });
  }

  async plan(k: number): Promise<void> {
    await this.panel.getByLabel('Number of stops').fill(String(k));
    await this.panel.getByRole('button', { name: 'Plan stops' }).click();
    await expect(this.planTable).toBeVisible();
  }

  /** City names of the planned stops, in visit order. */
  async plannedStops(): Promise<string[]> {
    return (await this.planTable.locator('tbody tr').getByRole('rowheader').allInnerTexts()).map((s) =>
      s.trim(),
    );
  }

  /** Clicks the CSV link and returns the downloaded file's text and name. */
  async downloadCsv(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.panel.getByRole('link', { name: 'CSV' }).click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  /** Numbered places the map draws for the simulation (ranked candidates or planned stops). */
  async numberedOnMap(): Promise<number> {
    await expect(this.map).toHaveAttribute('data-map-idle', 'true');
    return this.page.evaluate(() => {
      const map = window.__jangkau?.map;
      if (!map) throw new Error('window.__jangkau is missing: was the page opened with ?e2e?');
      const ranks = map
        .queryRenderedFeatures({ layers: ['candidates-circle'] })
        .map((f) => Number(f.properties['rank']));
      return new Set(ranks).size;
    });
  }
}
