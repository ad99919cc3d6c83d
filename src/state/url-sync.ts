/**
 * URL sync: applies the page's link once the data has loaded, then mirrors the store into the
 * address bar with `history.replaceState`, debounced. Parameters this app does not own (e.g. `?e2e`) stay.
 * Also switches i18next when the language changes.
 */
import { i18next } from '../i18n';
import type { StoreApi } from 'zustand/vanilla';
import type { Store } from './store';
import { decode, encode, toQuery, URL_KEYS, urlPatch, urlStateOf, type UrlState } from './url';

export const URL_DEBOUNCE_MS = 300;

/** Store fields whose change rewrites the URL (identity comparison; the slices replace what they change). */
const WATCHED = [
  'camera',
  'metric',
  'year',
  'scheme',
  'classes',
  'palette',
  'showDivide',
  'grouping',
  'language',
  'hubs',
  'rule',
  'demand',
  'filter',
  'planK',
  'selected',
  'panel',
  'preset',
  'participationRate',
  'constraints',
  'inspected',
  'lastRun',
] as const satisfies readonly (keyof UrlState)[];

const OWN = new Set<string>(URL_KEYS);

/** The page's query with this app's parameters replaced by `state`'s, others kept in place and first. */
export function queryFor(search: string, state: UrlState): string {
  const kept = new URLSearchParams();
  for (const [k, v] of new URLSearchParams(search)) if (!OWN.has(k)) kept.append(k, v);
  const keptText = kept.toString().replace(/=(?=&|$)/g, '');
  const own = toQuery(encode(state));
  return keptText ? `${keptText}&${own}` : own;
}

let pending: number | null = null;
let writeNow: (() => void) | null = null;

/** Writes a pending URL change at once (e.g. before "Share link" copies the address). */
export function flushUrl(): void {
  if (pending !== null) window.clearTimeout(pending);
  pending = null;
  writeNow?.();
}

/**
 * Applies the current link to the store and starts mirroring the store into the link.
 *
 * @param store The app store; its dataset must be loaded (hubs in the link replace the default hubs).
 * @returns Unsubscribe.
 * @example startUrlSync(store) // after setDataset and the default hubs
 */
export function startUrlSync(store: StoreApi<Store>): () => void {
  const s = store.getState();
  const years = s.dataset?.stats.observations.map((o) => o.year) ?? [];
  const decoded = decode(window.location.search, {
    polygonCount: s.dataset?.provinces.polygons.length ?? 256,
    ...(years.length > 0
      ? {
          years: { min: years.reduce((a, b) => Math.min(a, b)), max: years.reduce((a, b) => Math.max(a, b)) },
        }
      : {}),
  });
  if (decoded.hasState) store.setState(urlPatch(s, decoded.state));
  if (decoded.dropped.length > 0) store.getState().pushNotice({ type: 'link', dropped: decoded.dropped });

  const applyLanguage = (lng: string) => {
    document.documentElement.lang = lng;
    if (i18next.language !== lng) void i18next.changeLanguage(lng);
  };
  applyLanguage(store.getState().language);

  writeNow = () => {
    const { pathname, search, hash } = window.location;
    const query = queryFor(search, urlStateOf(store.getState()));
    if (`?${query}` !== search)
      window.history.replaceState(window.history.state, '', `${pathname}?${query}${hash}`);
  };
  // Normalise the link right away: broken parts disappear, the version is written.
  writeNow();

  const unsubscribe = store.subscribe((next, prev) => {
    if (next.language !== prev.language) applyLanguage(next.language);
    if (!WATCHED.some((k) => next[k] !== prev[k])) return;
    if (pending !== null) window.clearTimeout(pending);
    pending = window.setTimeout(() => {
      pending = null;
      writeNow?.();
    }, URL_DEBOUNCE_MS);
  });
  return () => {
    unsubscribe();
    if (pending !== null) window.clearTimeout(pending);
    pending = null;
    writeNow = null;
  };
}
