import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerFieldError } from '../lib/errors.ts';
import { PasswordField } from './Fields.tsx';
import { FormError } from './Messages.tsx';

interface ConfirmWithPasswordProps {
  /** what the step does, above the password */
  intro: ReactNode;
  hint?: ReactNode;
  password: string;
  onPasswordChange: (password: string) => void;
  /** the request's error: one about the password shows at the field, any other below it */
  error: unknown;
  busy: boolean;
  submitLabel: ReactNode;
  onSubmit: () => void;
  /** after the button, inside the form (e.g. a confirmation dialog) */
  children?: ReactNode;
}

/** A form for a grave step the user confirms with their current password (a danger button). */
export function ConfirmWithPassword({ intro, hint, password, onPasswordChange, error, busy, submitLabel, onSubmit, children }: ConfirmWithPasswordProps) {
  const { t } = useTranslation();
  const fieldError = useServerFieldError(error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      {intro}
      <PasswordField
        label={t('fields.password')}
        hint={hint}
        autoComplete="current-password"
        value={password}
        onChange={onPasswordChange}
        error={fieldError('password')}
      />
      <FormError error={error} fields={['password']} />
      <div className="actions">
        <button type="submit" className="button button--danger" disabled={!password || busy}>
          {submitLabel}
        </button>
      </div>
      {children}
    </form>
  );
}
