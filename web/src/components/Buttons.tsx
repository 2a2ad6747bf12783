import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './Buttons.css';

/** A form's submit button; while the request runs it is disabled and says so ("Please wait…"). */
export function SubmitButton({ busy, disabled, className = 'button', children }: {
  busy: boolean;
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <button type="submit" className={className} disabled={busy || disabled} aria-busy={busy || undefined}>
      {busy ? t('common.working') : children}
    </button>
  );
}
