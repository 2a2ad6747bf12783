import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerTermChange } from '@up/common/contracts/contract-lifecycle';
import { addDays } from '@up/common/riga-time';
import { useActiveCustomer } from '../../api/session.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorMessage } from '../../components/Messages.tsx';
import { formatDate } from '../../lib/format.ts';
import { useErrorMessage } from '../../lib/errors.ts';
import { useLang } from '../../lib/useLang.ts';
import { useLeaveTermChange, useTermChanges } from './Withdrawal.api.ts';
import { WITHDRAWAL_NAMESPACE } from './Withdrawal.i18n.ts';
import './Withdrawal.css';

/**
 * BIL-14 on the contracts page: announced changes of the customer's contract terms with what changes, and (for the
 * main user) "Leave before <day>" until the change takes effect; otherwise it stands as accepted.
 */
export function TermChangeSection() {
  const { t } = useTranslation(WITHDRAWAL_NAMESPACE);
  const { t: tc } = useTranslation();
  const lang = useLang();
  const customer = useActiveCustomer();
  const changes = useTermChanges(customer?.id);
  const leave = useLeaveTermChange(customer?.id);
  const errorMessage = useErrorMessage();
  const [confirming, setConfirming] = useState<CustomerTermChange | null>(null);
  if (!customer || !changes.data || changes.data.length === 0) return null;
  return (
    <section className="lifecycle" aria-labelledby="term-change-title">
      <h2 id="term-change-title">{t('termChange.title')}</h2>
      {leave.error ? <ErrorMessage>{errorMessage(leave.error)}</ErrorMessage> : null}
      <ul className="lifecycle__list">
        {changes.data.map((change) => (
          <li key={`${change.id}:${change.contractId}`} className="lifecycle__item lifecycle__item--block">
            <strong>
              {t('termChange.item', {
                number: change.contractNumber, type: tc(`contractType.${change.contractType}`, { defaultValue: change.contractType }),
                version: change.termsVersion, effectiveOn: formatDate(change.effectiveOn, lang),
              })}
            </strong>
            <p>{change.summary[lang]}</p>
            {change.outcome === 'left' ? <p className="muted">{t('termChange.left')}</p> : null}
            {change.outcome === 'accepted' ? <p className="muted">{t('termChange.accepted')}</p> : null}
            {change.mayLeave ? (
              <>
                <p className="muted">{t('termChange.willStand', { effectiveOn: formatDate(change.effectiveOn, lang) })}</p>
                {customer.role === 'main' ? (
                  <button type="button" className="button button--secondary" onClick={() => setConfirming(change)}>
                    {t('termChange.leave', { effectiveOn: formatDate(change.effectiveOn, lang) })}
                  </button>
                ) : null}
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={confirming !== null}
        title={t('termChange.confirmTitle', { number: confirming?.contractNumber ?? '' })}
        confirmLabel={t('termChange.confirm')}
        danger
        busy={leave.isPending}
        onConfirm={() => {
          if (confirming) leave.mutate({ termChangeId: confirming.id, contractId: confirming.contractId }, { onSettled: () => setConfirming(null) });
        }}
        onCancel={() => setConfirming(null)}
      >
        <p>{t('termChange.confirmText', { lastDay: formatDate(confirming ? addDays(confirming.effectiveOn, -1) : null, lang) })}</p>
      </ConfirmDialog>
    </section>
  );
}
