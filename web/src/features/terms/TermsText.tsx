import { useTranslation } from 'react-i18next';
import type { Terms } from '@up/common/contracts/terms';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import './TermsText.css';

/** OPS-1: one version of the terms in the chosen language, with its dates; translations say so. */
export function TermsText({ terms }: { terms: Terms }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = terms.texts[lang] || terms.texts.lv;
  const shownLang = terms.texts[lang] ? lang : 'lv';
  return (
    <article className="card terms">
      <dl className="facts">
        <div>
          <dt>{t('terms.version')}</dt>
          <dd>{terms.version}</dd>
        </div>
        <div>
          <dt>{t('terms.approvedOn')}</dt>
          <dd>{formatDate(terms.approvedOn, lang)}</dd>
        </div>
        <div>
          <dt>{t('terms.validFrom')}</dt>
          <dd>{formatDate(terms.validFrom, lang)}</dd>
        </div>
        <div>
          <dt>{t('terms.validTo')}</dt>
          <dd>{terms.validTo ? formatDate(terms.validTo, lang) : t('terms.noEnd')}</dd>
        </div>
      </dl>
      {shownLang !== 'lv' && (
        <p className="alert alert--info" role="note">
          {t('terms.translationNotice')}
        </p>
      )}
      <div className="terms__text" lang={shownLang}>
        {text}
      </div>
    </article>
  );
}
