import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LifecycleContract } from '@up/common/contracts/contract-lifecycle';
import { formatMoney } from '@up/common/money';
import { useActiveCustomer } from '../../api/session.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorMessage, Success } from '../../components/Messages.tsx';
import { formatDate } from '../../lib/format.ts';
import { useErrorMessage } from '../../lib/errors.ts';
import { useLang } from '../../lib/useLang.ts';
import { useWithdraw } from './Withdrawal.api.ts';
import { WITHDRAWAL_NAMESPACE } from './Withdrawal.i18n.ts';
import './Withdrawal.css';

/**
 * BIL-13 on the contracts page: each contract still within its 14 days with its last day, and (for the main user)
 * "Withdraw"; after a withdrawal, what was paid, what the service received was worth and the refund with its day.
 */
export function WithdrawalSection({ contracts }: { contracts: LifecycleContract[] }) {
  const { t } = useTranslation(WITHDRAWAL_NAMESPACE);
  const { t: tc } = useTranslation();
  const lang = useLang();
  const customer = useActiveCustomer();
  const withdraw = useWithdraw(customer?.id);
  const errorMessage = useErrorMessage();
  const [confirming, setConfirming] = useState<LifecycleContract | null>(null);
  const open = contracts.filter((contract) => contract.withdrawalLastDay !== null);
  const withdrawn = contracts.filter((contract) => contract.withdrawal !== null);
  if (!customer || (open.length === 0 && withdrawn.length === 0)) return null;
  const typeOf = (contract: LifecycleContract) => tc(`contractType.${contract.type}`, { defaultValue: contract.type });
  return (
    <section className="lifecycle" aria-labelledby="withdrawal-title">
      <h2 id="withdrawal-title">{t('withdrawal.title')}</h2>
      <p>{t('withdrawal.intro')}</p>
      {withdrawn.map((contract) => (
        <Success key={contract.id}>
          {t('withdrawal.done', {
            number: contract.number, withdrawnOn: formatDate(contract.withdrawal!.withdrawnOn, lang),
            paid: formatMoney(contract.withdrawal!.paidCents, lang), received: formatMoney(contract.withdrawal!.receivedCents, lang),
            refund: formatMoney(contract.withdrawal!.refundCents, lang), refundDueOn: formatDate(contract.withdrawal!.refundDueOn, lang),
          })}
        </Success>
      ))}
      {withdraw.error ? <ErrorMessage>{errorMessage(withdraw.error)}</ErrorMessage> : null}
      <ul className="lifecycle__list">
        {open.map((contract) => (
          <li key={contract.id} className="lifecycle__item">
            <span>{t('withdrawal.lastDay', { number: contract.number, type: typeOf(contract), lastDay: formatDate(contract.withdrawalLastDay, lang) })}</span>
            {customer.role === 'main' ? (
              <button type="button" className="button button--danger" onClick={() => setConfirming(contract)}>
                {t('withdrawal.start', { number: contract.number })}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={confirming !== null}
        title={t('withdrawal.confirmTitle', { number: confirming?.number ?? '' })}
        confirmLabel={t('withdrawal.confirm')}
        danger
        busy={withdraw.isPending}
        onConfirm={() => {
          if (confirming) withdraw.mutate(confirming.id, { onSettled: () => setConfirming(null) });
        }}
        onCancel={() => setConfirming(null)}
      >
        <p>{t('withdrawal.confirmText')}</p>
      </ConfirmDialog>
    </section>
  );
}
