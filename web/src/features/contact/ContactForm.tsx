import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactDetails, InvoiceChannel, NoticeChannel } from '@up/common/contracts/customers';
import { RadioGroup, TextField } from '../../components/Fields.tsx';
import { FormError, Success } from '../../components/Messages.tsx';
import { useServerFieldError } from '../../lib/errors.ts';
import { useSaveContactDetails } from './contact.api.ts';

/** The form's fields: the contact details with an empty text where the customer has none. */
type ContactFields = { [K in keyof ContactDetails]: NonNullable<ContactDetails[K]> };

/** An empty text is sent as null: the contract takes no empty e-mail, phone or address. */
const orNull = (text: string) => text.trim() || null;

/** ACC-15, BIL-2, GRD-7: the main user changes contact data and where invoices and notices go. */
export function ContactForm({ customerId, contact }: { customerId: string; contact: ContactDetails }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<ContactFields>({
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    postalAddress: contact.postalAddress ?? '',
    invoiceChannel: contact.invoiceChannel,
    noticeChannel: contact.noticeChannel,
  });
  const save = useSaveContactDetails(customerId);
  const fieldError = useServerFieldError(save.error);
  const set = <K extends keyof ContactFields>(key: K) => (value: ContactFields[K]) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      email: orNull(form.email),
      phone: orNull(form.phone),
      postalAddress: orNull(form.postalAddress),
      invoiceChannel: form.invoiceChannel,
      noticeChannel: form.noticeChannel,
    });
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
