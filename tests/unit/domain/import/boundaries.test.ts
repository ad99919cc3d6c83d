// A user's province boundaries (GeoJSON or TopoJSON) → polygon records, cells re-assigned.
import { describe, expect, it } from 'vitest';
import { assignPoints } from '../../../../src/domain/import/assign';
import { guessBoundaryOptions, labelAnchor, planBoundaries } from '../../../../src/domain/import/boundaries';
import { readBoundaryFile, type Area } from '../../../../src/domain/import/geojson';
import { IssueLog } from '../../../../src/domain/import/issues';
import { english } from '../../i18n/translate';
import { analyseImport } from '../../../../src/domain/import/pipeline';
import { createProvinceMatcher } from '../../../../src/domain/import/provinces';
import { dataset, fixture } from './data';

const all = dataset().provinces.provinces;
// Kalimantan Timur and Utara (split 2012), Papua Barat and Papua Barat Daya (split 2022).
const four = all.filter((p) => [64, 65, 91, 92].includes(p.bps));
const matcher = createProvinceMatcher(four);

function plan(text: string, name: string) {
  const log = new IssueLog(name);
  const file = readBoundaryFile(text, log)!;
  const options = guessBoundaryOptions(file, matcher, {});
  return { file, options, log, ...planBoundaries(file, options, matcher, four, log) };
}

describe('boundary files', () => {
  for (const name of ['boundaries-two.geojson', 'boundaries-two.topojson']) {
    it(`${name}: matches by Kemendagri code, guessed from the names beside it`, () => {
      const { file, options, plan: p, log } = plan(fixture(name), name);
      expect(file.format).toBe(name.endsWith('topojson') ? 'topojson' : 'geojson');
      expect(file.propertyKeys).toEqual(['kode', 'Propinsi']);
      expect(options).toEqual({ property: 'kode', codeSystem: 'kemendagri' });
      expect(log.list).toEqual([]);
      expect(p!.polygons).toEqual([
        {
          id: 0,
          iso: 'ID-KI',
          label: 'Kalimantan Timur incl. Kalimantan Utara',
          provinces: [64, 65],
          provinces34: [64, 65],
          labelAt: [116.5, 1],
        },
        {
          id: 1,
          iso: 'ID-PB',
          label: 'Papua Barat incl. Papua Barat Daya',
          provinces: [91, 92],
          provinces34: [91],
          labelAt: expect.any(Array) as unknown,
        },
      ]);
      expect(p!.provincePolygon).toEqual([
        [64, 0],
        [65, 0],
        [91, 1],
        [92, 1],
      ]);
      // The hole and the second part survive.
      expect(p!.areas[1]).toMatchObject({
        type: 'MultiPolygon',
        coordinates: [[expect.any(Array), expect.any(Array)], [expect.any(Array)]],
      });
    });
  }

  it('with the wrong code system, says which property disagrees and which province has no polygon', () => {
    const log = new IssueLog('two.geojson');
    const file = readBoundaryFile(fixture('boundaries-two.geojson'), log)!;
    const r = planBoundaries(file, { property: 'kode', codeSystem: 'bps' }, matcher, four, log);
    expect(r.plan).toBeNull();
    expect(log.list.map(english)).toEqual([
      'two.geojson, features[1].properties.kode: "92" reads as Papua Barat Daya, but property "Propinsi" says PAPUA BARAT (Papua Barat)',
      'two.geojson, features: no feature for Papua Barat (BPS 91, Kemendagri 92): a province layer must cover all 34 or 38 provinces',
    ]);
  });

  it('reports every broken feature by its JSON path and keeps the valid ones', () => {
    const log = new IssueLog('broken.geojson');
    const file = readBoundaryFile(fixture('boundaries-broken.geojson'), log)!;
    expect(log.list.map(english)).toEqual([
      'broken.geojson, features[0].geometry.type: a boundary must be a Polygon or MultiPolygon, not a Point',
      'broken.geojson, features[1].geometry.coordinates[0][1][1]: invalid geometry: expected a number',
      'broken.geojson, features[2].geometry.coordinates[0][0]: [12800000, -200000] is not a longitude and latitude in degrees; the file seems to use projected coordinates (metres): export it in WGS 84 (EPSG:4326)',
      'broken.geojson, features[3].geometry: the feature has no geometry',
      'broken.geojson, features[4].geometry.coordinates[0]: the ring was not closed; its first position was repeated at the end',
      'broken.geojson, features[6].type: not a GeoJSON Feature: Invalid input: expected "Feature"',
    ]);
    // Our own schema messages are codes; zod's own words stay a technical detail.
    expect(log.list.map((i) => i.problem)).toEqual([
      { code: 'notArea', params: { type: 'Point' } },
      { code: 'coordinateNotNumber' },
      { code: 'projectedCoordinate', params: { x: '12800000', y: '-200000' } },
      { code: 'noGeometry' },
      { code: 'ringNotClosed' },
      { code: 'notFeature', params: { detail: 'Invalid input: expected "Feature"' } },
    ]);
    expect(file.total).toBe(7);
    expect(file.features.map((f) => f.path)).toEqual(['features[4]', 'features[5]']);
  });

  it('reports JSON syntax errors by line and column, and wrong top-level types', () => {
    const where = (text: string) => {
      const log = new IssueLog('b.geojson');
      readBoundaryFile(text, log);
      return log.list.map(english);
    };
    expect(where('{\n  "type": "FeatureCollection",\n  "features": [,]\n}')).toEqual([
      'b.geojson, line 3, column 16: not valid JSON (unexpected ",]\\n}")',
    ]);
    const log = new IssueLog('b.geojson');
    readBoundaryFile('{"a":}', log);
    expect(log.list).toEqual([
      {
        file: 'b.geojson',
        at: { type: 'text', line: 1, column: 6 },
        severity: 'error',
        problem: { code: 'jsonUnexpected', params: { found: '"}"' } },
        blocking: true,
      },
    ]);
    expect(where('{"type": "FeatureCollection", "features": [')).toEqual([
      'b.geojson, line 1, column 44: not valid JSON (the text ends too early)',
    ]);
    expect(where('[1, 2]')).toEqual([
      'b.geojson, type: expected a GeoJSON FeatureCollection or a TopoJSON Topology',
    ]);
    expect(where('{"type":"FeatureCollection","features":{}}')).toEqual([
      'b.geojson, features: not a valid FeatureCollection: Invalid input: expected array, received object',
    ]);
    expect(
      where(
        '{"type":"Topology","objects":{"a":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[5]]}]}},"arcs":[]}',
      ),
    ).toEqual([
      'b.geojson, objects.a.geometries[0].arcs[0][0]: arc 5 does not exist (the topology has 0 arcs)',
    ]);
  });

  it('puts labels at the pole of inaccessibility of the largest part', () => {
    expect(
      labelAnchor({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [4, 0],
            [4, 2],
            [0, 2],
            [0, 0],
          ],
        ],
      }),
    ).toEqual([2, 1]);
  });
});

