/**
 * Matching what a user's file calls a province to one of the 38 current provinces.
 *
 * Accepted: BPS or Kemendagri codes (they differ for the Papua region, 91–97: data/SOURCES.md section 0, so
 * the user says which system when such a code appears), ISO 3166-2 codes ("ID-JB", "JB"), Indonesian and
 * English names, tolerant of case, accents, punctuation, spacing ("NUSATENGGARA BARAT"), prefixes ("Prov.",
 * "Provinsi", "Province of") and common variants ("DI. ACEH", "Jakarta Raya", "DKI", "Kep. Riau",
 * "Bangka Belitung", "Yogyakarta", "Kaltim"). A name that matches nothing gets the closest name by edit distance
 * as a suggestion; it is never matched silently.
 */
import type { BpsCode, ProvinceRecord } from '../types';
import { suggestName, type Problem, type Suggestion } from './issues';
import { closest, compact, normalise } from './text';
import { own } from './own';

export type CodeSystem = 'bps' | 'kemendagri';

export type ProvinceMatch =
  | { readonly type: 'matched'; readonly bps: BpsCode; readonly by: 'code' | 'iso' | 'name' }
  /** A code of the Papua region without a code system: both readings, as BPS codes. */
  | {
      readonly type: 'ambiguous';
      readonly code: number;
      readonly asBps: BpsCode;
      readonly asKemendagri: BpsCode;
    }
  | { readonly type: 'unmatched'; readonly reason: Problem; readonly suggestion?: Suggestion };

export interface ProvinceMatcher {
  /**
   * @param raw the cell or property value as text
   * @param system how to read numeric codes 91–97 (null: not chosen yet)
   */
  match(raw: string, system: CodeSystem | null): ProvinceMatch;
  /** Display name of a province ("Jawa Barat"). */
  name(bps: BpsCode): string;
}

/** Variants seen in official and everyday use, by BPS code (compared after {@link nameKey}). */
const ALIASES: Readonly<Record<BpsCode, readonly string[]>> = {
  11: ['DI Aceh', 'Daerah Istimewa Aceh', 'Nanggroe Aceh Darussalam', 'NAD', 'Aceh Darussalam'],
  12: ['Sumut'],
  13: ['Sumbar'],
  16: ['Sumsel'],
  19: ['Bangka Belitung', 'Babel', 'Bangka-Belitung Islands', 'Bangka Belitung Islands'],
  21: ['Kepri', 'Riau Islands'],
  31: [
    'DKI',
    'Jakarta',
    'Jakarta Raya',
    'DKI Jakarta Raya',
    'Daerah Khusus Ibukota Jakarta',
    'Daerah Khusus Ibu Kota Jakarta',
    'Daerah Khusus Jakarta',
    'Special Capital Region of Jakarta',
    'Jakarta Special Capital Region',
  ],
  32: ['Jabar'],
  33: ['Jateng'],
  34: [
    'Yogyakarta',
    'DIY',
    'Daerah Istimewa Yogyakarta',
    'Yogyakarta Special Region',
    'Jogja',
    'Jogjakarta',
    'DI Jogjakarta',
  ],
  35: ['Jatim'],
  52: ['NTB'],
  53: ['NTT'],
  61: ['Kalbar'],
  62: ['Kalteng'],
  63: ['Kalsel'],
  64: ['Kaltim'],
  65: ['Kaltara'],
  71: ['Sulut'],
  72: ['Sulteng'],
  73: ['Sulsel'],
  74: ['Sultra'],
  76: ['Sulbar'],
  82: ['Malut'],
  91: ['Irian Jaya Barat', 'Pabar'],
  92: ['PBD'],
  94: ['Irian Jaya'],
  97: ['Papua Pengunungan', 'Papua Highlands'],
};

/** Word-level rewrites applied before comparing: spelling variants and abbreviations. */
const TOKEN_REWRITES: Readonly<Record<string, string>> = {
  sumatra: 'sumatera',
  kep: 'kepulauan',
  kepuluan: 'kepulauan',
  jogjakarta: 'yogyakarta',
  yogya: 'yogyakarta',
  propinsi: 'provinsi',
};

/** Leading and trailing words that say "province" and nothing else. */
const PREFIX = /^(provinsi|prov|province of|province)\s+/;
const SUFFIX = /\s+(provinsi|province|prov)$/;

/**
 * The key a name is compared by: normalised, prefixes dropped, spelling variants rewritten, spaces removed.
 * @param raw a province name as written in a file
 * @example nameKey('Prov. NUSATENGGARA BARAT') // 'nusatenggarabarat'
 */
export function nameKey(raw: string): string {
  let s = normalise(raw)
    .split(' ')
    .map((w) => own(TOKEN_REWRITES, w) ?? w)
    .join(' ');
  for (let i = 0; i < 2; i++) s = s.replace(PREFIX, '').replace(SUFFIX, '');
  return s.replace(/ /g, '');
}

/** Codes 11–97, optionally as a BPS domain ("9100") or with a trailing ".0" from a spreadsheet. */
const CODE = /^(\d{2})(?:00)?(?:\.0+)?$/;

/**
 * @param provinces the 38 current provinces (`dataset.provinces.provinces`)
 * @example createProvinceMatcher(provinces).match('DI. ACEH', null) // { type: 'matched', bps: 11, by: 'name' }
 */
export function createProvinceMatcher(provinces: readonly ProvinceRecord[]): ProvinceMatcher {
  // Building the keys takes a millisecond; the province list is immutable, so one matcher per list will do.
  const cached = matchers.get(provinces);
  if (cached) return cached;
  const matcher = buildMatcher(provinces);
  matchers.set(provinces, matcher);
  return matcher;
}

