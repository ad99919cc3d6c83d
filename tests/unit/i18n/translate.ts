/**
 * i18next instances with the app's English and Indonesian strings, for unit tests that check the words a code
 * becomes, and `describeIssue` bound to English for readable assertions on import problems.
 */
import i18next, { type TFunction } from 'i18next';
import type { ImportIssue } from '../../../src/domain/import/issues';
import { en } from '../../../src/i18n/en';
import { id } from '../../../src/i18n/id';
import { describeIssue } from '../../../src/ui/import/issue-text';

function instance(lng: 'en' | 'id'): TFunction {
  const i = i18next.createInstance();
  void i.init({
    lng,
    fallbackLng: false,
    resources: { en: { translation: en }, id: { translation: id } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i.t;
}

/** `t` in English and in Bahasa Indonesia (no fallback: a missing Indonesian key shows as the key). */
export const tEn = instance('en');
export const tId = instance('id');

/** An issue as one English line: 'a.csv, row 3, column "x": problem (did you mean …?)'. */
export const english = (issue: ImportIssue): string => describeIssue(tEn, 'en', issue);
