/** Wording of the planner's presets, units and sea rule, through i18n. */
import type { TFunction } from 'i18next';
import type { DemandSettings } from '../../domain/demand';
import type { CandidateFilter } from '../../domain/optimizer/candidates';
import { PLACE_KINDS } from '../../domain/planner/fields';
import { seaRuleWords } from '../../domain/planner/presets';
import type { RuleState } from '../../state/slices/scenario';
import type { Grouping } from '../../state/slices/view';

/**
 * The sea rule as a reader states it.
 * @example seaRuleText(t, rule) // "same island, plus smaller islands up to 20 km across the sea"
 */
export function seaRuleText(t: TFunction, rule: RuleState): string {
  const w = seaRuleWords(rule);
  return t(`planner.sea.${w.key}`, { km: w.km });
}

/**
 * What the headcount is, as a unit with the radius ("offline residents within 100 km"), or without it (null).
 * @example countUnit(t, demand, 100)
 */
export function countUnit(t: TFunction, demand: DemandSettings, radiusKm: number | null): string {
  const key = demand.useMsme
    ? demand.useOffline
      ? 'offlineMsme'
      : 'msme'
    : demand.useOffline
      ? 'offlinePeople'
      : 'people';
  return radiusKm === null ? t(`planner.unitPlain.${key}`) : t(`planner.unit.${key}`, { km: radiusKm });
}

/** The region in words, with the grouping when it is east or west. */
export function regionText(t: TFunction, region: CandidateFilter['region'], grouping: Grouping): string {
  return region === 'all'
    ? t('planner.regionName.all')
    : t('planner.regionWithGrouping', {
        region: t(`planner.regionName.${region}`),
        grouping: t(`settings.${grouping}`),
      });
}

/** The preset's formula in one sentence: who counts, where, from which hosts, how far, and the weights. */
export function presetSentence(
  t: TFunction,
  p: {
    demand: DemandSettings;
    filter: CandidateFilter;
    rule: RuleState;
    grouping: Grouping;
    flags: boolean;
    kindsInData: boolean;
  },
): string {
  const kinds = p.filter.kinds ?? null;
  const hosts =
    kinds === null
      ? t('planner.hostsAny')
      : PLACE_KINDS.filter((k) => kinds.includes(k))
          .map((k) => t(`planner.kind.${k}`))
          .join(', ');
  const factor = p.demand.priorityFactor ?? 1;
  const parts = [
    t('planner.sentence.count', {
      unit: countUnit(t, p.demand, p.rule.radiusKm),
      region: regionText(t, p.filter.region, p.grouping),
    }),
    t('planner.sentence.hosts', { hosts }),
    t('planner.sentence.sea', { sea: seaRuleText(t, p.rule) }),
  ];
  if (p.demand.useCoverage) parts.push(t('planner.sentence.coverage'));
  if (factor !== 1)
    parts.push(
      p.flags ? t('planner.sentence.weight', { factor }) : t('planner.sentence.weightNoData', { factor }),
    );
  if (p.demand.useOffline && p.demand.offlineExponent !== 1)
    parts.push(t('planner.sentence.exponent', { a: p.demand.offlineExponent }));
  return parts.join(' ');
}
