import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorProfile } from '@up/common/contracts/operator';
import { ApiError } from '../../api/client.ts';
import { SelectField, TextArea } from '../../components/Fields.tsx';
import { FormError, Success } from '../../components/Messages.tsx';
import { useServerFieldError } from '../../lib/errors.ts';
import { bankLoginUrl } from '../auth/bankLogin.ts';
import { useSubmitOrder } from './orders.api.ts';

/** GRD-6: a simple order; ACC-18: some types need a fresh bank/eID login first (step-up). */
export function NewOrderForm({ customerId, operator }: { customerId: string; operator: OperatorProfile }) {
  const { t } = useTranslation();
  // A meter reading has its own form on the object's page (GRD-2), where it is checked against the meter.
  const orderTypes = operator.orderTypes.filter((orderType) => orderType !== 'meter_reading');
  const [type, setType] = useState(orderTypes[0] ?? '');
  const [description, setDescription] = useState('');
  const [descriptionError, setDescriptionError] = useState<string | undefined>();
  const send = useSubmitOrder(customerId);
  const fieldError = useServerFieldError(send.error);
  const needsStepUp = operator.rules.stepUpOrderTypes.includes(type);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!description.trim()) {
      setDescriptionError(t('validation.required'));
      return;
    }
    setDescriptionError(undefined);
    send.mutate({ type, payload: { description: description.trim() } }, { onSuccess: () => setDescription('') });
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <SelectField
        label={t('orders.type')}
        value={type}
        onChange={setType}
        options={orderTypes.map((o) => ({ value: o, label: t(`orderType.${o}`, { defaultValue: o }) }))}
        hint={needsStepUp ? t('orders.stepUpHint') : undefined}
        error={fieldError('type')}
      />
      <TextArea
        label={t('orders.description')}
        hint={t('orders.descriptionHint')}
        value={description}
        onChange={setDescription}
        required
        maxLength={4000}
        error={descriptionError ?? fieldError('payload') ?? fieldError('payload.description')}
      />
      {send.isSuccess && <Success>{t('orders.sent', { status: t(`orderStatus.${send.data.status}`, { defaultValue: send.data.status }) })}</Success>}
      {send.error instanceof ApiError && send.error.code === 'STEP_UP_REQUIRED' ? (
        <div className="alert alert--error" role="alert">
          <p>{t('errors.STEP_UP_REQUIRED')}</p>
          <a className="button" href={bankLoginUrl('/orders', true)}>
            {t('orders.stepUp')}
          </a>
        </div>
      ) : (
        <FormError error={send.error} fields={['type', 'payload', 'payload.description']} />
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={send.isPending || !type}>
          {t('orders.submit')}
        </button>
      </div>
    </form>
  );
}
