import { useTranslation } from 'react-i18next';
import type { Order } from '@up/common/contracts/orders';
import { hasRight, useActiveCustomer, useOperator } from '../../api/session.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeading, QueryState } from '../../components/Messages.tsx';
import { NoCustomer } from '../../components/NoCustomer.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { NewOrderForm } from './NewOrderForm.tsx';
import { orderDescription } from './order-description.ts';
import { useOrders } from './orders.api.ts';

export default function OrdersPage() {
  const { t } = useTranslation();
  const customer = useActiveCustomer();
  const operator = useOperator().data;
  const mayOrder = hasRight(customer, 'sign_orders');
  const orders = useOrders(customer?.id, mayOrder);

  return (
    <div className="page">
      <PageHeading>{t('orders.title')}</PageHeading>
      {!customer ? (
        <NoCustomer />
      ) : !mayOrder ? (
        <p className="alert alert--info">{t('orders.noRight')}</p>
      ) : (
        <>
          <section className="card" aria-labelledby="new-order">
            <h2 id="new-order">{t('orders.newTitle')}</h2>
            <p>{t('orders.signedNote')}</p>
            {operator && operator.orderTypes.length > 0 ? (
              <NewOrderForm key={customer.id} customerId={customer.id} operator={operator} />
            ) : (
              <p>{t('orders.noTypes')}</p>
            )}
          </section>
          <section>
            <h2 id="order-list">{t('orders.listTitle')}</h2>
            <QueryState isPending={orders.isPending} error={orders.error}>
              {orders.data && <OrderTable orders={orders.data} />}
            </QueryState>
          </section>
        </>
      )}
    </div>
  );
}

function OrderTable({ orders }: { orders: Order[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <DataTable
      caption={t('orders.listTitle')}
      noCaption
      rows={orders}
      rowKey={(o) => o.id}
      empty={<p>{t('orders.none')}</p>}
      columns={[
        { key: 'created', header: t('orders.created'), cell: (o) => formatDateTime(o.submittedAt ?? o.createdAt, lang) || '—' },
        { key: 'type', header: t('orders.type'), cell: (o) => t(`orderType.${o.type}`, { defaultValue: o.type }) },
        {
          key: 'description',
          header: t('orders.description'),
          cell: (o) => orderDescription(o),
        },
        {
          key: 'signedBy',
          header: t('orders.signedBy'),
          cell: (o) => (o.createdBy === 'user' ? (
            <>
              {o.signedBy}
              {o.signedWith && <span className="muted"> ({t(`authMethod.${o.signedWith}`)})</span>}
            </>
          ) : t(`orders.createdBy.${o.createdBy}`)),
        },
        {
          key: 'status',
          header: t('orders.status'),
          cell: (o) => <span className={`badge badge--${o.status}`}>{t(`orderStatus.${o.status}`, { defaultValue: o.status })}</span>,
        },
      ]}
    />
  );
}

