// Bring your own data — a preview before anything changes, apply, undo, a failed import that loses
// nothing, and imported text that is only ever shown as text.
import { test as base } from './driver';
import { expect } from './helpers';
import { ImportDriver } from './import-driver';

const test = base.extend<{ importer: ImportDriver }>({
  importer: async ({ page }, use) => use(new ImportDriver(page)),
});

test('the preview shows matched rows, unmatched rows with a suggestion, and values out of range; nothing changes yet', async ({
  importer,
  dashboard,
}) => {
  await importer.open();
  const before = await importer.tableValue('Aceh');
  await importer.choose('statistics-id.csv');
  expect(await importer.summary()).toContain(
    'Rows: 10. Imported: 9. Province not matched: 1. Values out of range: 1.',
  );
  expect(await importer.tableRows('Problems')).toEqual([
    ['row 10', 'Provinsi', 'Jawa Barar', 'not imported no province has this name', 'Jawa Barat'],
    [
      'row 11',
      'Persentase Penduduk yang Mengakses Internet (%)',
      '101,5',
      'not imported out of range: a percentage must be between 0 and 100',
      '',
    ],
  ]);
  const matched = await importer.tableRows('What will be imported');
  expect(matched[0]).toEqual([
    'row 2',
    'DI. ACEH',
    'Aceh',
    'Internet use (% of people aged 5+, BPS)',
    '2024',
    '72.53%',
  ]);
  expect(matched.map((r) => r[2])).toContain('DKI Jakarta');
  expect(await importer.tableValue('Aceh')).toEqual(before);
  await dashboard.screenshot('import-preview');
  expect(dashboard.errors).toEqual([]);
});

test('apply shows the imported value marked "user data"; undo returns to the previous data', async ({
  importer,
  dashboard,
  page,
}) => {
  await importer.open();
  const before = await importer.tableValue('Aceh');
  expect(before.userData).toBe(false);
  await importer.choose('statistics-id.csv');
  await importer.apply();
  expect(await importer.history()).toEqual(['statistics-id.csv: 17 values']);
  // The newest year (2024) is shown, with the imported figure.
  expect(await importer.tableValue('Aceh')).toEqual({ text: '72.5%user data', userData: true });
  await expect(importer.legend()).toContainText('user data');
  await expect(importer.legend()).toContainText('2024');
  await dashboard.screenshot('import-applied');

  await page.getByRole('button', { name: 'Import data' }).click();
  await importer.undo();
  expect(await importer.history()).toEqual([]);
  expect(await importer.tableValue('Aceh')).toEqual(before);
  await expect(importer.legend()).not.toContainText('user data');
  expect(dashboard.errors).toEqual([]);
});

test('a failed import keeps the previous data', async ({ importer, dashboard }) => {
  await importer.open();
  await importer.choose('statistics-id.csv');
  await importer.apply();
  const applied = await importer.tableValue('Aceh');
  await importer.openImport();
  await importer.choose('boundaries-broken.geojson');
  await expect(importer.applyButton).toBeDisabled();
  await expect(importer.panel.getByText('Nothing can be imported yet')).toBeVisible();
  const problems = await importer.tableRows('Problems');
  expect(problems[0]).toEqual([
    'features[0].geometry.type',
    '',
    '',
    'not imported a boundary must be a Polygon or MultiPolygon, not a Point',
    '',
  ]);
  await importer.panel.getByRole('button', { name: 'Cancel' }).click();
  expect(await importer.history()).toEqual(['statistics-id.csv: 17 values']);
  expect(await importer.tableValue('Aceh')).toEqual(applied);
  expect(dashboard.errors).toEqual([]);
});

