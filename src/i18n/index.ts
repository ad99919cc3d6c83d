import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';

export type Language = 'en' | 'id';
export const LANGUAGES: readonly Language[] = ['en', 'id'];

/** Shape of a translation file: the same keys as English, any strings. */
type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export type Translation = Strings<typeof en>;
/** A translation under construction: sections may be missing (en is the fallback); a test checks completeness. */
export type PartialTranslation = { readonly [K in keyof Translation]?: Partial<Translation[K]> };

export async function initI18n(lng: Language, id?: PartialTranslation): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources: { en: { translation: en }, ...(id ? { id: { translation: id } } : {}) },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export { i18next };
