// A data file that does not load is reported as the file, a reason code and a raw detail, and worded
// in the reader's language by the UI, naming the file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DataLoadError,
  dataLoadFailure,
  loadDataset,
  prepareDataset,
  type DataLoadFailure,
} from '../../../src/data/dataset';
import { createAppStore } from '../../../src/state/store';
import { dataLoadText } from '../../../src/ui/Notices';
import { tEn, tId } from '../i18n/translate';

const dir = join(import.meta.dirname, '../../../public/data');
const base = 'http://localhost/data/';

/** Serves public/data like the app's server, except for the file `name`, which gets `reply`. */
function serveWith(name: string, reply: () => Response | Promise<Response>) {
  vi.stubGlobal('fetch', async (url: string) => {
    const file = url.slice(base.length);
    if (file === name) return reply();
    return new Response(readFileSync(join(dir, file)));
  });
}

/** What `loadDataset` reports when `name` gets `reply`. */
async function failureWith(name: string, reply: () => Response | Promise<Response>) {
  serveWith(name, reply);
  return dataLoadFailure(
    await loadDataset(base).then(
      () => 'loaded',
      (e: unknown) => e,
    ),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a data file that does not load', () => {
  it('names the file and the HTTP status', async () => {
    const failure = await failureWith('cells.json', () => new Response('gone', { status: 404 }));
    expect(failure).toEqual({ file: 'cells.json', reason: 'http', detail: '404' });
  });

  it('keeps the browser’s message when the request itself fails', async () => {
    const failure = await failureWith('stats.json', () => Promise.reject(new TypeError('Failed to fetch')));
    expect(failure).toEqual({ file: 'stats.json', reason: 'unreachable', detail: 'Failed to fetch' });
  });

  it('tells broken JSON from JSON of the wrong shape', async () => {
    expect(await failureWith('places.json', () => new Response('{"id": ['))).toEqual({
      file: 'places.json',
      reason: 'badJson',
    });
    expect(await failureWith('provinces.json', () => new Response('{"provinces": []}'))).toEqual({
      file: 'provinces.json',
      reason: 'badShape',
    });
  });

  it('reports a cells.bin that does not match cells.json, with the decoder’s detail', async () => {
    const failure = await failureWith('cells.bin', () => new Response(new ArrayBuffer(16)));
    expect(failure).toMatchObject({ file: 'cells.bin', reason: 'badCells' });
    expect(failure.detail).toMatch(/exceeds cells\.bin/);
  });

  it('reports any other error while preparing the data as internal, with its message', () => {
    expect(dataLoadFailure(new Error('boom'))).toEqual({ reason: 'internal', detail: 'boom' });
    expect(() =>
      prepareDataset({
        provinces: { provinces: [], polygons: [] },
        cellsMeta: { version: 1, count: 1, columns: [] },
        bin: new ArrayBuffer(0),
      } as never),
    ).toThrow(DataLoadError);
  });

  it('keeps the failure in the store', () => {
    const store = createAppStore();
    const failure: DataLoadFailure = { file: 'cells.json', reason: 'http', detail: '404' };
    store.getState().setDataError(failure);
    expect(store.getState().dataError).toEqual(failure);
  });
});

describe('the load error in both languages', () => {
  it('names the file in English and in Bahasa Indonesia', () => {
    const http: DataLoadFailure = { file: 'cells.json', reason: 'http', detail: '404' };
    expect(dataLoadText(tEn, http)).toBe(
      'The embedded data could not be loaded: the server answered HTTP 404 for the file cells.json.',
    );
    expect(dataLoadText(tId, http)).toBe(
      'Data bawaan tidak dapat dimuat: server menjawab HTTP 404 untuk berkas cells.json.',
    );
    expect(dataLoadText(tId, { file: 'places.json', reason: 'badJson' })).toBe(
      'Data bawaan tidak dapat dimuat: berkas places.json bukan JSON yang valid.',
    );
    expect(dataLoadText(tEn, { file: 'stats.json', reason: 'unreachable', detail: 'Failed to fetch' })).toBe(
      'The embedded data could not be loaded: the file stats.json could not be fetched (Failed to fetch).',
    );
  });

  it('words every reason in both languages', () => {
    for (const reason of ['unreachable', 'http', 'badJson', 'badShape', 'badCells', 'internal'] as const) {
      const failure: DataLoadFailure = { file: 'x.json', reason, detail: 'D' };
      for (const t of [tEn, tId]) {
        const text = dataLoadText(t, failure);
        expect(text, reason).not.toMatch(/loadFailure|\{\{/);
        if (reason !== 'internal') expect(text, reason).toContain('x.json');
      }
    }
  });
});