test('a province or city named <img src=x onerror=alert(1)> is shown as text and never runs', async ({
  importer,
  dashboard,
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await importer.open();
  await importer.choose('xss.csv');
  const problems = await importer.tableRows('Problems');
  expect(problems.map((r) => r[2])).toEqual(['<img src=x onerror=alert(1)>', "<script>alert('x')</script>"]);
  await importer.panel.getByRole('button', { name: 'Cancel' }).click();

  await importer.choose('xss-training.csv');
  await importer.apply();
  await expect(importer.hubList().getByText('<img src=x onerror=alert(1)>', { exact: true })).toBeVisible();
  // Give an injected image time to fail and fire its handler, were there one.
  await page.waitForTimeout(500);
  expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(dashboard.errors).toEqual([]);
});

test('a file dropped on the panel is previewed like a picked one', async ({ importer, dashboard }) => {
  await importer.open();
  await importer.drop('dropped.csv', 'provinsi;tahun;internet\nBali;2024;"81,5"\n');
  expect(await importer.tableRows('What will be imported')).toEqual([
    ['row 2', 'Bali', 'Bali', 'Internet use (% of people aged 5+, BPS)', '2024', '81.5%'],
  ]);
  expect(dashboard.errors).toEqual([]);
});

test('a 50 MB file is read in a worker, with progress', async ({ importer, dashboard }) => {
  // A limit for hangs only: on a busy machine, reading 50 MB takes minutes.
  test.setTimeout(600_000);
  await importer.open();
  const { sawProgress, rows } = await importer.chooseLarge(50);
  expect(sawProgress, 'a progress bar is shown while the file is read').toBe(true);
  expect(await importer.summary()).toContain(`Rows: ${rows}.`);
  expect(dashboard.errors).toEqual([]);
});

test('in Bahasa Indonesia, every problem is worded in Bahasa Indonesia, with numbers and dates as id-ID writes them', async ({
  importer,
  dashboard,
}) => {
  await importer.open('id');
  await importer.choose('statistics-id.csv');
  expect(await importer.tableRows('Masalah')).toEqual([
    ['baris 10', 'Provinsi', 'Jawa Barar', 'tidak diimpor tidak ada provinsi dengan nama ini', 'Jawa Barat'],
    [
      'baris 11',
      'Persentase Penduduk yang Mengakses Internet (%)',
      '101,5',
      'tidak diimpor di luar rentang: persentase harus antara 0 dan 100',
      '',
    ],
  ]);
  expect((await importer.tableRows('Yang akan diimpor'))[0]).toEqual([
    'baris 2',
    'DI. ACEH',
    'Aceh',
    'Penggunaan internet (% penduduk usia 5+, BPS)',
    '2024',
    '72,53%',
  ]);
  await dashboard.screenshot('import-preview-id');
  await importer.cancel();

  // Training records: an unknown place, and the hubs' dates.
  await importer.choose('training.csv');
  expect((await importer.tableRows('Masalah'))[0]).toEqual([
    'baris 5',
    'Kota',
    'Atlantis',
    'tidak diimpor tidak ada tempat dengan nama ini di gazeter (GeoNames); tambahkan kolom lintang dan bujur untuk tempat yang tidak tercantum',
    '',
  ]);
  expect((await importer.tableRows('Yang akan diimpor')).map((r) => [r[0], r[2]])).toEqual([
    ['Makassar', '20 Nov 2018'],
    ['Gorontalo', '13 Sep 2018'],
    ['Bandung', '14 Agu 2018'],
  ]);
  await importer.cancel();

  // Two candidate towns are called Martapura: a warning with the population, as id-ID writes it.
  await importer.choose('martapura.csv', 'Kota,Peserta\nMartapura,10\n');
  expect((await importer.tableRows('Masalah'))[0]).toEqual([
    'baris 2',
    'Kota',
    'Martapura',
    'catatan ada 2 tempat dengan nama seperti ini; yang dipakai adalah yang terbesar (penduduk 131.449)',
    '',
  ]);
  await importer.cancel();

  // A boundary file that is not JSON: the place is a line and column.
  await importer.choose('broken.geojson', '{\n  "type": "FeatureCollection",\n  "features": [,]\n}');
  expect((await importer.tableRows('Masalah'))[0]).toEqual([
    'baris 3, kolom 16',
    '',
    '',
    'tidak diimpor bukan JSON yang valid (tidak terduga: ",]\\n}")',
    '',
  ]);
  expect(dashboard.errors).toEqual([]);
});
