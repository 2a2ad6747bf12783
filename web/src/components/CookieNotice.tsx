import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './Buttons.css';
import './CookieNotice.css';

const STORAGE_KEY = 'up.cookieNoticeDismissed';

function dismissedBefore(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

/** PRV-6: the portal sets only essential cookies, so it asks for no consent and just says so. */
export function CookieNotice() {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(dismissedBefore);
  if (dismissed) return null;
  const dismiss = () => {
    try {
      localStorage.setItem(STORAGE_KEY, '1');
    } catch {
      // without storage the note comes back on the next visit
    }
    setDismissed(true);
  };
  return (
    <section className="cookie-notice" aria-label={t('cookies.label')}>
      <p>{t('cookies.text')}</p>
      <button type="button" className="button button--secondary button--small" onClick={dismiss}>
        {t('cookies.dismiss')}
      </button>
    </section>
  );
}
