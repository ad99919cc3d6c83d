// Numbers, dates and CSV as Indonesian and English spreadsheets write them.
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '../../../../src/domain/import/csv';
import { parseDate } from '../../../../src/domain/import/dates';
import { IssueLog } from '../../../../src/domain/import/issues';
import { columnMark, impliedMark, parseNumber } from '../../../../src/domain/import/numbers';
import { english } from '../../i18n/translate';

const num = (raw: string, mark: ',' | '.' | null = null, kind: 'percent' | 'count' = 'count') => {
  const r = parseNumber(raw, mark, kind);
  return r.type === 'number' ? r.value : r.type;
};

describe('numbers', () => {
  it('reads decimal commas and thousands dots', () => {
    expect(num('12,5', null, 'percent')).toBe(12.5);
    expect(num('1.234.567')).toBe(1234567);
    expect(num('1.234,5')).toBe(1234.5);
    expect(num('12.345.678,90')).toBe(12345678.9);
    expect(num('-3,25', null, 'percent')).toBe(-3.25);
    expect(num('12,5%', null, 'percent')).toBe(12.5);
    expect(num('1 234 567')).toBe(1234567);
    expect(num('1\u00a0234\u00a0567')).toBe(1234567);
  });

  it('reads English decimal points and thousands commas', () => {
    expect(num('12.5', null, 'percent')).toBe(12.5);
    expect(num('1,234,567')).toBe(1234567);
    expect(num('1,234.5')).toBe(1234.5);
  });

  it('settles "1.234" by the column, else by the metric', () => {
    expect(num('1.234', ',', 'count')).toBe(1234);
    expect(num('1.234', '.', 'count')).toBe(1.234);
    expect(num('1.234', null, 'count')).toBe(1234);
    expect(num('1.234', null, 'percent')).toBe(1.234);
    expect(num('1,234', null, 'percent')).toBe(1.234);
    expect(num('1,234', null, 'count')).toBe(1234);
  });

  it('tells the decimal mark of a column from its unambiguous values', () => {
    expect(impliedMark('12,5')).toBe(',');
    expect(impliedMark('1.234.567')).toBe(',');
    expect(impliedMark('12.5')).toBe('.');
    expect(impliedMark('1.234')).toBeNull();
    expect(columnMark(['1.234', '12,5', '7'])).toBe(',');
    expect(columnMark(['1.234', '5.678'])).toBeNull();
  });

  it('treats dashes and blanks as missing, rejects text and misplaced separators', () => {
    expect(num('')).toBe('empty');
    expect(num(' - ')).toBe('empty');
    expect(num('…')).toBe('empty');
    expect(num('abc')).toBe('invalid');
    expect(num('1.2.3', ',')).toBe('invalid');
    expect(num('12,34,5', '.')).toBe('invalid');
    expect(num('1e5')).toBe('invalid');
  });

  it('says why a number is unreadable, as a code', () => {
    expect(parseNumber('abc', null, 'count')).toEqual({ type: 'invalid', reason: { code: 'notNumber' } });
    expect(parseNumber('1,2,3', '.', 'count')).toEqual({
      type: 'invalid',
      reason: { code: 'misplacedThousands', params: { mark: ',' } },
    });
    expect(parseNumber('1.234,5,6', ',', 'count')).toEqual({
      type: 'invalid',
      reason: { code: 'manyDecimalMarks', params: { mark: ',' } },
    });
  });
});

