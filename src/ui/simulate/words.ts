/** Wording helpers of the simulate panel: the demand formula and numbers, through i18n. */
import type { TFunction } from 'i18next';
import type { Dataset } from '../../data/dataset';
import type { DemandSettings } from '../../domain/demand';
import { formatNumber, formatValue } from '../../i18n/format';

/** One factor of the demand formula; `power` is shown as a superscript. */
export interface FormulaPart {
  readonly text: string;
  readonly power?: string;
}

/**
 * The demand formula in words, factor for factor as `describeDemand` (src/domain/demand.ts), but translated and
 * with the exponent apart (for a superscript).
 *
 * @example demandParts(t, 'en', DEFAULT_DEMAND_SETTINGS).map((p) => p.text + (p.power ? `^${p.power}` : '')).join(' × ')
 * // "people × (share offline)^1 × (not yet inside any hub's catchment)"
 */
export function demandParts(t: TFunction, locale: string, s: DemandSettings): FormulaPart[] {
  const parts: FormulaPart[] = [
    { text: s.useMsme ? t('simulate.formula.msme') : t('simulate.formula.people') },
  ];
  if (s.useOffline)
    parts.push({
      text: t('simulate.formula.offline'),
      power: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(s.offlineExponent),
    });
  if (s.useCoverage) parts.push({ text: t('simulate.formula.coverage') });
  return parts;
}

/** A polygon's label without the "incl. …" tail. */
export function shortLabel(data: Dataset, polygon: number): string {
  const label = data.provinces.polygons[polygon]?.label ?? '';
  return label.split(' incl. ')[0] ?? label;
}

/** Names of a few polygons, "and N more" past `max`. */
export function polygonNames(data: Dataset, ids: readonly number[], max = 4): string {
  const names = ids.slice(0, max).map((id) => shortLabel(data, id));
  return ids.length > max ? `${names.join(', ')} +${ids.length - max}` : names.join(', ');
}

/** A 0..1 share as a percentage with one decimal. */
export const formatShare = (locale: string, x: number) => formatValue(locale, 'percent', x * 100);

/** People (or MSMEs) as whole numbers. */
export const formatCount = (locale: string, x: number) => formatNumber(locale, Math.round(x));

/** An estimated count to 3 significant digits, compact (5.66M, 412K; id: 5,66 jt): no false precision. */
export function formatEstimate(locale: string, x: number): string {
  if (Math.abs(x) < 1000) return formatNumber(locale, Math.round(x));
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: 3 }).format(x);
}
