// A failed image export is a code worded in the reader's language; the browser's own message stays a
// raw detail.
import { describe, expect, it } from 'vitest';
import { EXPORT_FAILURES, ExportError, exportActiveMapPng, exportFailure } from '../../../src/map/export';
import { imageFailedText } from '../../../src/ui/ExportMenu';
import { tEn, tId } from '../i18n/translate';

describe('image export failures', () => {
  it('reports a missing map as a code, not an English sentence', async () => {
    const error = await exportActiveMapPng({} as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect(exportFailure(error)).toEqual({ code: 'notReady' });
  });

  it('keeps the browser’s own message as the detail of any other error', () => {
    const tainted = new DOMException('The canvas has been tainted by cross-origin data.', 'SecurityError');
    expect(exportFailure(tainted)).toEqual({
      code: 'failed',
      detail: 'The canvas has been tainted by cross-origin data',
    });
    expect(imageFailedText(tEn, exportFailure(tainted))).toBe(
      'The image could not be made: the browser reported “The canvas has been tainted by cross-origin data”.',
    );
  });

  it('words the failure in English and in Bahasa Indonesia', () => {
    expect(imageFailedText(tEn, { code: 'notReady' })).toBe(
      'The image could not be made: the map is not ready yet; wait until it has loaded.',
    );
    expect(imageFailedText(tId, { code: 'notReady' })).toBe(
      'Gambar tidak dapat dibuat: peta belum siap; tunggu sampai peta selesai dimuat.',
    );
    expect(imageFailedText(tId, { code: 'failed', detail: 'Out of memory' })).toBe(
      'Gambar tidak dapat dibuat: peramban melaporkan “Out of memory”.',
    );
    for (const code of Object.keys(EXPORT_FAILURES) as (keyof typeof EXPORT_FAILURES)[])
      for (const t of [tEn, tId])
        expect(imageFailedText(t, { code, detail: 'D' }), code).not.toMatch(/imageFailure|\{\{/);
  });
});
