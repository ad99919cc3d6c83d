// Dates are shown in the reader's language (id-ID "13 September 2018"), in the hub list and markers, the import
// preview and the stamp of an exported image; the image's demand formula is worded too.
import { describe, expect, it } from 'vitest';
import { markerLabel } from '../../../src/map/HubMarkers';
import { createAppStore } from '../../../src/state/store';
import { buildExportSpec } from '../../../src/ui/export-spec';
import { formatDate, localDay } from '../../../src/i18n/format';
import { statusText } from '../../../src/map/hub-labels';
import { tEn, tId } from '../i18n/translate';
import { embeddedDataset } from '../state/embedded-dataset';

describe('dates per locale', () => {
  it('writes a calendar day in the locale’s words, whatever the time zone', () => {
    expect(formatDate('id', '2018-09-13')).toBe('13 Sep 2018');
    expect(formatDate('en', '2018-09-13')).toBe('Sep 13, 2018');
    expect(formatDate('id', '2026-11-22', 'long')).toBe('22 November 2026');
    expect(formatDate('en', '2026-11-22', 'long')).toBe('November 22, 2026');
    // Not a day: shown as it is rather than invented.
    expect(formatDate('id', 'soon')).toBe('soon');
  });

  it('dates an export by the local day', () => {
    expect(localDay(new Date(2026, 10, 22, 0, 30))).toBe('2026-11-22');
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('shows a held hub’s date in the hub list', () => {
    const hub = {
      id: 'h',
      name: 'Makassar',
      lat: -5.1,
      lon: 119.4,
      status: 'held',
      date: '2018-11-20',
    } as const;
    expect(statusText(tEn, 'en', hub)).toBe('held Nov 20, 2018');
    expect(statusText(tId, 'id', hub)).toBe('sudah terlaksana, 20 Nov 2018');
    expect(statusText(tId, 'id', { ...hub, date: null })).toBe('sudah terlaksana, tanggal tidak diketahui');
  });

  it('names a hub marker with the same words and date as the hub list', () => {
    const hub = {
      id: 'h',
      name: 'Makassar',
      lat: -5.1,
      lon: 119.4,
      status: 'held',
      date: '2018-11-20',
    } as const;
    expect(markerLabel(tEn, 'en', hub)).toBe('Hub Makassar (held Nov 20, 2018)');
    expect(markerLabel(tId, 'id', hub)).toBe('Hub Makassar (sudah terlaksana, 20 Nov 2018)');
    expect(markerLabel(tId, 'id', { ...hub, status: 'planned', date: null })).toBe(
      'Hub Makassar (direncanakan)',
    );
  });

  it('stamps the exported image with the date and the demand formula in the reader’s language', () => {
    const store = createAppStore();
    store.getState().setDataset(embeddedDataset());
    const id = buildExportSpec(store.getState(), tId, 'id', 1, '2026-11-22')!;
    expect(id.subtitle).toBe('Jangkau · diekspor 22 November 2026');
    expect(id.footer.at(-1)).toMatch(/^Kebutuhan: penduduk × \(bagian belum daring\)\^1/);
    const en = buildExportSpec(store.getState(), tEn, 'en', 1, '2026-11-22')!;
    expect(en.subtitle).toBe('Jangkau · exported November 22, 2026');
    expect(en.footer.at(-1)).toMatch(/^Demand: people × \(share offline\)\^1/);
  });
});
