import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ReachCurve } from '../../../src/charts/reach-curve/ReachCurve';
import { reachLayout, stopsForShare, type ReachDatum } from '../../../src/charts/reach-curve/scales';
import { expectSvgSnapshot } from './svg-snapshot';

// Five stops with diminishing gains (people), the fourth not robust to the radius.
const gains = [412_000, 236_500, 151_200, 98_700, 61_300];
const robust = [true, true, true, false, true];
const DATA: ReachDatum[] = gains.map((gain, i) => ({
  name: ['Kupang', 'Jayapura', 'Ambon', 'Sorong', 'Ternate'][i]!,
  gain,
  cumulative: gains.slice(0, i + 1).reduce((a, b) => a + b, 0),
  robust: robust[i]!,
}));

const compact = (v: number) => (v >= 1e6 ? `${v / 1e6}M` : v >= 1e3 ? `${v / 1e3}k` : String(v));
const render = (data: readonly ReachDatum[]) =>
  renderToStaticMarkup(
    createElement(ReachCurve, {
      data,
      title: 'Underserved people reached by the plan',
      description: '5 stops reach 959,700 more underserved people; the first 2 bring half.',
      formatValue: compact,
      labels: {
        xAxis: 'Number of stops',
        cumulative: 'Cumulative reach',
        gain: 'Added by each stop',
        robust: 'Robust stop',
        notRobust: 'Changes with the radius',
      },
    }),
  );

describe('ReachCurve', () => {
  it('renders the cumulative line over shrinking bars (snapshot)', async () => {
    await expectSvgSnapshot(render(DATA), 'reach-curve.svg');
  });

  it('starts at zero stops, rises with every stop and marks the non-robust stop hollow', () => {
    const L = reachLayout(DATA);
    expect(L.line.startsWith(`M${L.x(0)},${L.y(0)}`)).toBe(true);
    expect(L.points.map((p) => p.stop)).toEqual([1, 2, 3, 4, 5]);
    expect(L.points.every((p, i) => i === 0 || p.y < L.points[i - 1]!.y)).toBe(true);
    expect(L.bars.every((b, i) => i === 0 || b.height < L.bars[i - 1]!.height)).toBe(true);
    expect(L.y.domain()[1]).toBeGreaterThanOrEqual(DATA[4]!.cumulative);
    const html = render(DATA);
    expect(html.match(/<circle[^>]*fill="#fff"/g)).toHaveLength(1 + 1); // stop 4 and the key's hollow dot
    expect(html).toContain('role="img"');
  });

  it('draws an empty plan without failing, and has no robustness key when robustness was not checked', () => {
    expect(reachLayout([]).points).toEqual([]);
    const html = render(DATA.map((d) => ({ ...d, robust: null })));
    expect(html).not.toContain('Robust stop');
  });

  it('counts the stops that bring half the reach', () => {
    expect(stopsForShare(DATA, 0.5)).toBe(2);
    expect(stopsForShare(DATA, 1)).toBe(5);
    expect(stopsForShare([], 0.5)).toBe(0);
  });
});
