import { describe, expect, it } from 'vitest';

import type { PlanExport } from '../../../src/ui/simulate/plan-export';
import { dataUrl, planFileName, planToCsv, planToGeoJson } from '../../../src/ui/simulate/plan-export';

const plan: PlanExport = {
  stops: [
    { name: 'Ambon', lat: -3.695432, lon: 128.181412, gain: 1200.4, cumulative: 1200.4, robust: true },
    { name: 'Bau-Bau, "Buton"', lat: -5.46, lon: 122.6, gain: 800.6, cumulative: 2001, robust: false },
    { name: 'Line\nbreak', lat: 1, lon: 2, gain: 0.4, cumulative: 2001.4, robust: null },
  ],
};

describe('plan export', () => {
  it('writes CSV with a header, CRLF, RFC 4180 quoting and rounded numbers', () => {
    const csv = planToCsv(plan);
    expect(csv).toBe(
      [
        'stop,name,lat,lon,newly_reached,cumulative,robust',
        '1,Ambon,-3.69543,128.18141,1200,1200,true',
        '2,"Bau-Bau, ""Buton""",-5.46,122.6,801,2001,false',
        '3,"Line\nbreak",1,2,0,2001,',
        '',
      ].join('\r\n'),
    );
  });

  it('writes an empty plan as the header only', () => {
    expect(planToCsv({ stops: [] })).toBe('stop,name,lat,lon,newly_reached,cumulative,robust\r\n');
  });

  it('writes GeoJSON points at [lon, lat] in visit order', () => {
    const fc = planToGeoJson(plan);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(3);
    expect(fc.features[0]).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [128.18141, -3.69543] },
      properties: { stop: 1, name: 'Ambon', gain: 1200, cumulative: 1200, robust: true },
    });
    expect(fc.features.map((f) => f.properties.stop)).toEqual([1, 2, 3]);
    expect(fc.features[2]!.properties.robust).toBeNull();
    // Survives a JSON round trip unchanged (what the download holds).
    expect(JSON.parse(JSON.stringify(fc))).toEqual(fc);
  });

  it('names files and encodes data URLs', () => {
    expect(planFileName(plan, 'csv')).toBe('jangkau-plan-3-stops.csv');
    expect(planFileName({ stops: plan.stops.slice(0, 1) }, 'geojson')).toBe('jangkau-plan-1-stop.geojson');
    const url = dataUrl('a,b\r\n"x"', 'text/csv');
    expect(url.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe('a,b\r\n"x"');
  });
});
