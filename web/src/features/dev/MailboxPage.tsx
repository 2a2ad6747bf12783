import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useOperator } from '../../api/session.ts';
import { PageHeading, QueryState } from '../../components/Messages.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { useCaughtMail } from './dev.api.ts';
import './MailboxPage.css';

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** Plain text with its web addresses turned into links (so a tester can click activation links). */
function LinkedText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

/** DEV_MODE only: the mail caught by the local SMTP catcher, newest first. */
export default function MailboxPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const operator = useOperator();
  const devMode = Boolean(operator.data?.devMode);
  const mail = useCaughtMail(devMode);
  const sorted = [...(mail.data ?? [])].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));

  return (
    <div className="page">
      <PageHeading>{t('mailbox.title')}</PageHeading>
      {operator.data && !devMode ? (
        <p className="alert alert--info">{t('mailbox.off')}</p>
      ) : (
        <QueryState isPending={operator.isPending || mail.isPending} error={mail.error}>
          {sorted.length === 0 ? (
            <p>{t('mailbox.empty')}</p>
          ) : (
            <ul className="card-list">
              {sorted.map((m) => (
                <li key={m.id} className="card mail">
                  <h2 className="mail__subject">{m.subject}</h2>
                  <p className="muted">
                    {t('mailbox.to')}: {m.to} · {t('mailbox.from')}: {m.from} · {formatDateTime(m.receivedAt, lang)}
                  </p>
                  <div className="mail__text">
                    <LinkedText text={m.text} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      )}
    </div>
  );
}
