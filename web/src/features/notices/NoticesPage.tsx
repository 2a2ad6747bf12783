import { useTranslation } from 'react-i18next';
import type { Notice } from '@up/common/contracts/notifications';
import { useSession } from '../../api/session.ts';
import { FormError, PageHeading, QueryState } from '../../components/Messages.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { useMarkNoticeRead, useNotices } from './notices.api.ts';
import './NoticesPage.css';

/** GRD-7: a notice put here counts as received once it is available. */
export default function NoticesPage() {
  const { t } = useTranslation();
  const notices = useNotices();
  return (
    <div className="page page--narrow">
      <PageHeading>{t('notices.title')}</PageHeading>
      <p>{t('notices.intro')}</p>
      <QueryState isPending={notices.isPending} error={notices.error}>
        {notices.data?.length === 0 ? (
          <p>{t('notices.none')}</p>
        ) : (
          <ul className="card-list">
            {notices.data?.map((n) => (
              <NoticeItem key={n.id} notice={n} />
            ))}
          </ul>
        )}
      </QueryState>
    </div>
  );
}

function NoticeItem({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const lang = useLang();
  const customers = useSession().data?.user?.customers ?? [];
  const customerName = customers.find((c) => c.id === notice.customerId)?.name;
  const markRead = useMarkNoticeRead(notice.id);
  const unread = !notice.readAt;
  return (
    <li className={unread ? 'card notice notice--unread' : 'card notice'}>
      <h2 className="notice__title">
        {unread && <span className="badge badge--new">{t('notices.new')}</span>} {notice.title}
      </h2>
      <p className="muted">
        {formatDateTime(notice.createdAt, lang)}
        {customerName && ` · ${customerName}`}
        {notice.readAt && ` · ${t('notices.readAt', { time: formatDateTime(notice.readAt, lang) })}`}
      </p>
      <div className="notice__body">{notice.body}</div>
      <FormError error={markRead.error} />
      {unread && (
        <div className="actions">
          <button type="button" className="button button--secondary button--small" onClick={() => markRead.mutate()} disabled={markRead.isPending}>
            {t('notices.markRead')}
          </button>
        </div>
      )}
    </li>
  );
}
