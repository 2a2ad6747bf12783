import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isPlausibleEmail } from '@up/common/email';
import { CheckboxField, TextField } from '../../components/Fields.tsx';
import { FormError, Success } from '../../components/Messages.tsx';
import { useServerFieldError } from '../../lib/errors.ts';
import { RightsFieldset } from './RightsFieldset.tsx';
import { useInviteUser } from './users.api.ts';

/** ACC-10: the main user invites an additional user by e-mail; PRV-7: confirms the data may be shared. */
export function InviteUserForm({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [fullName, setFullName] = useState('');
  const [rights, setRights] = useState<string[]>([]);
  const [confirm, setConfirm] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [invited, setInvited] = useState<string | null>(null);
  const invite = useInviteUser(customerId);
  const serverError = useServerFieldError(invite.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!isPlausibleEmail(email)) found.email = t('validation.email');
    if (!fullName.trim()) found.fullName = t('validation.required');
    if (!confirm) found.confirm = t('validation.confirmData');
    setErrors(found);
    setInvited(null);
    if (Object.keys(found).length > 0) return;
    invite.mutate(
      { email: email.trim(), fullName: fullName.trim(), rights, confirmDataTruthful: true },
      {
        onSuccess: (_answer, body) => {
          setInvited(body.email);
          setEmail('');
          setFullName('');
          setRights([]);
          setConfirm(false);
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {invited && <Success>{t('users.invited', { email: invited })}</Success>}
      <TextField label={t('fields.email')} type="email" autoComplete="off" value={email} onChange={setEmail} required error={errors.email ?? serverError('email')} />
      <TextField label={t('fields.fullName')} autoComplete="off" value={fullName} onChange={setFullName} required error={errors.fullName ?? serverError('fullName')} />
      <RightsFieldset legend={t('users.extraRights')} value={rights} onChange={setRights} />
      <CheckboxField label={t('users.confirmData')} checked={confirm} onChange={setConfirm} required error={errors.confirm ?? serverError('confirmDataTruthful')} />
      <FormError error={invite.error} fields={['email', 'fullName', 'confirmDataTruthful']} />
      <div className="actions">
        <button type="submit" className="button" disabled={invite.isPending}>
          {t('users.invite')}
        </button>
      </div>
    </form>
  );
}
