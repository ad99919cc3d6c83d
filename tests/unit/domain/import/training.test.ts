// Training records → held hubs (one per place), located by gazetteer city or coordinates.
import { describe, expect, it } from 'vitest';
import { problemText } from '../../../../src/ui/import/issue-text';
import { english, tId } from '../../i18n/translate';
import { analyseImport, guessKind, type ImportOptions } from '../../../../src/domain/import/pipeline';
import { cityKey, createGazetteer, type TrainingResult } from '../../../../src/domain/import/training';
import { context, dataset, fixture } from './data';

const ctx = context();
const training = (name: string, text: string, options: ImportOptions = {}) => {
  const p = analyseImport({ name, text }, options, ctx);
  return { p, r: p.result as TrainingResult, issues: p.issues.map(english) };
};

describe('training records', () => {
  it('are recognised by their columns', () => {
    expect(guessKind('x.csv', fixture('training.csv'))).toBe('training');
    expect(guessKind('x.csv', 'city,latitude,longitude,participants\n')).toBe('training');
    expect(guessKind('x.csv', 'provinsi;tahun;internet\n')).toBe('statistics');
    expect(guessKind('x.geojson', '')).toBe('boundaries');
    expect(guessKind('x.txt', ' {"type":"Topology"}')).toBe('boundaries');
  });

  it('become one held hub per place, with participants and MSMEs summed and the latest date', () => {
    const { p, r, issues } = training('training.csv', fixture('training.csv'));
    expect(p.ok).toBe(true);
    expect(r.options).toMatchObject({
      cityColumn: 'Kota',
      dateColumn: 'Tanggal',
      participantsColumn: 'Peserta',
      msmeColumn: 'UMKM',
    });
    expect(r.hubs.map((h) => [h.name, h.date, h.participants, h.msmes, h.rows])).toEqual([
      ['Makassar', '2018-11-20', 150, 45, [2, 6]],
      ['Gorontalo', '2018-09-13', 80, null, [3]],
      ['Bandung', '2018-08-14', 200, 55, [4]],
    ]);
    expect(r.participants).toBe(430);
    expect(issues).toEqual([
      'training.csv, row 5, column "Kota": no place of this name in the gazetteer (GeoNames); give latitude and longitude columns for places it lacks',
    ]);
    // Two candidate towns are called Martapura (the seats of Banjar and of Ogan Komering Ulu Timur).
    const many = training('t.csv', 'kota,peserta\nMartapura,10\n');
    expect(many.p.issues[0]).toMatchObject({
      severity: 'warning',
      problem: { code: 'manyPlaces', params: { places: 2, population: 131449 } },
    });
    // Numbers in the reader's format.
    expect(problemText(tId, 'id', many.p.issues[0]!.problem)).toBe(
      'ada 2 tempat dengan nama seperti ini; yang dipakai adalah yang terbesar (penduduk 131.449)',
    );
  });

  it('use coordinates when given, and catch swapped latitude and longitude', () => {
    const { r, issues } = training(
      't.csv',
      'lokasi,lat,lon,peserta\nBalai desa,"-6,2","106,8",12\nX,106.8,-6.2,3\nY,,,4\n',
    );
    expect(r.hubs.map((h) => [h.name, h.lat, h.lon, h.located])).toEqual([
      ['Balai desa', -6.2, 106.8, 'coordinates'],
    ]);
    expect(issues).toEqual([
      't.csv, row 3, column "lat": 106.8, -6.2 is not in Indonesia (did you mean latitude and longitude swapped?)',
      't.csv, row 4, column "lokasi": no place of this name in the gazetteer (GeoNames); give latitude and longitude columns for places it lacks',
    ]);
  });

  it('report unreadable dates and participant counts by row and column', () => {
    const { issues } = training(
      't.csv',
      'kota,tanggal,peserta\nMakassar,31/04/2019,10\nMakassar,2019-01-01,sepuluh\nMakassar,2019-01-01,-3\nMakassar,2019-01-01,\n',
    );
    expect(issues).toEqual([
      't.csv, row 2, column "tanggal": 2019-04-31 is not a date in the calendar',
      't.csv, row 3, column "peserta": not a number',
      't.csv, row 4, column "peserta": expected a whole number, 0 or more',
      't.csv, row 5, column "peserta": the number is missing',
      't.csv, row 1: no row could be imported; see the problems listed for each row',
    ]);
  });

  it('need a place and a participants column', () => {
    expect(training('t.csv', 'tanggal,peserta\n2019-01-01,3\n').issues).toEqual([
      't.csv, row 1: no column says where the training was held: choose the city column, or the latitude and longitude columns',
    ]);
    expect(training('t.csv', 'kota,tanggal\nMakassar,2019-01-01\n', { kind: 'training' }).issues).toEqual([
      't.csv, row 1: no column gives the number of participants: choose the participants column',
    ]);
  });
});

describe('the gazetteer lookup', () => {
  const g = createGazetteer(dataset().places);
  const names = (raw: string) => g.find(raw).map((i) => dataset().places.name[i]);
  it('ignores case, spacing and "Kota"/"City"', () => {
    expect(names('MAKASSAR')).toEqual(['Makassar']);
    expect(names('Kota Makassar')).toEqual(['Makassar']);
    expect(names('Makassar City')).toEqual(['Makassar']);
    expect(names('Kota Pinang')).toEqual(['Kota Pinang']);
    expect(cityKey('City of Balikpapan')).toBe('balikpapan');
  });
  it('suggests the closest name', () => {
    expect(g.find('Makasar')).toEqual([]);
    expect(g.suggest('Makasar')).toBe('Makassar');
  });
});