describe('dates', () => {
  const iso = (raw: string) => {
    const d = parseDate(raw);
    return d.type === 'date' ? d.iso : d.type;
  };
  it('reads ISO, day-first and month names in Indonesian and English', () => {
    expect(iso('2018-09-13')).toBe('2018-09-13');
    expect(iso('13/09/2018')).toBe('2018-09-13');
    expect(iso('13-09-2018')).toBe('2018-09-13');
    expect(iso('1.2.2019')).toBe('2019-02-01');
    expect(iso('14 Agustus 2018')).toBe('2018-08-14');
    expect(iso('14 Aug 2018')).toBe('2018-08-14');
    expect(iso('August 14, 2018')).toBe('2018-08-14');
    expect(iso('5 Mei 2019')).toBe('2019-05-05');
  });
  it('reads an impossible day-first date as month-first, with a note', () => {
    expect(parseDate('08/14/2018')).toEqual({
      type: 'date',
      iso: '2018-08-14',
      note: { code: 'readAsMonthFirst' },
    });
  });
  it('rejects dates that are not in the calendar', () => {
    expect(iso('31/04/2019')).toBe('invalid');
    expect(iso('29/02/2019')).toBe('invalid');
    expect(iso('29/02/2020')).toBe('2020-02-29');
    expect(iso('next Tuesday')).toBe('invalid');
    expect(iso('')).toBe('empty');
    expect(parseDate('31/04/2019')).toEqual({
      type: 'invalid',
      reason: { code: 'notInCalendar', params: { date: '2019-04-31' } },
    });
    expect(parseDate('next Tuesday')).toEqual({ type: 'invalid', reason: { code: 'notDate' } });
  });
});

describe('CSV', () => {
  it('detects comma, semicolon and tab delimiters', () => {
    expect(detectDelimiter('provinsi;nilai\nAceh;12,5')).toBe(';');
    expect(detectDelimiter('province,value\nAceh,12.5')).toBe(',');
    expect(detectDelimiter('a\tb\n1\t2')).toBe('\t');
    // Commas inside the values do not fool it: the header has none.
    expect(detectDelimiter('provinsi;nilai;jumlah\nAceh;12,5;1,2')).toBe(';');
  });

  it('strips a UTF-8 byte-order mark and reads quoted fields', () => {
    const log = new IssueLog('a.csv');
    const t = parseCsv('\uFEFFprovinsi;"nilai; %"\n"Aceh";"12,5"\n"Jawa ""Barat""";"line\nbreak"\n', log)!;
    expect(t.header).toEqual(['provinsi', 'nilai; %']);
    expect(t.rows).toEqual([
      ['Aceh', '12,5'],
      ['Jawa "Barat"', 'line\nbreak'],
    ]);
    expect(t.rowNumbers).toEqual([2, 3]);
    expect(log.list).toEqual([]);
  });

  it('numbers rows as a spreadsheet does (empty lines count) and names duplicate or empty headers', () => {
    const log = new IssueLog('a.csv');
    const t = parseCsv('a,a,\n1,2,3\n\n4,5,6', log)!;
    expect(t.header).toEqual(['a', 'a (2)', 'column 3']);
    expect(t.rowNumbers).toEqual([2, 4]);
  });

  it('reports rows with extra fields and unclosed quotes by row', () => {
    const log = new IssueLog('a.csv');
    parseCsv('a,b\n1,2,3\n"4,5\n6,7', log);
    expect(log.list.map((i) => [i.at, i.problem])).toEqual([
      [{ type: 'row', row: 3 }, { code: 'unclosedQuote' }],
      [
        { type: 'row', row: 2 },
        { code: 'extraFields', params: { fields: 3, columns: 2 } },
      ],
    ]);
    expect(log.list.map(english)).toEqual([
      'a.csv, row 3: a quoted field is never closed',
      'a.csv, row 2: this row has 3 fields but the header has 2; the extra fields are ignored',
    ]);
  });

  it('rejects empty and one-column files with a located, blocking message', () => {
    for (const [text, message] of [
      ['', 'a.csv, row 1: the file is empty: expected a header row and data rows'],
      ['\n\n', 'a.csv, row 1: the file is empty: expected a header row and data rows'],
      [
        'just one column\nrow',
        'a.csv, row 1: only one column was found ("just one column"): separate columns with a comma or a semicolon',
      ],
      ['a;b\n', 'a.csv, row 1: the file has a header but no data rows'],
    ] as const) {
      const log = new IssueLog('a.csv');
      parseCsv(text, log);
      expect(log.list.map(english)).toEqual([message]);
      expect(log.blocking).toBe(true);
    }
  });
});
