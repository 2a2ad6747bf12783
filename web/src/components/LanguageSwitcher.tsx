import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { SESSION_KEY, useSession } from '../api/session.ts';
import type { Lang, Session } from '../api/types.ts';
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
  const queryClient = useQueryClient();

  const choose = (lang: Lang) => {
    setLanguage(lang);
    if (user && user.language !== lang) {
      api.patch('/api/me', { language: lang }).then(
        () =>
          queryClient.setQueryData<Session>(SESSION_KEY, (s) =>
            s?.user ? { ...s, user: { ...s.user, language: lang } } : s,
          ),
        () => undefined, // the device still remembers the choice
      );
    }
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
