/**
 * Every shipped figure is traceable to its publisher: the sources in public/data/stats.json (which the build test
 * keeps equal to a fresh build) name a publisher and a publication, link only to the publication's own page (never
 * to a mirror, a repository or a blog), label every other place as "read at", and date campaign statements by
 * the statement.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  Citations,
  DOCUMENT_MIRROR_HOSTS,
  hostOf,
  isKnownMirror,
  locatorOf,
  WIKIPEDIA_MIRROR_HOSTS,
} from '../../../data/lib/citations';
import { DataBuildError, readCsv } from '../../../data/lib/csv';
import { SocialRow } from '../../../data/lib/schemas';
import type { Dataset } from '../../../src/data/dataset';
import { createMetricContext, metricValues, seriesDefinition } from '../../../src/domain/metrics';
import type { ProvincesFile, StatsFile } from '../../../src/domain/types';
import { initI18n } from '../../../src/i18n';
import { sourceLine } from '../../../src/ui/sources';

const root = join(import.meta.dirname, '../../..');
const stats = JSON.parse(readFileSync(join(root, 'public/data/stats.json'), 'utf8')) as StatsFile;
const sourceOf = (id: string) => stats.sources.find((s) => s.id === id)!;

/** Hosts that are never the publication itself: code hosting and the blogs the data were read at. */
const NOT_A_PUBLICATION = ['github.com', ...DOCUMENT_MIRROR_HOSTS, ...WIKIPEDIA_MIRROR_HOSTS];

describe('citations of the shipped figures', () => {
  it('every shipped source names its publisher and publication, and no internal file name', () => {
    expect(stats.sources.length).toBeGreaterThan(50);
    for (const s of stats.sources) {
      expect(s.org.trim(), s.id).not.toBe('');
      expect(s.org, s.id).not.toMatch(/^news report$/i);
      expect(s.title.trim(), s.id).not.toBe('');
      for (const text of [s.org, s.title, s.url, s.note, s.readAt?.label ?? ''])
        expect(text, s.id).not.toMatch(/seed document|\.txt\b/i);
    }
  });

  it('no displayed link points to a known mirror; a link that is not the publication is labelled "read at"', () => {
    for (const s of stats.sources) {
      if (s.url) {
        expect(isKnownMirror(s.url), `${s.id} links ${s.url}`).toBe(false);
        expect(NOT_A_PUBLICATION.includes(hostOf(s.url)), `${s.id} links ${s.url}`).toBe(false);
        expect(s.weak, `${s.id}: a blog is only ever "read at"`).toBeUndefined();
      }
      if (s.readAt) {
        expect(s.readAt.label.trim(), s.id).not.toBe('');
        expect(WIKIPEDIA_MIRROR_HOSTS.includes(hostOf(s.readAt.url)), `${s.id} reads ${s.readAt.url}`).toBe(
          false,
        );
      }
    }
    // Wikipedia figures are cited as the article on Wikipedia.
    const wiki = stats.sources.filter((s) => s.org === 'Wikipedia');
    expect(wiki.length).toBeGreaterThan(0);
    for (const s of wiki) expect(hostOf(s.url), s.id).toMatch(/(^|\.)wikipedia\.org$/);
    // The census is BPS's, read at a repository: never the repository as its source.
    const census = stats.sources.find((s) => /Sensus Penduduk 2020/.test(s.title))!;
    expect(census).toMatchObject({ org: 'BPS', url: '' });
    expect(hostOf(census.readAt!.url)).toBe('github.com');
  });

  it('a figure read only at a blog or an aggregator is marked so', () => {
    const weak = stats.sources.filter((s) => s.weak);
    expect([...new Set(weak.map((s) => s.readAt && hostOf(s.readAt.url)))].sort()).toEqual([
      'cakapcakap.com',
      'journallampung84.blogspot.com',
      'lintasterkini.com',
      'oktofani.com',
      'tekcareya.com',
    ]);
    expect(weak.find((s) => hostOf(s.readAt!.url) === 'lintasterkini.com')?.weak).toBe('aggregator');
  });

  it('the source beside a figure names the publisher once and marks a figure read only at a blog', async () => {
    await initI18n('en');
    const provinces = JSON.parse(
      readFileSync(join(root, 'public/data/provinces.json'), 'utf8'),
    ) as ProvincesFile;
    const result = metricValues(createMetricContext(provinces, stats), 'msme_total', 2016);
    const data = { stats } as Pick<Dataset, 'stats'> as Dataset;
    expect(sourceLine(data, result)).toBe('BPS (some figures only read at a blog)');
    const lampung = provinces.polygons.find((p) => p.provinces.includes(18))!.id;
    expect(sourceLine(data, { ...result, values: [result.values[lampung]!] })).toBe(
      'BPS (only read at a blog)',
    );
  });

  it("every campaign row's source is dated by its statement", () => {
    for (const f of stats.facts) {
      const s = sourceOf(f.sourceId);
      expect(s.title, f.fact).not.toBe('Laju Digital (Facebook Indonesia, 2018)');
      if (f.date === null) continue;
      expect(s.year, `${f.date}: ${f.fact}`).toBe(Number(f.date.slice(0, 4)));
      expect(s.date, f.fact).toBe(f.date);
    }
    const in2020 = stats.facts.filter((f) => f.date?.startsWith('2020'));
    expect(in2020).toHaveLength(2);
    for (const f of in2020) expect(sourceOf(f.sourceId).note).toMatch(/family of apps/);
    for (const s of stats.stops) expect(sourceOf(s.sourceId).year).not.toBe(2020);
  });

  it('definitions travel with the figures', () => {
    for (const o of stats.observations.filter((x) => x.metric === 'internet_use_bps'))
      expect(sourceOf(o.sourceId).note).toMatch(/aged 5 and over/);
    const shares = stats.national.filter((n) => n.metric === 'facebook_share_of_internet_users');
    expect(shares.map((n) => [n.year, n.value, n.definition])).toEqual([
      [2022, 68.38, 'most_used'],
      [2018, 80, 'uses'],
    ]);
    // The Facebook-users estimate changes definition between 2019 and 2021: a break, not a trend.
    expect(seriesDefinition(stats, 'facebook_users', 2019)).toBe('uses');
    expect(seriesDefinition(stats, 'facebook_users', 2021)).toBe('most_used');
    expect(seriesDefinition(stats, 'internet_use_bps', 2019)).toBeNull();
    expect(seriesDefinition(stats, 'internet_use_apjii', 2023)).not.toBe(
      seriesDefinition(stats, 'internet_use_apjii', 2024),
    );
  });

  it('ships the IP-TIK by province for 2023 and 2024 on the 34-province basis', () => {
    for (const year of [2023, 2024]) {
      const rows = stats.observations.filter((o) => o.metric === 'ip_tik' && o.year === year);
      expect(rows).toHaveLength(34);
      expect(new Set(rows.map((o) => o.basis))).toEqual(new Set(['34']));
      for (const o of rows) expect(sourceOf(o.sourceId)).toMatchObject({ org: 'BPS' });
    }
    expect(stats.national.find((n) => n.metric === 'ip_tik' && n.year === 2024)?.value).toBe(6.02);
  });

  it('national Facebook user counts are all in millions (76 million in 2015, not 76000000)', () => {
    const rows = readCsv(join(root, 'data/social_media_facebook.csv'), SocialRow).map((r) => r.value);
    const counts = rows.filter((r) => /^million /.test(r.unit));
    expect(counts.length).toBeGreaterThan(8);
    for (const r of counts) expect(r.value, r.period).toBeLessThan(1000);
    expect(counts.find((r) => r.period.startsWith('2015'))).toMatchObject({
      value: 76,
      unit: 'million users',
    });
    // Shipped as national figures in millions, each saying what it counts.
    const shipped = stats.national.filter((n) => n.metric === 'facebook_users_reported');
    expect(shipped).toHaveLength(counts.length);
    expect(shipped.find((n) => n.year === 2015)).toMatchObject({ value: 76, definition: 'users' });
    expect(shipped.find((n) => n.year === 2016)).toMatchObject({ value: 82, definition: 'monthly_active' });
    expect(sourceOf(shipped.find((n) => n.year === 2015)!.sourceId)).toMatchObject({
      org: 'Tempo.co',
      title: 'Menkominfo Ajak Twitter dan Facebook Bikin Program Sosial',
      date: '2015-11-17',
      url: '',
    });
  });
});

