import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { SESSION_KEY } from '../../api/session.ts';
import type { Lang, SessionUser } from '../../api/types.ts';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { FormError, Success } from '../../components/Messages.tsx';
import { setLanguage } from '../../i18n/index.ts';
import { useServerFieldError } from '../../lib/errors.ts';

const isLang = (value: string): value is Lang => value === 'lv' || value === 'en' || value === 'ru';

/** Name, phone and language of the user (PATCH /api/me). */
export function ProfileForm({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [fullName, setFullName] = useState(user.fullName);
  const [phone, setPhone] = useState(user.phone ?? '');
  const [language, setLang] = useState<Lang>(isLang(user.language) ? user.language : 'lv');
  const save = useMutation({
    mutationFn: () => api.patch('/api/me', { fullName: fullName.trim(), language, ...(phone.trim() ? { phone: phone.trim() } : {}) }),
    onSuccess: () => {
      setLanguage(language);
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
  const fieldError = useServerFieldError(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
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
