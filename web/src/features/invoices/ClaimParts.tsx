import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ClaimView } from '@up/common/contracts/billing';
import { formatMoney } from '@up/common/money';
import { rigaDate } from '@up/common/riga-time';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { CLAIMS_NAMESPACE } from './ClaimTexts.ts';
import './claims.css';

/** The pieces of a claim (BIL-7) the invoice page, the claims page and the back office's queue show. */

const STATUS_CLASS: Record<ClaimView['status'], string> = {
  open: 'badge badge--pending',
  accepted: 'badge badge--done',
  rejected: 'badge badge--failed',
};

/** Being reviewed, accepted or rejected, as a badge whose word says it. */
export function ClaimStatusBadge({ status }: { status: ClaimView['status'] }) {
  const { t } = useTranslation(CLAIMS_NAMESPACE);
  return <span className={STATUS_CLASS[status]}>{t(`status.${status}`)}</span>;
}

/** The decision in words: the correction the next invoice carries (accepted), the reason, the day; nothing while open. */
export function ClaimDecision({ claim }: { claim: ClaimView }) {
  const { t } = useTranslation(CLAIMS_NAMESPACE);
  const lang = useLang();
  if (claim.status === 'open') return <>—</>;
  return (
    <>
      {claim.correctionCents !== null ? <strong className="claim-correction">{t('claim.correction', { amount: formatMoney(claim.correctionCents, lang) })}</strong> : null}
      {claim.decisionReason ? <span className="claim-reason">{t('claim.reason', { reason: claim.decisionReason })}</span> : null}
      {claim.decidedAt ? <span className="muted claim-reason">{t('claim.decidedOn', { date: formatDate(dayOf(claim.decidedAt), lang) })}</span> : null}
    </>
  );
}

/** The way to the customer's claims (BIL-7), from the invoices and each invoice. */
export function ClaimsLink() {
  const { t } = useTranslation(CLAIMS_NAMESPACE);
  return <p className="claims-link"><Link to="/claims">{t('list.link')}</Link></p>;
}

/** The Riga day of an instant the API answers (a claim's filing or decision). */
export function dayOf(iso: string): string {
  return rigaDate(new Date(iso));
}

/** The amount the customer disputes, or a dash. */
export function ClaimedAmount({ claim }: { claim: ClaimView }) {
  const lang = useLang();
  return <>{claim.amountCents === null ? '—' : formatMoney(claim.amountCents, lang)}</>;
}
