import { useTranslation } from 'react-i18next';
import type { Lang } from '@up/common/lang';
import { useSaveLanguage, useSession } from '../api/session.ts';
import { LANGUAGES, setLanguage } from '../i18n/index.ts';
import { useLang } from '../lib/useLang.ts';
import './LanguageSwitcher.css';

/** Each language named in itself, so that a reader of it can find it whatever the current language. */
const NATIVE_NAMES: Record<Lang, string> = { lv: 'Latviešu', en: 'English', ru: 'Русский' };

/** LV / EN / RU; remembered on the device and, when logged in, in the profile (PATCH /api/me). */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const current = useLang();
  const user = useSession().data?.user;
  const saveLanguage = useSaveLanguage();

  const choose = (lang: Lang) => {
    setLanguage(lang);
    // should saving fail, the device still remembers the choice
    if (user && user.language !== lang) saveLanguage.mutate(lang);
  };

  return (
    <div className="lang-switcher" role="group" aria-label={t('layout.language')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          aria-pressed={lang === current}
          aria-label={`${lang.toUpperCase()} – ${NATIVE_NAMES[lang]}`}
          onClick={() => choose(lang)}
        >
          {lang.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