describe('assigning points to polygons', () => {
  const square = (x: number, y: number, s: number): Area => ({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + s, y],
        [x + s, y + s],
        [x, y + s],
        [x, y],
      ],
    ],
  });
  const donut: Area = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
        [0, 0],
      ],
      [
        [4, 4],
        [6, 4],
        [6, 6],
        [4, 6],
        [4, 4],
      ],
    ],
  };

  it('uses containment (holes included) and sends outside points to the nearest polygon', () => {
    const lat = [1, 5, 5, 5, 1];
    const lon = [1, 5, 10.5, 15.5, 30];
    const a = assignPoints([donut, square(15, 0, 10)], lat, lon);
    // (1,1) in the donut; (5,5) in its hole → nearest is the donut's inner ring; 10.5 is between the two.
    expect([...a.polygon]).toEqual([0, 0, 0, 1, 1]);
    expect(a.inside).toBe(2);
    expect([...a.outsideIndex]).toEqual([1, 2, 4]);
    expect(a.maxOutsideKm).toBeGreaterThan(500);
  });

  it('does not mutate its input', () => {
    const areas = [square(0, 0, 1)];
    const before = JSON.stringify(areas);
    assignPoints(areas, [0.5], [0.5]);
    expect(JSON.stringify(areas)).toBe(before);
  });
});

describe('the whole pipeline on the embedded Natural Earth polygons, as a user file', () => {
  const data = dataset();
  const byBps = new Map(all.map((p) => [p.bps, p]));
  const userFile = JSON.stringify({
    type: 'FeatureCollection',
    features: data.boundaries.features.map((f) => {
      const main = byBps.get(data.provinces.polygons[f.properties.id]!.provinces[0]!)!;
      return {
        type: 'Feature',
        properties: { kode: main.kemendagri, Propinsi: main.nameId.toUpperCase() },
        geometry: f.geometry,
      };
    }),
  });

  it('rebuilds the same 38 polygons and puts almost every cell where the data build did', () => {
    const p = analyseImport(
      { name: 'ne.geojson', text: userFile },
      {},
      { provinces: all, places: data.places, cells: data.cells },
    );
    expect(p.issues.map(english)).toEqual([]);
    expect(p.ok).toBe(true);
    const r = p.result!;
    if (r.kind !== 'boundaries' || !r.apply) throw new Error('expected boundaries');
    expect(r.options).toEqual({ property: 'kode', codeSystem: 'kemendagri' });
    expect(r.apply.polygons.map(({ labelAt: _, ...rest }) => rest)).toEqual(
      data.provinces.polygons.map(({ labelAt: _, pop2020: __, ...rest }) => rest),
    );
    let same = 0;
    for (let c = 0; c < data.cells.count; c++) if (r.apply.cellPolygon[c] === data.cells.polygon[c]) same++;
    expect(same / data.cells.count).toBeGreaterThan(0.995);
  });
});
