import { useTranslation } from 'react-i18next';
import type { Order } from '@up/common/contracts/orders';
import { hasRight, useActiveCustomer, useOperator } from '../../api/session.ts';
import { PageHeading, QueryState } from '../../components/Messages.tsx';
import { NoCustomer } from '../../components/NoCustomer.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { TableWrap } from '../../components/TableWrap.tsx';
import { NewOrderForm } from './NewOrderForm.tsx';
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
  if (orders.length === 0) return <p>{t('orders.none')}</p>;
  return (
    <TableWrap label={t('orders.listTitle')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('orders.created')}</th>
            <th scope="col">{t('orders.type')}</th>
            <th scope="col">{t('orders.description')}</th>
            <th scope="col">{t('orders.signedBy')}</th>
            <th scope="col">{t('orders.status')}</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.id}>
              <td>{formatDateTime(o.submittedAt ?? o.createdAt, lang) || '—'}</td>
              <td>{t(`orderType.${o.type}`, { defaultValue: o.type })}</td>
              <td>{typeof o.payload.description === 'string' ? o.payload.description : ''}</td>
              <td>
                {o.signedBy}
                {o.signedWith && <span className="muted"> ({t(`authMethod.${o.signedWith}`)})</span>}
              </td>
              <td>
                <span className={`badge badge--${o.status}`}>{t(`orderStatus.${o.status}`, { defaultValue: o.status })}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
