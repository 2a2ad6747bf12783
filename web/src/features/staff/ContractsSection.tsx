import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Done, ErrorAlert, SelectField, SubmitButton, TextField } from './components.tsx';
import { serverFieldError, useFields } from './shared.ts';
import { CONTRACT_STATUSES, CONTRACT_TYPES, type Contract } from './types.ts';
import { TableWrap } from '../../components/TableWrap.tsx';

export function ContractsSection({ customerId, contracts }: { customerId: string; contracts: Contract[] }) {
  const { t } = useTranslation('staff');
  return (
    <section className="card" aria-labelledby="staff-contracts-title">
      <h2 id="staff-contracts-title">{t('contracts.title')}</h2>
      {contracts.length === 0 ? (
        <p className="muted">{t('contracts.empty')}</p>
      ) : (
        <TableWrap className="staff-table-wrap" label={t('contracts.caption')}>
          <table className="table">
            <caption className="staff-visually-hidden">{t('contracts.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('contracts.number')}</th>
                <th scope="col">{t('contracts.type')}</th>
                <th scope="col">{t('contracts.status')}</th>
                <th scope="col">{t('contracts.startsOn')}</th>
                <th scope="col">{t('contracts.endsOn')}</th>
              </tr>
            </thead>
            <tbody>
              {contracts.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.number}</th>
                  <td>{t(`contractType.${c.type}`, { defaultValue: c.type })}</td>
                  <td>{t(`contractStatus.${c.status}`, { defaultValue: c.status })}</td>
                  <td>{c.startsOn ?? ''}</td>
                  <td>{c.endsOn ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <AddContractForm customerId={customerId} />
    </section>
  );
}

const EMPTY = { type: CONTRACT_TYPES[0] as string, number: '', status: 'active', startsOn: '' };

function AddContractForm({ customerId }: { customerId: string }) {
  const { t } = useTranslation('staff');
  const queryClient = useQueryClient();
  const { values, bind, reset } = useFields(EMPTY);
  const [missing, setMissing] = useState(false);
  const add = useMutation({
    mutationFn: () =>
      api.post(`/api/staff/customers/${encodeURIComponent(customerId)}/contracts`, {
        type: values.type,
        number: values.number.trim(),
        status: values.status,
        startsOn: values.startsOn || undefined,
      }),
    onSuccess: () => {
      reset();
      return queryClient.invalidateQueries({ queryKey: ['staff'] });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const isMissing = !values.number.trim();
    setMissing(isMissing);
    if (!isMissing) add.mutate();
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="staff-add-contract-title" className="staff-subform">
      <h3 id="staff-add-contract-title">{t('contracts.add')}</h3>
      <div className="staff-grid">
        <SelectField
          {...bind('type')}
          label={t('contracts.type')}
          options={CONTRACT_TYPES.map((type) => ({ value: type, label: t(`contractType.${type}`) }))}
          error={serverFieldError(add.error, 'type')}
        />
        <TextField
          {...bind('number')}
          label={t('contracts.number')}
          required
          error={missing ? t('validation.required') : serverFieldError(add.error, 'number')}
        />
        <SelectField
          {...bind('status')}
          label={t('contracts.status')}
          options={CONTRACT_STATUSES.map((s) => ({ value: s, label: t(`contractStatus.${s}`) }))}
          error={serverFieldError(add.error, 'status')}
        />
        <TextField {...bind('startsOn')} type="date" label={t('contracts.startsOn')} error={serverFieldError(add.error, 'startsOn')} />
      </div>
      <ErrorAlert error={add.error} />
      <Done>{add.isSuccess ? t('contracts.added') : null}</Done>
      <SubmitButton pending={add.isPending}>{t('contracts.submit')}</SubmitButton>
    </form>
  );
}
