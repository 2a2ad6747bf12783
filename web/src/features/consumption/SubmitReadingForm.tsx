import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Meter } from '@up/common/contracts/metering';
import { isIsoDate, rigaDate } from '@up/common/riga-time';
import { ApiError } from '../../api/client.ts';
import { SubmitButton } from '../../components/Buttons.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { FormError, Success } from '../../components/Messages.tsx';
import { useLang } from '../../lib/useLang.ts';
import { bankLoginUrl } from '../auth/bankLogin.ts';
import { useSubmitReading } from './consumption.api.ts';
import { NAMESPACE } from './i18n.ts';
import { describeReadingError, normaliseKwh, type ReadingField } from './readingErrors.ts';

interface SubmitReadingFormProps {
  customerId: string;
  objectId: string;
  /** the meters on the object now */
  meters: readonly Meter[];
}

/** GRD-2, GRD-6: a meter reading submitted as an order; the server's refusals are shown beside their field. */
export function SubmitReadingForm({ customerId, objectId, meters }: SubmitReadingFormProps) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const today = rigaDate(new Date());
  const [meterId, setMeterId] = useState(meters[0]?.id ?? '');
  const meter = meters.find((m) => m.id === meterId) ?? meters[0];
  const [register, setRegister] = useState(meter?.registers[0] ?? '');
  const [readOn, setReadOn] = useState(today);
  const [reading, setReading] = useState('');
  const [invalid, setInvalid] = useState<Partial<Record<ReadingField, string>>>({});
  const send = useSubmitReading(customerId, objectId);

  const refusal = send.error instanceof ApiError ? describeReadingError(send.error.code, send.error.details, lang) : null;
  const fieldError = (field: ReadingField) => invalid[field] ?? (refusal && refusal.field === field ? t(refusal.key, refusal.values) : undefined);
  const registers = meter?.registers ?? [];

  const chooseMeter = (id: string) => {
    setMeterId(id);
    const chosen = meters.find((m) => m.id === id);
    if (chosen && !chosen.registers.includes(register)) setRegister(chosen.registers[0] ?? '');
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const readingKwh = normaliseKwh(reading);
    const problems: Partial<Record<ReadingField, string>> = {};
    if (!reading.trim()) problems.readingKwh = t('readings.errors.required');
    else if (readingKwh === null) problems.readingKwh = t('readings.errors.kwhFormat');
    if (!isIsoDate(readOn)) problems.readOn = t('readings.errors.date');
    else if (readOn > today) problems.readOn = t('readingErrors.READ_ON_IN_FUTURE');
    if (!register) problems.register = t('readings.errors.required');
    setInvalid(problems);
    if (Object.keys(problems).length > 0 || readingKwh === null || !meter) return;
    send.mutate({ meterId: meter.id, register, readOn, readingKwh }, { onSuccess: () => setReading('') });
  };

  return (
    <form className="form reading-form" onSubmit={submit} noValidate>
      <div className="reading-form__fields">
        <SelectField
          label={t('readings.meter')}
          value={meter?.id ?? ''}
          onChange={chooseMeter}
          options={meters.map((m) => ({ value: m.id, label: `${m.number} (${m.type})` }))}
          error={fieldError('meterId')}
        />
        <SelectField
          label={t('readings.register')}
          value={register}
          onChange={setRegister}
          options={registers.map((r) => ({ value: r, label: t(`register.${r}`, { defaultValue: r }) }))}
          error={fieldError('register')}
        />
        <TextField label={t('readings.date')} type="date" value={readOn} onChange={setReadOn} required error={fieldError('readOn')} />
        <TextField
          label={t('readings.kwhField')}
          hint={t('readings.kwhHint')}
          value={reading}
          onChange={setReading}
          maxLength={16}
          autoComplete="off"
          required
          error={fieldError('readingKwh')}
        />
      </div>
      <Success>
        {send.isSuccess ? (
          <>
            {t('readings.sent')} <Link to="/orders">{t('readings.toOrders')}</Link>
          </>
        ) : null}
      </Success>
      {send.error instanceof ApiError && send.error.code === 'STEP_UP_REQUIRED' ? (
        <div className="alert alert--error" role="alert">
          <p>{t('readingErrors.STEP_UP_REQUIRED')}</p>
          <a className="button" href={bankLoginUrl(`/objects/${encodeURIComponent(objectId)}#readings`, true)}>
            {t('readings.stepUp')}
          </a>
        </div>
      ) : refusal && refusal.field === null ? (
        <div className="alert alert--error" role="alert">{t(refusal.key, refusal.values)}</div>
      ) : refusal ? null : (
        <FormError error={send.error} fields={['meterId', 'register', 'readOn', 'readingKwh']} />
      )}
      <div className="actions">
        <SubmitButton busy={send.isPending}>{t('readings.submit')}</SubmitButton>
      </div>
    </form>
  );
}
