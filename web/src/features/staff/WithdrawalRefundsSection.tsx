import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RefundDue } from '@up/common/contracts/contract-lifecycle';
import { formatMoney } from '@up/common/money';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorMessage, QueryState } from '../../components/Messages.tsx';
import { useErrorMessage } from '../../lib/errors.ts';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { useStaffRole } from './shared.ts';
import { useMarkRefundPaidOut, useRefundsDue } from './TermChange.api.ts';
import { TERM_CHANGES_NAMESPACE } from './TermChange.i18n.ts';

/** BIL-13 on the staff payments page: withdrawal refunds, the earliest due first; administrators mark one paid out. */
export function WithdrawalRefundsSection() {
  const { t } = useTranslation(TERM_CHANGES_NAMESPACE);
  const lang = useLang();
  const refunds = useRefundsDue();
  const markPaid = useMarkRefundPaidOut();
  const errorMessage = useErrorMessage();
  const { role } = useStaffRole();
  return (
    <section className="card" aria-labelledby="withdrawal-refunds-title">
      <h2 id="withdrawal-refunds-title">{t('refunds.title')}</h2>
      <p>{t('refunds.intro')}</p>
      {markPaid.error ? <ErrorMessage>{errorMessage(markPaid.error)}</ErrorMessage> : null}
      <QueryState isPending={refunds.isPending} error={refunds.error}>
        <DataTable<RefundDue>
          caption={t('refunds.caption')}
          captionHidden
          rows={refunds.data ?? []}
          rowKey={(r) => r.contractId}
          empty={<p className="muted">{t('refunds.empty')}</p>}
          columns={[
            { key: 'customer', header: t('refunds.customer'), rowHeader: true, cell: (r) => <Link to={`/staff/customers/${encodeURIComponent(r.customerId)}`}>{r.customerName} ({r.customerNumber})</Link> },
            { key: 'contract', header: t('refunds.contract'), cell: (r) => r.contractNumber },
            { key: 'withdrawnOn', header: t('refunds.withdrawnOn'), cell: (r) => formatDate(r.withdrawnOn, lang) },
            { key: 'amount', header: t('refunds.amount'), cell: (r) => formatMoney(r.refundCents, lang) },
            { key: 'dueOn', header: t('refunds.dueOn'), cell: (r) => formatDate(r.refundDueOn, lang) },
            {
              key: 'paidOn',
              header: t('refunds.paidOn'),
              cell: (r) => r.refundPaidOn ? formatDate(r.refundPaidOn, lang) : role === 'administrator' ? (
                <button type="button" className="button button--secondary" aria-label={t('refunds.markPaidLabel', { number: r.contractNumber })}
                  disabled={markPaid.isPending} onClick={() => markPaid.mutate(r.contractId)}>
                  {t('refunds.markPaid')}
                </button>
              ) : '—',
            },
          ]}
        />
      </QueryState>
    </section>
  );
}
