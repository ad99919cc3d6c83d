/** Words for what is wrong with saved or imported scenes: `briefing.problem.<code>`. */
import type { TFunction } from 'i18next';
import type { SceneProblem } from '../state/scenes/storage';

/**
 * @example sceneProblemText(t, { code: 'notList', params: { found: 'text' } }) // '"scenes" is text, expected a list'
 */
export function sceneProblemText(t: TFunction, problem: SceneProblem): string {
  switch (problem.code) {
    case 'notRecord':
    case 'notList':
      return t(`briefing.problem.${problem.code}`, { found: t(`briefing.found.${problem.params.found}`) });
    case 'missingVersion':
      return t('briefing.problem.missingVersion');
    default:
      return t(`briefing.problem.${problem.code}`, { ...problem.params });
  }
}
