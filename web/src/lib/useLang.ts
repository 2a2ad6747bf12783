import { useTranslation } from 'react-i18next';
import type { Lang } from '@up/common/lang';
import { LANGUAGES } from '../i18n/index.ts';

/** The current UI language as a Lang, re-rendering the component when it changes. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return LANGUAGES.includes(lang as Lang) ? (lang as Lang) : 'lv';
}
