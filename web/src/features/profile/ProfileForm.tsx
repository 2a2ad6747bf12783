import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@up/common/contracts/accounts';
import type { Lang } from '@up/common/lang';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { FormError, Success } from '../../components/Messages.tsx';
import { setLanguage } from '../../i18n/index.ts';
import { useServerFieldError } from '../../lib/errors.ts';
import { useUpdateProfile } from './profile.api.ts';

/** Name, phone and language of the user (PATCH /api/me). */
export function ProfileForm({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [fullName, setFullName] = useState(user.fullName);
  const [phone, setPhone] = useState(user.phone ?? '');
  const [language, setLang] = useState<Lang>(user.language);
  const save = useUpdateProfile();
  const fieldError = useServerFieldError(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { fullName: fullName.trim(), language, ...(phone.trim() ? { phone: phone.trim() } : {}) },
      { onSuccess: () => setLanguage(language) },
    );
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p>
        {t('profile.username')}: <strong>{user.email}</strong>
        <br />
        <span className="field__hint">{t('profile.emailHint')}</span>
      </p>
      <TextField label={t('fields.fullName')} value={fullName} onChange={setFullName} required autoComplete="name" error={fieldError('fullName')} />
      <TextField label={t('fields.phone')} type="tel" value={phone} onChange={setPhone} autoComplete="tel" error={fieldError('phone')} />
      <SelectField
        label={t('profile.language')}
        value={language}
        onChange={(v) => setLang(v as Lang)}
        options={[
          { value: 'lv', label: 'Latviešu' },
          { value: 'en', label: 'English' },
          { value: 'ru', label: 'Русский' },
        ]}
        error={fieldError('language')}
      />
      {save.isSuccess && <Success>{t('common.saved')}</Success>}
      <FormError error={save.error} fields={['fullName', 'phone', 'language']} />
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending || !fullName.trim()}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
