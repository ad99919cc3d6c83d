import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Dumbbell } from '../../../src/charts/province-dumbbell/Dumbbell';
import { dumbbellLayout, type DumbbellDatum } from '../../../src/charts/province-dumbbell/scales';
import { expectSvgSnapshot } from './svg-snapshot';

// A few provinces, BPS 2017 vs 2023 (rounded).
const DATA: DumbbellDatum[] = [
  {
    key: '94',
    label: 'Papua',
    polygonId: 32,
    region: 'east',
    from: { year: 2017, value: 20.8 },
    to: { year: 2023, value: 29.9 },
  },
  {
    key: '31',
    label: 'DKI Jakarta',
    polygonId: 10,
    region: 'west',
    from: { year: 2017, value: 61.6 },
    to: { year: 2023, value: 86.5 },
  },
  {
    key: '64',
    label: 'Kalimantan Timur',
    polygonId: 22,
    region: 'east',
    from: { year: 2017, value: 43.1 },
    to: { year: 2023, value: 80.5 },
    flagged: true,
  },
  {
    key: '65',
    label: 'Kalimantan Utara',
    polygonId: 22,
    region: 'east',
    from: { year: 2023, value: 77.0 },
    to: { year: 2023, value: 77.0 },
  },
  { key: '11', label: 'Aceh', polygonId: 0, region: 'west', from: null, to: { year: 2023, value: 59.3 } },
];

const render = () =>
  renderToStaticMarkup(
    <Dumbbell
      data={DATA}
      title="Provinces ranked by internet use in 2023 (BPS)"
      description="One row per province, ranked by its 2023 figure."
      rowLabel={(r) =>
        `${r.rank}. ${r.datum.label}: ${r.datum.to.value.toFixed(1)}%${r.datum.flagged ? ', class differs' : ''}`
      }
      formatValue={(v) => `${v.toFixed(1)}%`}
      legend={{
        east: 'Eastern Indonesia',
        west: 'Western Indonesia',
        from: 'first year with data',
        to: '2023',
      }}
    />,
  );

describe('Dumbbell', () => {
  it('renders ranked rows coloured by region (snapshot)', async () => {
    await expectSvgSnapshot(render(), 'province-dumbbell.svg');
  });

  it('ranks by the selected year, draws a bar only where the first year differs, rows are focusable buttons', () => {
    const L = dumbbellLayout(DATA);
    expect(L.rows.map((r) => r.datum.label)).toEqual([
      'DKI Jakarta',
      'Kalimantan Timur',
      'Kalimantan Utara',
      'Aceh',
      'Papua',
    ]);
    expect(L.rows.map((r) => r.x0 !== null)).toEqual([true, true, false, false, true]);
    const html = render();
    expect(html.match(/<g[^>]*tabindex="0"[^>]*role="button"/g)).toHaveLength(5);
    expect(html).toContain('aria-label="2. Kalimantan Timur: 80.5%, class differs"');
    expect(html).toContain('<title id="dumbbell-title">');
  });
});
