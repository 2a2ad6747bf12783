import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contract, ContractStatus, ContractType } from '@up/common/contracts/customers';
import { SubmitButton } from '../../components/Buttons.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { FormError, Success } from '../../components/Messages.tsx';
import { useServerFieldError } from '../../lib/errors.ts';
import { ContractsTable } from '../contracts/ContractsTable.tsx';
import { useFields } from './shared.ts';
import { useAddContract } from './staff.api.ts';

/*
 * The choices of the form, in this order. (The contract's CONTRACT_TYPES and CONTRACT_STATUSES are built
 * with TypeBox at run time, which the web does not bundle; a Record makes the typecheck fail when the
 * contract gains or loses a type or status until it is listed here too.)
 */
const CONTRACT_TYPE_CHOICES: Record<ContractType, true> = {
  electricity_supply: true,
  gas_supply: true,
  grid_connection: true,
  ev_charging: true,
  radio_permit: true,
  product_purchase: true,
  additional_service: true,
};
const CONTRACT_STATUS_CHOICES: Record<ContractStatus, true> = { pending: true, active: true, suspended: true, ended: true };
const CONTRACT_TYPES = Object.keys(CONTRACT_TYPE_CHOICES) as ContractType[];
const CONTRACT_STATUSES = Object.keys(CONTRACT_STATUS_CHOICES) as ContractStatus[];

export function ContractsSection({ customerId, contracts }: { customerId: string; contracts: Contract[] }) {
  const { t } = useTranslation('staff');
  return (
    <section className="card" aria-labelledby="staff-contracts-title">
      <h2 id="staff-contracts-title">{t('contracts.title')}</h2>
      {contracts.length === 0 ? (
        <p className="muted">{t('contracts.empty')}</p>
      ) : (
        <ContractsTable contracts={contracts} caption={t('contracts.caption')} />
      )}
      <AddContractForm customerId={customerId} />
    </section>
  );
}

const EMPTY = { type: CONTRACT_TYPES[0] as string, number: '', status: 'active', startsOn: '' };
const FIELDS = ['type', 'number', 'status', 'startsOn'];

function AddContractForm({ customerId }: { customerId: string }) {
  const { t } = useTranslation('staff');
  const { values, bind, reset } = useFields(EMPTY);
  const [missing, setMissing] = useState(false);
  const add = useAddContract(customerId);
  const fieldError = useServerFieldError(add.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const isMissing = !values.number.trim();
    setMissing(isMissing);
    if (isMissing) return;
    add.mutate(
      {
        // the selects offer only these
        type: values.type as ContractType,
        number: values.number.trim(),
        status: values.status as ContractStatus,
        startsOn: values.startsOn || undefined,
      },
      { onSuccess: reset },
    );
  }

  // the contract types and statuses in the words of the contracts table above
  const main = { ns: 'translation' } as const;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="staff-add-contract-title" className="form staff-subform">
      <h3 id="staff-add-contract-title">{t('contracts.add')}</h3>
      <div className="staff-grid">
        <SelectField
          {...bind('type')}
          label={t('contracts.type')}
          options={CONTRACT_TYPES.map((type) => ({ value: type, label: t(`contractType.${type}`, main) }))}
          error={fieldError('type')}
        />
        <TextField
          {...bind('number')}
          label={t('contracts.number')}
          required
          markRequired
          error={missing ? t('validation.required') : fieldError('number')}
        />
        <SelectField
          {...bind('status')}
          label={t('contracts.status')}
          options={CONTRACT_STATUSES.map((s) => ({ value: s, label: t(`contractStatus.${s}`, main) }))}
          error={fieldError('status')}
        />
        <TextField {...bind('startsOn')} type="date" label={t('contracts.startsOn')} error={fieldError('startsOn')} />
      </div>
      <FormError error={add.error} fields={FIELDS} />
      <Success>{add.isSuccess ? t('contracts.added') : null}</Success>
      <div className="actions">
        <SubmitButton busy={add.isPending}>{t('contracts.submit')}</SubmitButton>
      </div>
    </form>
  );
}
