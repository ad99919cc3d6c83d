import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { GapTrend } from '../../../src/charts/gap-trend/GapTrend';
import { trendLayout, type TrendDatum } from '../../../src/charts/gap-trend/scales';
import { expectSvgSnapshot } from './svg-snapshot';

// BPS internet use, SE2016 grouping, rounded: complete 2017–2019 and 2023, partial 2021 and 2022.
const DATA: TrendDatum[] = [
  { year: 2017, east: 27.5, west: 33.5, complete: true },
  { year: 2018, east: 33.7, west: 41.4, complete: true },
  { year: 2019, east: 40.9, west: 49.3, complete: true },
  { year: 2021, east: 53.0, west: 69.2, complete: false },
  { year: 2022, east: 57.8, west: 71.4, complete: false },
  { year: 2023, east: 63.0, west: 70.7, complete: true },
];

/** The chart's SVG (the figure's caption is checked separately). */
const svgOf = (html: string) =>
  html.slice(html.indexOf('<svg'), html.indexOf('</svg><figcaption>') + '</svg>'.length);

const render = (selectedYear: number | null, data = DATA) =>
  renderToStaticMarkup(
    <GapTrend
      data={data}
      selectedYear={selectedYear}
      title="Internet use in eastern and western Indonesia, 2017–2023 (BPS)"
      description="Population-weighted share of people using the internet, east and west, per year."
      regionLabel={{ east: 'East', west: 'West' }}
      pointLabel={(p) =>
        `${p.region} ${p.year}: ${p.value.toFixed(1)}%${p.complete ? '' : ', partial coverage'}`
      }
      formatValue={(v) => `${v.toFixed(1)}%`}
      formatGap={(v) => `${v.toFixed(1)} pp`}
      caption={{
        complete: 'all provinces',
        partial: 'partial coverage',
        note: 'No figures for 2020.',
        source: 'Source: BPS (Susenas)',
      }}
      onSelectYear={() => undefined}
    />,
  );

describe('GapTrend', () => {
  it('renders the BPS series (snapshot)', async () => {
    await expectSvgSnapshot(svgOf(render(2023)), 'gap-trend-bps.svg');
  });

  it('renders a series without a complete year, labelled at the selected year (snapshot)', async () => {
    const apjii: TrendDatum[] = [
      { year: 2022, east: 77.3, west: null, complete: false },
      { year: 2023, east: 75.1, west: 79.4, complete: false },
      { year: 2024, east: 59.1, west: 86.0, complete: false },
    ];
    await expectSvgSnapshot(svgOf(render(2023, apjii)), 'gap-trend-apjii.svg');
  });

  it('has a title, a description, a focusable point with its numbers for every value, and the source below', () => {
    const html = render(2021);
    expect(html).toMatch(/<\/svg><figcaption>.*Source: BPS \(Susenas\)<\/span><\/figcaption>/);
    expect(html).toContain('<title id="gap-trend-title">');
    expect(html).toContain('<desc id="gap-trend-desc">');
    expect(html.match(/<circle[^>]*tabindex="0"/g)).toHaveLength(12);
    expect(html).toContain('aria-label="east 2021: 53.0%, partial coverage"');
    expect(html).toContain('16.2 pp'); // the bracket at the selected year
  });

  it('joins complete years only: adjacent years solid, across partial years a dashed bridge', () => {
    const L = trendLayout(DATA);
    expect(L.segments.map((s) => [s.from, s.to, s.kind])).toEqual([
      [2017, 2018, 'solid'],
      [2018, 2019, 'solid'],
      [2019, 2023, 'bridge'],
    ]);
    expect(L.points.filter((p) => !p.complete).map((p) => p.year)).toEqual([2021, 2021, 2022, 2022]);
    expect(L.xTicks.find((t) => t.year === 2020)?.hasData).toBe(false);
  });

  it('never joins years across a change of definition: the change is drawn and keyed as a break', () => {
    const changed = DATA.map((d) => ({ ...d, definition: d.year <= 2018 ? 'edition A' : 'edition B' }));
    const L = trendLayout(changed);
    expect(L.segments.map((s) => [s.from, s.to])).toEqual([
      [2017, 2018],
      [2019, 2023],
    ]);
    expect(L.breaks.map((k) => [k.from, k.to])).toEqual([[2018, 2019]]);
    expect(L.breaks[0]!.x).toBeCloseTo((L.x(2018) + L.x(2019)) / 2);
    const html = renderToStaticMarkup(
      <GapTrend
        data={changed}
        selectedYear={2023}
        title="t"
        description="d"
        regionLabel={{ east: 'East', west: 'West' }}
        pointLabel={(p) => String(p.value)}
        formatValue={String}
        formatGap={String}
        caption={{ complete: 'c', partial: 'p', breakKey: 'definition changes', source: 's' }}
      />,
    );
    expect(html).toContain('class="series-breaks"');
    expect(html).toContain('definition changes');
    // The same definition every year: no break and no key.
    expect(trendLayout(DATA).breaks).toEqual([]);
    expect(render(2023)).not.toContain('series-breaks');
  });
});
