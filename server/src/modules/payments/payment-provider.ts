/**
 * BIL-15: online payment through a payment partner (a bank link, a card acquirer). The portal starts a payment at
 * the provider, sends the customer there, and learns the outcome from the provider's server-to-server notice —
 * never from the customer's browser coming back. A real provider plugs in by implementing this interface
 * (docs/PAYMENTS.md, "A payment provider"); the demo provider (demo-payment-provider.ts) is the one `npm start` runs.
 */
export interface StartedPayment {
  /** where to send the customer's browser */
  redirectUrl: string;
  /** the provider's id of the payment: the key of its notices */
  providerPaymentId: string;
}

export interface PaymentStart {
  /** the portal's id of the payment (the intent), given back in the notice */
  intentId: string;
  amountCents: number;
  description: string;
  /** where the provider sends the customer back */
  returnUrl: string;
  /** where the provider posts its notices */
  noticeUrl: string;
}

export interface ProviderNotice {
  /** the notice's own id (a provider sends the same notice again until answered) */
  noticeId: string;
  providerPaymentId: string;
  intentId: string;
  status: 'paid' | 'cancelled' | 'failed';
  amountCents: number;
  /** when the money was taken (for BIL-4, its Riga day is the day paid) */
  paidAt: Date | null;
}

export class NoticeRejected extends Error {}

export interface PaymentProvider {
  name: string;
  startPayment(payment: PaymentStart): Promise<StartedPayment>;
  /** the notice if its signature holds and it is fresh; otherwise throws NoticeRejected */
  verifyNotice(rawBody: string, headers: Record<string, string | string[] | undefined>, now: Date): ProviderNotice;
}
