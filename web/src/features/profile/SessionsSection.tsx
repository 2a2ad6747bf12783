import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { FormError, QueryState } from '../../components/Messages.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { describeUserAgent } from '../../lib/userAgent.ts';
import { useMySessions, useSignOutSession } from './profile.api.ts';

/** Where the user is logged in; any other session can be signed out. */
export function SessionsSection() {
  const { t } = useTranslation();
  const lang = useLang();
  const sessions = useMySessions();
  const signOut = useSignOutSession();

  return (
    <QueryState isPending={sessions.isPending} error={sessions.error}>
      <FormError error={signOut.error} />
      <DataTable
        caption={t('sessions.title')}
        noCaption
        rows={sessions.data ?? []}
        rowKey={(s) => s.id}
        rowClassName={(s) => (s.current ? 'row--current' : undefined)}
        columns={[
          {
            key: 'device',
            header: t('sessions.device'),
            className: 'wrap',
            title: (s) => s.userAgent,
            cell: (s) => <UserAgent userAgent={s.userAgent} />,
          },
          { key: 'method', header: t('sessions.method'), cell: (s) => t(`authMethod.${s.authMethod}`, { defaultValue: s.authMethod }) },
          { key: 'started', header: t('sessions.started'), cell: (s) => formatDateTime(s.createdAt, lang) },
          { key: 'lastSeen', header: t('sessions.lastSeen'), cell: (s) => formatDateTime(s.lastSeenAt, lang) },
          { key: 'ip', header: t('sessions.ip'), cell: (s) => s.ip },
          {
            key: 'actions',
            header: <span className="visually-hidden">{t('sessions.actions')}</span>,
            cell: (s) =>
              s.current ? (
                <strong>{t('sessions.current')}</strong>
              ) : (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => signOut.mutate(s.id)}
                  disabled={signOut.isPending}
                >
                  {t('sessions.signOut')}
                </button>
              ),
          },
        ]}
      />
    </QueryState>
  );
}

function UserAgent({ userAgent }: { userAgent: string }) {
  const { t } = useTranslation();
  const { browser, system } = describeUserAgent(userAgent);
  if (!browser && !system) return <>{userAgent || '—'}</>;
  if (!system) return <>{browser}</>;
  if (!browser) return <>{system}</>;
  return <>{t('sessions.browserOn', { browser, system })}</>;
}
