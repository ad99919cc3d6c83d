/**
 * Driver for the specs: what a user does with "Import data" (pick a file, read the preview, apply,
 * undo) and what they see afterwards (the table of the map, the legend, the hub list). Only helpers.ts imports
 * Playwright.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from './helpers';
import { expect } from './helpers';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/import');

/** What the user reads on the controls, in each language of the app. */
const WORDS = {
  en: {
    map: 'Map of Indonesian provinces',
    import: 'Import data',
    choose: 'Choose a file',
    apply: 'Apply import',
    cancel: 'Cancel',
    busy: /Reading|Matching|Assigning/,
  },
  id: {
    map: 'Peta provinsi di Indonesia',
    import: 'Impor data',
    choose: 'Pilih berkas',
    apply: 'Terapkan impor',
    cancel: 'Batal',
    busy: /Membaca|Mencocokkan|Menempatkan/,
  },
} as const;

export class ImportDriver {
  private words: (typeof WORDS)[keyof typeof WORDS] = WORDS.en;
  constructor(private readonly page: Page) {}

  /** Opens the dashboard, in English or (with `lang: 'id'`) in Bahasa Indonesia. */
  async open(lang: keyof typeof WORDS = 'en'): Promise<void> {
    this.words = WORDS[lang];
    await this.page.goto(lang === 'en' ? '/?e2e' : `/?e2e&lang=${lang}`);
    await expect(this.page.getByRole('region', { name: this.words.map })).toHaveAttribute(
      'data-map-idle',
      'true',
    );
  }

  get panel(): Locator {
    return this.page.getByRole('region', { name: this.words.import });
  }

  async openImport(): Promise<void> {
    if (await this.panel.isVisible()) return;
    await this.page.getByRole('button', { name: this.words.import }).click();
    await expect(this.panel).toBeVisible();
  }

  async cancel(): Promise<void> {
    await this.panel.getByRole('button', { name: this.words.cancel }).click();
  }

  /** Picks a fixture of tests/fixtures/import (or given content) with the file picker and waits for the preview. */
  async choose(name: string, content?: string): Promise<void> {
    await this.openImport();
    const input = this.panel.getByLabel(this.words.choose);
    await input.setInputFiles(
      content === undefined
        ? join(FIXTURES, name)
        : { name, mimeType: 'text/plain', buffer: Buffer.from(content) },
    );
    await expect(this.applyButton).toBeVisible();
    await expect(this.panel.getByRole('status').filter({ hasText: this.words.busy })).toHaveCount(0);
  }

  /** Drops a file with this content on the import panel, as a file dragged from the desktop. */
  async drop(name: string, content: string): Promise<void> {
    await this.openImport();
    const dataTransfer = await this.page.evaluateHandle(
      ([n, text]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], n, { type: 'text/csv' }));
        return dt;
      },
      [name, content] as const,
    );
    // Any element inside the panel's body takes the drop (its text changes while dragging, so not the hint).
    const zone = this.panel.getByText(/^Bring your own/);
    await zone.dispatchEvent('dragover', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
    await expect(this.applyButton).toBeVisible();
  }

  /**
   * Picks a generated statistics CSV of about `megabytes` MB and waits for its preview. Returns whether a progress
   * bar was shown while it was read, and the row count. Nothing here is timed: a busy machine only reads slower.
   */
  async chooseLarge(megabytes: number): Promise<{ sawProgress: boolean; rows: number }> {
    const header = 'Provinsi;Tahun;Persentase Penduduk Mengakses Internet\n';
    const names = ['Aceh', 'Jawa Barat', 'Bali', 'DKI Jakarta', 'Papua', 'Maluku', 'Jawa Barar'];
    const lines: string[] = [];
    let size = header.length;
    for (let i = 0; size < megabytes * 1024 * 1024; i++) {
      const line = `${names[i % names.length]};${2000 + (i % 24)};"${40 + (i % 50)},5";catatan ${i}\n`;
      lines.push(line);
      size += line.length;
    }
    const path = join(tmpdir(), `jangkau-import-${megabytes}mb.csv`);
    await writeFile(path, header + lines.join(''));
    await this.openImport();
    await this.panel.getByLabel('Choose a file').setInputFiles(path);
    const progress = this.panel.getByRole('progressbar', { name: 'Import progress' });
    const sawProgress = await progress.waitFor().then(
      () => true,
      () => false,
    );
    await expect(this.applyButton).toBeVisible({ timeout: 600_000 });
    return { sawProgress, rows: lines.length };
  }

  get applyButton(): Locator {
    return this.panel.getByRole('button', { name: this.words.apply });
  }

  /** The summary line of the preview. */
  async summary(): Promise<string> {
    return (await this.panel.locator('.import-summary').textContent()) ?? '';
  }

  /** Rows of a table in the preview ("Problems" or "What will be imported", or their Indonesian), as cell texts. */
  async tableRows(
    caption: 'Problems' | 'What will be imported' | 'Masalah' | 'Yang akan diimpor',
  ): Promise<string[][]> {
    const table = this.panel.getByRole('table', { name: caption });
    await expect(table).toBeVisible();
    return table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
      );
  }

  async apply(): Promise<void> {
    await this.applyButton.click();
    await expect(this.panel.getByRole('status').filter({ hasText: /^Imported / })).toBeVisible();
  }

  async undo(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Undo import' }).click();
    await expect(this.panel.getByRole('status').filter({ hasText: /was undone/ })).toBeVisible();
  }

  /** The "Imported so far" list. */
  async history(): Promise<string[]> {
    const list = this.panel.getByRole('region', { name: 'Imported so far' });
    if ((await list.count()) === 0) return [];
    return list.getByRole('listitem').allTextContents();
  }

  /** The value cell of a province polygon in the table view (opens it). */
  async tableValue(polygon: string): Promise<{ text: string; userData: boolean }> {
    const table = this.page.getByRole('region', { name: 'Table view' });
    if (!(await table.isVisible())) await this.page.getByRole('button', { name: 'Table view' }).click();
    const row = table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: polygon, exact: true }) });
    const cell = row.getByRole('cell').nth(2);
    const text = ((await cell.textContent()) ?? '').trim();
    return { text, userData: (await cell.getByText('user data', { exact: true }).count()) > 0 };
  }

  legend(): Locator {
    return this.page.getByRole('region', { name: 'Legend' });
  }

  hubList(): Locator {
    return this.page.getByRole('list', { name: 'Hubs and catchments' });
  }
}
