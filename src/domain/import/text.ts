/**
 * Text normalisation and fuzzy matching for imported names: case, accents, punctuation and spacing
 * never decide whether "DI. ACEH" is Aceh.
 */

/**
 * Lower case, accents removed, punctuation turned into spaces, runs of spaces collapsed.
 * @param raw any text
 * @example normalise('  Prov. D.I.  Yogyakarta ') // 'prov d i yogyakarta'
 */
export function normalise(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * {@link normalise}, then without spaces: "Nusatenggara Barat" and "Nusa Tenggara Barat" agree.
 * @example compact('NUSA TENGGARA-BARAT') // 'nusatenggarabarat'
 */
export function compact(raw: string): string {
  return normalise(raw).replace(/ /g, '');
}

/**
 * Levenshtein edit distance (insertions, deletions, substitutions), stopping early above `max`.
 * @param a first string
 * @param b second string
 * @param max give up (return max + 1) once the distance must exceed this
 * @example editDistance('jawa barar', 'jawa barat') // 1
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * The candidate closest to `query` by edit distance, if it is close enough to be a useful suggestion
 * (at most a third of the longer string's length).
 * @param query what the file says (already normalised or compacted like the keys)
 * @param candidates [key, label] pairs
 * @example closest('jawabarar', [['jawabarat', 'Jawa Barat']]) // { label: 'Jawa Barat', distance: 1 }
 */
export function closest(
  query: string,
  candidates: readonly (readonly [key: string, label: string])[],
): { label: string; distance: number } | null {
  if (query.length === 0) return null;
  let best: { label: string; distance: number } | null = null;
  for (const [key, label] of candidates) {
    const limit = Math.max(1, Math.floor(Math.max(key.length, query.length) / 3));
    const d = editDistance(query, key, Math.min(limit, best ? best.distance : Infinity));
    if (d <= limit && (!best || d < best.distance)) best = { label, distance: d };
  }
  return best;
}
