/**
 * Driver for the east–west gap view: open it from the header, read the headline as a user sees it,
 * pick a year, hover and click provinces in the province chart, and read what the map highlights.
 * Only helpers.ts imports Playwright.
 */
import type { Locator, Page } from './helpers';
import { expect } from './helpers';

/** One headline figure as displayed, e.g. "63.0%" and "18 of 18 provinces". */
export interface ShownFigure {
  readonly value: string;
  readonly provinces: string;
}

export interface ShownHeadline {
  readonly title: string;
  readonly east: ShownFigure;
  readonly west: ShownFigure;
  /** e.g. "7.7 points" */
  readonly gap: string;
  /** e.g. "east ÷ west = 0.89" */
  readonly ratio: string;
  /** The whole headline's text (verdict, change, coverage notes). */
  readonly text: string;
}

export class GapDriver {
  constructor(private readonly page: Page) {}

  get map(): Locator {
    return this.page.getByRole('region', { name: 'Map of Indonesian provinces' });
  }

  get view(): Locator {
    return this.page.getByRole('region', { name: 'East–west gap' });
  }

  get headlineRegion(): Locator {
    return this.view.getByRole('region', { name: 'Headline' });
  }

  /** Opens the dashboard, waits for the map, then opens the view with the header button. */
  async open(): Promise<void> {
    await this.page.goto('/?e2e');
    await expect(this.map).toHaveAttribute('data-map-idle', 'true');
    await this.page.getByRole('button', { name: 'East–west gap' }).click();
    await expect(this.view).toBeVisible();
  }

  /** The raw data files the app loads, fetched the way the app does. */
  async dataFile<T>(name: 'stats.json' | 'provinces.json'): Promise<T> {
    const res = await this.page.request.get(`/data/${name}`);
    expect(res.ok(), `${name} is served`).toBe(true);
    return (await res.json()) as T;
  }

  private async figure(name: string): Promise<ShownFigure> {
    const group = this.headlineRegion.getByRole('group', { name, exact: true });
    const parts = await group.locator('span').allInnerTexts();
    return { value: parts[1] ?? '', provinces: parts[2] ?? '' };
  }

  async headline(): Promise<ShownHeadline> {
    const gap = await this.figure('Gap');
    return {
      title: await this.headlineRegion.getByRole('heading').innerText(),
      east: await this.figure('Eastern Indonesia'),
      west: await this.figure('Western Indonesia'),
      gap: gap.value,
      ratio: gap.provinces,
      text: await this.headlineRegion.innerText(),
    };
  }

  /** Presses a year button in the view (partial years are named "2021, partial coverage"). */
  async chooseYear(name: string): Promise<void> {
    const button = this.view.getByRole('group', { name: 'Year' }).getByRole('button', { name, exact: true });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }

  /** A province's row in the province chart ("3. Kalimantan Timur, Eastern Indonesia: …"). */
  provinceRow(province: string): Locator {
    return this.view.getByRole('button', { name: new RegExp(`^\\d+\\. ${province}, `) });
  }

  /** The year the map shows (its control in the left-hand panel). */
  async mapYear(): Promise<string> {
    return this.page
      .getByRole('complementary', { name: 'Controls' })
      .getByRole('combobox', { name: 'Year' })
      .inputValue();
  }

  /** Whether the chart highlights a province's row because it is hovered (here or on the map). */
  async isRowHighlighted(province: string): Promise<boolean> {
    return this.provinceRow(province).evaluate((el) => el.classList.contains('lit'));
  }

  async isRowSelected(province: string): Promise<boolean> {
    return this.provinceRow(province).evaluate((el) => el.classList.contains('selected'));
  }

  /** Whether the map outlines a polygon as hovered or selected (the highlight source's features). */
  async mapHighlight(polygonId: number): Promise<{ hover: boolean; selected: boolean }> {
    return this.page.evaluate(async (id) => {
      const source = window.__jangkau!.map.getSource('highlight') as unknown as {
        getData(): Promise<{ features: { properties: { id: number; kind: string } }[] }>;
      };
      const kinds = (await source.getData()).features
        .filter((f) => f.properties.id === id)
        .map((f) => f.properties.kind);
      return { hover: kinds.includes('hover'), selected: kinds.includes('selected') };
    }, polygonId);
  }

  /** Moves the mouse over the map at a longitude/latitude. */
  async hoverMapAt(lon: number, lat: number): Promise<void> {
    const p = await this.page.evaluate(([x, y]) => window.__jangkau!.map.project([x, y]), [
      lon,
      lat,
    ] as const);
    await this.map.locator('canvas').hover({ position: { x: p.x, y: p.y } });
  }
}
