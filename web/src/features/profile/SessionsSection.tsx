import { useTranslation } from 'react-i18next';
import { FormError, QueryState } from '../../components/Messages.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
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
      <TableWrap label={t('sessions.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('sessions.device')}</th>
              <th scope="col">{t('sessions.method')}</th>
              <th scope="col">{t('sessions.started')}</th>
              <th scope="col">{t('sessions.lastSeen')}</th>
              <th scope="col">{t('sessions.ip')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('sessions.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.data?.map((s) => (
              <tr key={s.id} className={s.current ? 'row--current' : undefined}>
                <td className="wrap" title={s.userAgent}>
                  <UserAgent userAgent={s.userAgent} />
                </td>
                <td>{t(`authMethod.${s.authMethod}`, { defaultValue: s.authMethod })}</td>
                <td>{formatDateTime(s.createdAt, lang)}</td>
                <td>{formatDateTime(s.lastSeenAt, lang)}</td>
                <td>{s.ip}</td>
                <td>
                  {s.current ? (
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
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
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
