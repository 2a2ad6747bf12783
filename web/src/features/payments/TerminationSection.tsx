import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contract } from '@up/common/contracts/customers';
import { useActiveCustomer, useOperator } from '../../api/session.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { SelectField } from '../../components/Fields.tsx';
import { ErrorMessage, Success } from '../../components/Messages.tsx';
import { formatDate } from '../../lib/format.ts';
import { useErrorMessage } from '../../lib/errors.ts';
import { useLang } from '../../lib/useLang.ts';
import { mayUsePayments } from './payments.api.ts';
import { useGiveNotice, useTerminationPreview } from './Suspension.api.ts';
import { SUSPENSION_NAMESPACE } from './Suspension.i18n.ts';
import './Suspension.css';

/**
 * BIL-12 on the contracts page: the main user ends a running contract with 5 working days' notice. The end day is
 * asked from the server (its calendar skips weekends and Latvian public holidays) and shown before the confirmation.
 */
export function TerminationSection({ contracts }: { contracts: Contract[] }) {
  const { t } = useTranslation(SUSPENSION_NAMESPACE);
  const lang = useLang();
  const customer = useActiveCustomer();
  const operator = useOperator().data;
  const running = contracts.filter((contract) => (contract.status === 'active' || contract.status === 'suspended') && contract.endsOn === null);
  const [chosen, setChosen] = useState('');
  const [confirming, setConfirming] = useState(false);
  const contractId = chosen || running[0]?.id;
  const preview = useTerminationPreview(customer?.id, contractId);
  const notice = useGiveNotice(customer?.id);
  const errorMessage = useErrorMessage();
  if (!customer || customer.role !== 'main' || !mayUsePayments(customer, operator)) return null;
  const given = notice.data;
  return (
    <section className="termination" aria-labelledby="termination-title">
      <h2 id="termination-title">{t('termination.title')}</h2>
      {given ? (
        <Success>{t('termination.given', { number: given.number, endsOn: formatDate(given.endsOn, lang) })}</Success>
      ) : running.length === 0 ? (
        <p className="muted">{t('termination.none')}</p>
      ) : (
        <>
          <p>{t('termination.intro')}</p>
          <SelectField
            label={t('termination.contract')}
            value={contractId ?? ''}
            onChange={setChosen}
            options={running.map((contract) => ({ value: contract.id, label: contract.number }))}
          />
          {preview.data && !preview.data.given ? (
            <p className="termination__preview">
              {t('termination.preview', { number: preview.data.number, endsOn: formatDate(preview.data.endsOn, lang) })}
            </p>
          ) : null}
          {notice.error ? <ErrorMessage>{errorMessage(notice.error)}</ErrorMessage> : null}
          <button type="button" className="button button--danger" disabled={!preview.data || preview.data.given} onClick={() => setConfirming(true)}>
            {t('termination.start')}
          </button>
          <ConfirmDialog
            open={confirming}
            title={t('termination.confirmTitle', { number: preview.data?.number ?? '' })}
            confirmLabel={t('termination.confirm')}
            danger
            busy={notice.isPending}
            onConfirm={() => {
              if (contractId) notice.mutate(contractId, { onSettled: () => setConfirming(false) });
            }}
            onCancel={() => setConfirming(false)}
          >
            <p>{t('termination.confirmText', { endsOn: formatDate(preview.data?.endsOn, lang) })}</p>
          </ConfirmDialog>
        </>
      )}
    </section>
  );
}
