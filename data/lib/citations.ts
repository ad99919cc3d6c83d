/**
 * Citations, publisher first. The data files record where each figure was *read* (`source_url`): often a news
 * report, a GitHub repository or a copy of a document. `data/citations.csv` says, for each of those locators, who
 * published the figure and in which publication, what to link, and where it was read. The build refuses a locator
 * without a citation, a link to a known mirror, and a link that is neither the publisher, Wikipedia nor a news
 * outlet unless it is labelled "read at".
 */
import type { z } from 'zod';
import type { ReadAt, SourceRecord } from '../../src/domain/types';
import { DataBuildError, readCsv } from './csv';
import { CitationRow } from './schemas';

/** Hosts that show copies of Wikipedia articles: cited as the article on Wikipedia, never linked. */
export const WIKIPEDIA_MIRROR_HOSTS: readonly string[] = [
  'review.clateway.com',
  'cesiumgymnas178.sbs',
  'alem.dynip.sapo.pt',
  'infosekolah.net',
  'enow.com',
  'm.wiki-indonesia.club',
  'wap.bdmobi.com',
];
/** Hosts that show copies of documents (BPS releases): cited as the document, given only as "read at". */
export const DOCUMENT_MIRROR_HOSTS: readonly string[] = ['123dok.com', 'adoc.pub'];

/** Host of a URL without "www."; '' when the text is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

const onList = (host: string, list: readonly string[]) =>
  list.some((h) => host === h || host.endsWith(`.${h}`));

/** True for a host that copies Wikipedia articles or documents. */
export const isKnownMirror = (url: string): boolean => {
  const host = hostOf(url);
  return host !== '' && (onList(host, WIKIPEDIA_MIRROR_HOSTS) || onList(host, DOCUMENT_MIRROR_HOSTS));
};

/**
 * The part of a data file's source cell that identifies the source: a URL, "github owner/repo path", or
 * "seed document NNN" (the project's copies of its five seed articles).
 * @example locatorOf('https://x.id/a (Wikipedia mirror)') // 'https://x.id/a'
 * @example locatorOf("Tempo.co, 17 Nov 2015, '…' (seed document 003_18879fea659c3023.txt)") // 'seed document 003'
 */
export function locatorOf(cell: string): string {
  const seed = /seed document (\d{3})_/.exec(cell);
  if (seed) return `seed document ${seed[1]}`;
  const s = cell.trim();
  if (s.startsWith('github ')) return s.split(' (')[0]!.trim();
  return s.split(/\s/)[0] ?? s;
}

type Row = z.output<typeof CitationRow>;
export type Citation = Omit<SourceRecord, 'id' | 'year'>;

const CITATIONS_FILE = 'data/citations.csv';

/** Kinds of place a figure may be linked at directly (anything else is only "read at"). */
const LINKABLE = new Set<Row['read_kind']>(['publisher', 'government', 'news', 'wikipedia']);

export class Citations {
  private readonly byLocator = new Map<string, { row: number; value: Row }>();

  constructor(dir: string) {
    for (const { row, value } of readCsv(`${dir}/citations.csv`, CitationRow)) {
      if (this.byLocator.has(value.locator))
        throw new DataBuildError(CITATIONS_FILE, row, 'locator', `duplicate locator ${value.locator}`);
      for (const [field, url] of [
        ['link', value.link],
        ['read_at_url', value.read_at_url],
      ] as const)
        if (url && onList(hostOf(url), WIKIPEDIA_MIRROR_HOSTS))
          throw new DataBuildError(CITATIONS_FILE, row, field, `${hostOf(url)} is a Wikipedia mirror`);
      if (value.link && (isKnownMirror(value.link) || !LINKABLE.has(value.read_kind)))
        throw new DataBuildError(
          CITATIONS_FILE,
          row,
          'link',
          `a ${value.read_kind} page can only be given as "read at", not as the publication's link`,
        );
      if (value.read_at_url && !value.read_at)
        throw new DataBuildError(CITATIONS_FILE, row, 'read_at', 'a "read at" link needs its label');
      if (!value.link && !value.read_at_url && !value.locator.startsWith('seed document'))
        throw new DataBuildError(CITATIONS_FILE, row, 'link', 'no link and no "read at" link');
      this.byLocator.set(value.locator, { row, value });
    }
  }

  /**
   * The citation of a data file's source cell.
   * @param cell the source cell as written in the data file
   * @param where file, row and field of that cell, for the error when it has no citation
   */
  cite(cell: string, where: { file: string; row: number; field: string }): Citation {
    const locator = locatorOf(cell);
    const found = this.byLocator.get(locator);
    if (!found)
      throw new DataBuildError(
        where.file,
        where.row,
        where.field,
        `no citation for "${locator}" in ${CITATIONS_FILE}`,
      );
    const c = found.value;
    const readAt: ReadAt | undefined = c.read_at ? { label: c.read_at, url: c.read_at_url } : undefined;
    return {
      org: c.publisher,
      title: c.publication,
      url: c.link,
      ...(c.published ? { date: c.published } : {}),
      ...(readAt ? { readAt } : {}),
      ...(c.read_kind === 'blog' || c.read_kind === 'aggregator' ? { weak: c.read_kind } : {}),
      note: c.note,
    };
  }
}
