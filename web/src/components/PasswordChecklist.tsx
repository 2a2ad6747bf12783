import { useTranslation } from 'react-i18next';
import { checkPassword, type PasswordPersonalData, type PasswordProblem } from '@up/common/password-rules';
import './PasswordChecklist.css';

const RULES: PasswordProblem[] = ['too_short', 'needs_letter', 'needs_digit', 'contains_personal_data', 'common_password'];

/** ACC-6: the password rules, each marked met or not while the user types. */
export function PasswordChecklist({ password, personal, id }: { password: string; personal: PasswordPersonalData; id?: string }) {
  const { t } = useTranslation();
  const result = checkPassword(password, personal);
  const problems = result.ok ? [] : result.problems;
  return (
    <ul className="checklist" id={id} aria-label={t('password.rulesTitle')}>
      {RULES.map((rule) => {
        const met = password.length > 0 && !problems.includes(rule);
        return (
          <li key={rule} className={met ? 'checklist__item checklist__item--met' : 'checklist__item'}>
            <span aria-hidden="true">{met ? '✓' : '○'}</span> {t(`password.rule.${rule}`)}
            <span className="visually-hidden"> – {met ? t('password.met') : t('password.notMet')}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** Whether the password passes every rule the browser can check. */
export function passwordAcceptable(password: string, personal: PasswordPersonalData): boolean {
  return checkPassword(password, personal).ok;
}