describe('data/citations.csv checks', () => {
  const dirWith = (edit: (csv: string) => string) => {
    const dir = mkdtempSync(join(tmpdir(), 'citations-'));
    copyFileSync(join(root, 'data/citations.csv'), join(dir, 'citations.csv'));
    writeFileSync(join(dir, 'citations.csv'), edit(readFileSync(join(dir, 'citations.csv'), 'utf8')));
    return dir;
  };

  it('finds the source of a cell, whatever its description', () => {
    expect(locatorOf('https://a.id/x (Wikipedia mirror)')).toBe('https://a.id/x');
    expect(locatorOf("Tempo.co, 17 Nov 2015, 'M' (seed document 003_18879fea659c3023.txt)")).toBe(
      'seed document 003',
    );
    expect(locatorOf('github o/r R/x.R (values labelled "y")')).toBe('github o/r R/x.R');
    expect(isKnownMirror('https://review.clateway.com/wiki/view_html.php?q=South_Papua')).toBe(true);
    expect(isKnownMirror('https://www.123dok.com/document/x')).toBe(true);
    expect(isKnownMirror('https://en.wikipedia.org/wiki/South_Papua')).toBe(false);
  });

  it('refuses a link to a Wikipedia mirror, a blog linked as the publication, and a source without citation', () => {
    const mirror = dirWith((csv) =>
      csv.replace(
        'https://en.wikipedia.org/wiki/South_Papua',
        'https://review.clateway.com/wiki/South_Papua',
      ),
    );
    expect(() => new Citations(mirror)).toThrow(/Wikipedia mirror/);
    const blog = dirWith((csv) =>
      csv.replace(
        /(https:\/\/cakapcakap\.com\/\?p=17720,We Are Social,"?Digital report, January 2018"?,2018-01,)/,
        '$1https://cakapcakap.com/?p=17720',
      ),
    );
    expect(() => new Citations(blog)).toThrow(/only be given as "read at"/);
    const citations = new Citations(join(root, 'data'));
    expect(() =>
      citations.cite('https://unknown.example/x', { file: 'data/x.csv', row: 7, field: 'source_url' }),
    ).toThrow(DataBuildError);
  });
});
