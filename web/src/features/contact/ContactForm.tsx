import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { ContactData, InvoiceChannel, NoticeChannel } from '../../api/types.ts';
import { RadioGroup, TextField } from '../../components/Fields.tsx';
import { FormError, Success } from '../../components/Messages.tsx';
import { useServerFieldError } from '../../lib/errors.ts';
import { customerPath } from '../customer.ts';

/** ACC-15, BIL-2, GRD-7: the main user changes contact data and where invoices and notices go. */
export function ContactForm({ customerId, contact }: { customerId: string; contact: ContactData }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ContactData>({
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    postalAddress: contact.postalAddress ?? '',
    invoiceChannel: contact.invoiceChannel,
    noticeChannel: contact.noticeChannel,
  });
  const save = useMutation({
    mutationFn: () =>
      api.put(customerPath(customerId, 'contact'), {
        ...form,
        email: form.email.trim(),
        phone: form.phone.trim(),
        postalAddress: form.postalAddress.trim(),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['customer', customerId, 'contact'] }),
  });
  const fieldError = useServerFieldError(save.error);
  const set = <K extends keyof ContactData>(key: K) => (value: ContactData[K]) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField label={t('fields.email')} type="email" autoComplete="email" value={form.email} onChange={set('email')} error={fieldError('email')} />
      <TextField label={t('contact.phoneSms')} type="tel" autoComplete="tel" value={form.phone} onChange={set('phone')} error={fieldError('phone')} />
      <TextField
        label={t('fields.postalAddress')}
        autoComplete="street-address"
        value={form.postalAddress}
        onChange={set('postalAddress')}
        error={fieldError('postalAddress')}
      />
      <RadioGroup<InvoiceChannel>
        legend={t('contact.invoiceChannel')}
        name="invoiceChannel"
        value={form.invoiceChannel}
        onChange={set('invoiceChannel')}
        options={[
          { value: 'email', label: t('invoiceChannel.email') },
          { value: 'post', label: t('invoiceChannel.post') },
          { value: 'portal', label: t('invoiceChannel.portal') },
        ]}
        error={fieldError('invoiceChannel')}
      />
      <p className="field__hint">{t('contact.invoiceHint')}</p>
      <RadioGroup<NoticeChannel>
        legend={t('contact.noticeChannel')}
        name="noticeChannel"
        value={form.noticeChannel}
        onChange={set('noticeChannel')}
        options={[
          { value: 'email', label: t('noticeChannel.email') },
          { value: 'sms', label: t('noticeChannel.sms') },
          { value: 'portal', label: t('noticeChannel.portal') },
        ]}
        error={fieldError('noticeChannel')}
      />
      <p className="field__hint">{t('contact.noticeHint')}</p>
      {save.isSuccess && <Success>{t('contact.saved')}</Success>}
      <FormError error={save.error} fields={['email', 'phone', 'postalAddress', 'invoiceChannel', 'noticeChannel']} />
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
