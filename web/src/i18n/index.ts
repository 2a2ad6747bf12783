import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGS, type Lang } from '@up/common/lang';
import lv from './lv.json';
import en from './en.json';
import ru from './ru.json';

export const LANGUAGES = LANGS;
const STORAGE_KEY = 'up.language';

function storedLanguage(): Lang | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.includes(value as Lang) ? (value as Lang) : null;
  } catch {
    return null;
  }
}

/** True once the user has picked a language on this device (then it wins over the profile's). */
export function hasStoredLanguage(): boolean {
  return storedLanguage() !== null;
}

export function currentLanguage(): Lang {
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return LANGUAGES.includes(lang as Lang) ? (lang as Lang) : 'lv';
}

/** Switches the UI language, remembers it on this device and keeps <html lang> in step. */
export function setLanguage(lang: Lang, remember = true): void {
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // storage may be disabled; the choice then lasts for this page only
    }
  }
  void i18n.changeLanguage(lang);
}

i18n.on('languageChanged', (lang) => {
  document.documentElement.lang = lang;
});

void i18n.use(initReactI18next).init({
  resources: { lv: { translation: lv }, en: { translation: en }, ru: { translation: ru } },
  lng: storedLanguage() ?? 'lv',
  fallbackLng: 'lv',
  supportedLngs: LANGUAGES,
  defaultNS: 'translation',
  interpolation: { escapeValue: false }, // React escapes
});
document.documentElement.lang = currentLanguage();

/** Lets a feature (e.g. the staff back office) register its own namespace of texts. */
export function addResources(namespace: string, resources: { lv: object; en: object; ru: object }): void {
  for (const lang of LANGUAGES) {
    i18n.addResourceBundle(lang, namespace, resources[lang], true, true);
  }
}

export default i18n;
