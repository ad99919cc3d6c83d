// The import worker's protocol and client (here with the main-thread fallback, which runs the same handler).
import { describe, expect, it } from 'vitest';
import {
  CancelledError,
  createImportClient,
  createInlineImportWorker,
  ImportCrashedError,
  type ImportWorkerLike,
} from '../../../src/workers/import-client';
import {
  createImportHandler,
  decoderFor,
  readText,
  type ImportResponse,
} from '../../../src/workers/import-protocol';
import { fixture, smallContext } from '../domain/import/data';

const ctx = smallContext();
const blob = (text: string) => new Blob([text], { type: 'text/csv' });

describe('import protocol', () => {
  it('reads a file with progress, and decodes UTF-16 by its byte-order mark', async () => {
    const seen: number[] = [];
    const text = 'x'.repeat(300_000);
    expect(await readText(blob(text), (f) => seen.push(f))).toBe(text);
    expect(seen.at(-1)).toBe(1);
    const utf16 = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x63, 0x00]);
    expect(await readText(new Blob([utf16]), () => undefined)).toBe('Ac');
    expect(decoderFor(new Uint8Array([0xef, 0xbb, 0xbf])).encoding).toBe('utf-8');
  });

  it('posts progress then one result, and reuses the text of the same file for new choices', async () => {
    const messages: ImportResponse[] = [];
    let clock = 0;
    const handle = createImportHandler(
      (m) => messages.push(m),
      () => (clock += 100),
    );
    const file = blob(fixture('statistics-id.csv'));
    await handle({ type: 'analyse', id: 1, fileKey: 7, file, name: 'a.csv', options: {}, context: ctx });
    expect(
      messages.filter((m) => m.type === 'progress').map((m) => m.type === 'progress' && m.phase),
    ).toContain('read');
    const result = messages.at(-1)!;
    expect(result.type).toBe('result');
    // Same file key: the text is not read again (this blob would throw).
    const broken = {
      size: 1,
      stream: () => {
        throw new Error('read again');
      },
    } as unknown as Blob;
    await handle({
      type: 'analyse',
      id: 2,
      fileKey: 7,
      file: broken,
      name: 'a.csv',
      options: { statistics: { basis: '38' } },
      context: ctx,
    });
    const second = messages.at(-1)!;
    expect(second).toMatchObject({ type: 'result', id: 2 });
    // Another file key: read, and a read failure is an error response, not an exception.
    await handle({
      type: 'analyse',
      id: 3,
      fileKey: 8,
      file: broken,
      name: 'b.csv',
      options: {},
      context: ctx,
    });
    expect(messages.at(-1)).toEqual({ type: 'error', id: 3, message: 'read again' });
  });
});

describe('import client', () => {
  it('resolves with the preview and reports progress (main-thread fallback)', async () => {
    const client = createImportClient(createInlineImportWorker);
    const phases = new Set<string>();
    const preview = await client.analyse(blob(fixture('training.csv')), 'training.csv', 1, {}, ctx, (phase) =>
      phases.add(phase),
    );
    expect(preview).toMatchObject({ file: 'training.csv', kind: 'training' });
    expect(phases.has('read')).toBe(true);
    client.dispose();
  });

  it('latest wins: a new analysis cancels the pending one', async () => {
    const client = createImportClient(createInlineImportWorker);
    const first = client.analyse(blob('a;b\n1;2'), 'a.csv', 1, {}, ctx);
    const second = client.analyse(blob(fixture('statistics-id.csv')), 's.csv', 2, {}, ctx);
    await expect(first).rejects.toBeInstanceOf(CancelledError);
    await expect(second).resolves.toMatchObject({ file: 's.csv', ok: true });
    client.dispose();
  });

  it('rejects with a readable message when the worker dies, and starts a fresh one next time', async () => {
    let made = 0;
    const dying = (): ImportWorkerLike => {
      made++;
      const w: ImportWorkerLike = {
        onmessage: null,
        onerror: null,
        postMessage: () => setTimeout(() => w.onerror?.({ message: 'out of memory' }), 0),
        terminate: () => undefined,
      };
      return w;
    };
    const client = createImportClient(dying);
    const crash = await client.analyse(blob('x'), 'x.csv', 1, {}, ctx).catch((e: unknown) => e);
    expect(crash).toBeInstanceOf(ImportCrashedError);
    // The browser's words are kept as a detail; the UI says what happened in the reader's language.
    expect((crash as ImportCrashedError).detail).toBe('out of memory');
    await expect(client.analyse(blob('x'), 'x.csv', 1, {}, ctx)).rejects.toThrow();
    expect(made).toBe(2);
  });
});
