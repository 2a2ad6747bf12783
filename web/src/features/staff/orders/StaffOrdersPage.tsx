import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StaffOrder } from '@up/common/contracts/orders';
import { DataTable } from '../../../components/DataTable.tsx';
import { FormError, PageHeading, QueryState } from '../../../components/Messages.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useLang } from '../../../lib/useLang.ts';
import { orderDescription } from '../../orders/order-description.ts';
import { STAFF_ORDERS_NAMESPACE, useChangeOrderStatus, useStaffOrders } from './staffOrders.api.ts';
import './StaffOrdersPage.css';

/**
 * The back office's order queue (GRD-6): every open order, the oldest first — the customers' signed orders and the
 * orders the portal made on suspension or restoration (BIL-11: disconnect or reconnect at the grid). Staff take one
 * in hand, mark it done or refuse it; the customer sees the status in its order list.
 */
export default function StaffOrdersPage() {
  const { t } = useTranslation(STAFF_ORDERS_NAMESPACE);
  const tr = useTranslation().t;
  const lang = useLang();
  const list = useStaffOrders();
  const change = useChangeOrderStatus();
  const act = (order: StaffOrder, status: 'in_progress' | 'done' | 'refused') => change.mutate({ orderId: order.id, status });
  return (
    <section className="page" aria-labelledby="staff-orders-title">
      <PageHeading id="staff-orders-title">{t('title')}</PageHeading>
      <p>{t('intro')}</p>
      <FormError error={change.error} messages={{ ORDER_CLOSED: t('errors.ORDER_CLOSED') }} />
      <QueryState isPending={list.isPending} error={list.error}>
        {list.data ? (
          <DataTable
            caption={t('caption')}
            captionHidden
            rows={list.data}
            rowKey={(order) => order.id}
            empty={<p>{t('none')}</p>}
            columns={[
              { key: 'created', header: t('created'), className: 'nowrap', cell: (order) => formatDateTime(order.submittedAt ?? order.createdAt, lang) },
              {
                key: 'customer', header: t('customer'), rowHeader: true,
                cell: (order) => (
                  <>
                    <Link to={`/staff/customers/${encodeURIComponent(order.customerId)}`}>{order.customerName}</Link>
                    <span className="muted staff-order-number">{order.customerNumber}</span>
                  </>
                ),
              },
              {
                key: 'order', header: t('type'),
                cell: (order) => (
                  <>
                    {tr(`orderType.${order.type}`, { defaultValue: order.type })}
                    <span className="muted staff-order-description">{orderDescription(order)}</span>
                  </>
                ),
              },
              {
                key: 'by', header: t('by'),
                cell: (order) => (order.createdBy === 'user' ? order.signedBy : tr(`orders.createdBy.${order.createdBy}`)),
              },
              // the status above the buttons, as the order above what it is about: the queue fits the back office's width at 1280 px
              {
                key: 'status', header: t('status'),
                cell: (order) => (
                  <div className="staff-order-status">
                    <span className={`badge badge--${order.status}`}>{tr(`orderStatus.${order.status}`, { defaultValue: order.status })}</span>
                    <div className="actions">
                      {order.status === 'submitted' ? (
                        <button type="button" className="button button--secondary button--small" disabled={change.isPending}
                          aria-label={t('takeLabel', { customer: order.customerName })} onClick={() => act(order, 'in_progress')}>
                          {t('take')}
                        </button>
                      ) : null}
                      <button type="button" className="button button--small" disabled={change.isPending}
                        aria-label={t('doneLabel', { customer: order.customerName })} onClick={() => act(order, 'done')}>
                        {t('done')}
                      </button>
                      <button type="button" className="button button--secondary button--small" disabled={change.isPending}
                        aria-label={t('refuseLabel', { customer: order.customerName })} onClick={() => act(order, 'refused')}>
                        {t('refuse')}
                      </button>
                    </div>
                  </div>
                ),
              },
            ]}
          />
        ) : null}
      </QueryState>
    </section>
  );
}
