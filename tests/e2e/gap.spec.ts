// The east–west gap view. Its headline must agree with a computation done here, independently of the
// app's code, from the same data files the app loads.
import { test as base } from './driver';
import { GapDriver } from './gap-driver';
import { expect } from './helpers';
import type { ProvincesFile, StatsFile } from '../../src/domain/types';

const test = base.extend<{ gap: GapDriver }>({
  gap: async ({ page }, use) => use(new GapDriver(page)),
});

/** SP2020-weighted BPS internet use per region (BPS 2016 grouping) over the provinces with a figure in `year`. */
function expected(stats: StatsFile, provinces: ProvincesFile, year: number) {
  const census = new Map<number, number>();
  for (const o of stats.observations)
    if (o.metric === 'population' && o.year === 2020 && o.basis === '34') census.set(o.bps, o.value);
  const east = new Map(provinces.provinces.map((p) => [p.bps, p.ktiSe2016]));
  // The 34-province basis: every province except those created in the 2022 Papua split.
  const basis = provinces.provinces.filter((p) => !(p.splitYear !== null && p.splitYear >= 2022));
  const rows = stats.observations.filter(
    (o) => o.metric === 'internet_use_bps' && o.year === year && o.basis === '34',
  );
  const region = (isEast: boolean) => {
    const xs = rows.filter((o) => east.get(o.bps) === isEast);
    const w = xs.reduce((s, o) => s + census.get(o.bps)!, 0);
    return {
      mean: xs.reduce((s, o) => s + o.value * census.get(o.bps)!, 0) / w,
      used: xs.length,
      of: basis.filter((p) => p.ktiSe2016 === isEast).length,
    };
  };
  const e = region(true);
  const w = region(false);
  return {
    east: e,
    west: w,
    gap: w.mean - e.mean,
    ratio: e.mean / w.mean,
    used: rows.length,
    of: basis.length,
  };
}

const pct = (x: number) => `${x.toFixed(1)}%`;

test('the headline shows east vs west as computed from the data files, and flags a partial year', async ({
  gap,
}) => {
  await gap.open();
  const stats = await gap.dataFile<StatsFile>('stats.json');
  const provinces = await gap.dataFile<ProvincesFile>('provinces.json');
  const years = [
    ...new Set(stats.observations.filter((o) => o.metric === 'internet_use_bps').map((o) => o.year)),
  ].sort();
  const latest = years[years.length - 1]!;
  const first = years[0]!;

  const want = expected(stats, provinces, latest);
  const shown = await gap.headline();
  expect(shown.title).toContain(String(latest));
  expect(shown.east.value).toBe(pct(want.east.mean));
  expect(shown.west.value).toBe(pct(want.west.mean));
  expect(shown.east.provinces).toBe(`${want.east.used} of ${want.east.of} provinces`);
  expect(shown.west.provinces).toBe(`${want.west.used} of ${want.west.of} provinces`);
  expect(shown.gap).toBe(`${want.gap.toFixed(1)} points`);
  expect(shown.ratio).toBe(`east ÷ west = ${want.ratio.toFixed(2)}`);
  const then = expected(stats, provinces, first);
  const change = want.gap - then.gap;
  expect(shown.text).toContain(
    `The gap is ${Math.abs(change).toFixed(1)} points ${change > 0 ? 'wider' : 'narrower'} than in ${first} (${then.gap.toFixed(1)} points then).`,
  );
  expect(shown.text).toContain('BPS 2016 usage (incl. Kalimantan)');
  await gap.view.screenshot({ path: 'tests/e2e/artifacts/gap-view.png' });

  // 2021 has figures for the top and bottom provinces only: the view says so and compares nothing.
  const partial = expected(stats, provinces, 2021);
  expect(partial.used).toBeLessThan(partial.of);
  await gap.chooseYear('2021, partial coverage');
  const shown21 = await gap.headline();
  expect(shown21.east.value).toBe(pct(partial.east.mean));
  expect(shown21.west.value).toBe(pct(partial.west.mean));
  expect(shown21.east.provinces).toBe(`${partial.east.used} of ${partial.east.of} provinces`);
  expect(shown21.text).toContain(`only ${partial.used} of ${partial.of} provinces have a figure for 2021`);
  expect(shown21.text).not.toMatch(/The gap is .* than in/);
  // The map follows the view's year.
  expect(await gap.mapYear()).toBe('2021');
});

test('provinces are linked with the map: hover either side, click to select', async ({ gap, page }) => {
  await gap.open();
  const provinces = await gap.dataFile<ProvincesFile>('provinces.json');
  const papua = provinces.polygons.find((p) => p.provinces.length === 1 && p.provinces[0] === 94)!;

  await gap.provinceRow('Papua').hover();
  await expect.poll(() => gap.mapHighlight(papua.id)).toMatchObject({ hover: true });

  await gap.provinceRow('Papua').click();
  await expect.poll(() => gap.mapHighlight(papua.id)).toMatchObject({ selected: true });
  await expect(gap.view, 'the view stays open on selection').toBeVisible();
  await expect(gap.view.getByText(`Selected: ${papua.label}`)).toBeVisible();
  expect(await gap.isRowSelected('Papua')).toBe(true);

  // From the map to the chart: hover Jakarta on the map.
  const jakarta = provinces.polygons.find((p) => p.provinces.includes(31))!;
  await page.evaluate(
    ([lon, lat]) => window.__jangkau!.map.jumpTo({ center: [lon, lat], zoom: 7 }),
    jakarta.labelAt,
  );
  await expect(gap.map).toHaveAttribute('data-map-idle', 'true');
  await gap.hoverMapAt(...jakarta.labelAt);
  await expect.poll(() => gap.isRowHighlighted('DKI Jakarta')).toBe(true);
  expect(await gap.isRowHighlighted('Papua')).toBe(false);
});