const matchers = new WeakMap<readonly ProvinceRecord[], ProvinceMatcher>();

function buildMatcher(provinces: readonly ProvinceRecord[]): ProvinceMatcher {
  const byKey = new Map<string, BpsCode>();
  const labels: [string, string][] = [];
  const add = (key: string, bps: BpsCode, label: string) => {
    if (key.length === 0 || byKey.has(key)) return;
    byKey.set(key, bps);
    labels.push([key, label]);
  };
  const isoKey = new Map<string, BpsCode>();
  for (const p of provinces) {
    add(nameKey(p.nameId), p.bps, p.nameId);
    add(nameKey(p.nameEn), p.bps, p.nameEn);
    for (const a of ALIASES[p.bps] ?? []) add(nameKey(a), p.bps, p.nameId);
    isoKey.set(compact(p.iso), p.bps);
    isoKey.set(compact(p.iso.replace(/^ID-/, '')), p.bps);
  }
  const byBps = new Map(provinces.map((p) => [p.bps, p]));
  const byKemendagri = new Map(provinces.map((p) => [p.kemendagri, p]));
  const name = (bps: BpsCode) => byBps.get(bps)?.nameId ?? String(bps);

  const matchCode = (code: number, system: CodeSystem | null): ProvinceMatch => {
    const asBps = byBps.get(code);
    const asKem = byKemendagri.get(code);
    if (system === 'bps') {
      return asBps
        ? { type: 'matched', bps: asBps.bps, by: 'code' }
        : {
            type: 'unmatched',
            reason: { code: 'noBpsCode', params: { code: String(code) } },
            ...(asKem
              ? { suggestion: { code: 'kemendagriCode', params: { name: asKem.nameId, code: String(code) } } }
              : {}),
          };
    }
    if (system === 'kemendagri') {
      return asKem
        ? { type: 'matched', bps: asKem.bps, by: 'code' }
        : {
            type: 'unmatched',
            reason: { code: 'noKemendagriCode', params: { code: String(code) } },
            ...(asBps
              ? { suggestion: { code: 'bpsCode', params: { name: asBps.nameId, code: String(code) } } }
              : {}),
          };
    }
    if (asBps && asKem && asBps.bps !== asKem.bps)
      return { type: 'ambiguous', code, asBps: asBps.bps, asKemendagri: asKem.bps };
    const only = asBps ?? asKem;
    return only
      ? { type: 'matched', bps: only.bps, by: 'code' }
      : { type: 'unmatched', reason: { code: 'noCode', params: { code: String(code) } } };
  };

  return {
    name,
    match(raw, system) {
      const text = raw.trim();
      if (text.length === 0) return { type: 'unmatched', reason: { code: 'emptyProvince' } };
      const code = CODE.exec(text);
      if (code) return matchCode(Number(code[1]), system);
      const iso = isoKey.get(compact(text));
      if (iso !== undefined && /^(id\s*-?\s*)?[a-z]{2}$/i.test(text))
        return { type: 'matched', bps: iso, by: 'iso' };
      const key = nameKey(text);
      const bps = byKey.get(key);
      if (bps !== undefined) return { type: 'matched', bps, by: 'name' };
      return {
        type: 'unmatched',
        reason: { code: 'unknownProvince' },
        ...suggestName(closest(key, labels)?.label),
      };
    },
  };
}

/**
 * Which code system agrees with the names in the same rows (e.g. a `kode` property next to `Propinsi`).
 * Returns null when the codes are not ambiguous or the names do not tell.
 * @param matcher the province matcher
 * @param pairs [code text, name text] per row or feature
 * @example guessCodeSystem(m, [['91', 'PAPUA'], ['92', 'PAPUA BARAT']]) // 'kemendagri'
 */
export function guessCodeSystem(
  matcher: ProvinceMatcher,
  pairs: readonly (readonly [code: string, name: string])[],
): CodeSystem | null {
  const agree: Record<CodeSystem, number> = { bps: 0, kemendagri: 0 };
  let ambiguous = false;
  for (const [code, name] of pairs) {
    const c = matcher.match(code, null);
    if (c.type !== 'ambiguous') continue;
    ambiguous = true;
    const n = matcher.match(name, null);
    if (n.type !== 'matched' || n.by !== 'name') continue;
    if (n.bps === c.asBps) agree.bps++;
    if (n.bps === c.asKemendagri) agree.kemendagri++;
  }
  if (!ambiguous || agree.bps === agree.kemendagri) return null;
  return agree.bps > agree.kemendagri ? 'bps' : 'kemendagri';
}

/** True when the text is a province code (which might need a code system). */
export const isCode = (raw: string): boolean => CODE.test(raw.trim());

/**
 * The problem of a code that names different provinces in the two code systems.
 * @example ambiguousCode(m, { type: 'ambiguous', code: 92, asBps: 92, asKemendagri: 91 })
 * // { code: 'ambiguousCode', params: { code: '92', bps: 'Papua Barat Daya', kemendagri: 'Papua Barat' } }
 */
export function ambiguousCode(
  matcher: ProvinceMatcher,
  m: Extract<ProvinceMatch, { type: 'ambiguous' }>,
): Problem {
  return {
    code: 'ambiguousCode',
    params: { code: String(m.code), bps: matcher.name(m.asBps), kemendagri: matcher.name(m.asKemendagri) },
  };
}
