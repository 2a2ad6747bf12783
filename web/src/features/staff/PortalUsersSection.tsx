import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { TextArea } from '../../components/Fields.tsx';
import { FormError, Success } from '../../components/Messages.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import type { PortalUser } from './types.ts';

type Action = 'unblock' | 'requireNewPassword' | 'block' | 'deny' | 'delete';

function isLocked(user: PortalUser): boolean {
  if (user.lockedUntil) return Date.parse(user.lockedUntil) > Date.now();
  return user.locked === true;
}

function request(action: Action, user: PortalUser, reason: string) {
  const userPath = `/api/staff/users/${encodeURIComponent(user.userId)}`;
  switch (action) {
    case 'unblock': // ACC-7: lifts a temporary lockout and a staff block
      return api.post(`${userPath}/unblock`);
    case 'requireNewPassword': // ACC-6: when compromise of the password is suspected
      return api.post(`${userPath}/require-password-change`);
    case 'block': // ACC-13: on suspicion of unlawful use
      return api.post(`${userPath}/block`, { reason });
    case 'deny': // ACC-13: the customer asked to deny this user
      return api.post(`/api/staff/memberships/${encodeURIComponent(user.membershipId)}/deny`);
    case 'delete': // ACC-12: on the customer's request
      return api.delete(userPath);
  }
}

/** The customer's portal users and what staff can do about them. */
export function PortalUsersSection({ users }: { users: PortalUser[] }) {
  const { t } = useTranslation('staff');
  const queryClient = useQueryClient();
  // The dialog stays mounted so that closing it returns focus to the button that opened it.
  const [confirming, setConfirming] = useState<{ action: Exclude<Action, 'unblock'>; user: PortalUser } | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState('');
  const act = useMutation({
    mutationFn: ({ action, user }: { action: Action; user: PortalUser }) => request(action, user, reason.trim()),
    onSuccess: (_answer, { action, user }) => {
      setDone(t(`users.done.${action}`, { name: user.fullName }));
      setDialogOpen(false);
      return queryClient.invalidateQueries({ queryKey: ['staff'] });
    },
  });

  function open(action: Exclude<Action, 'unblock'>, user: PortalUser) {
    act.reset();
    setDone('');
    setReason('');
    setConfirming({ action, user });
    setDialogOpen(true);
  }

  return (
    <section className="card" aria-labelledby="staff-users-title">
      <h2 id="staff-users-title">{t('users.title')}</h2>
      {users.length === 0 ? (
        <p className="muted">{t('users.empty')}</p>
      ) : (
        <TableWrap label={t('users.caption')}>
          <table>
            <caption className="visually-hidden">{t('users.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fields.fullName')}</th>
                <th scope="col">{t('fields.email')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <UserRow
                  key={user.membershipId}
                  user={user}
                  busy={act.isPending}
                  onUnblock={() => {
                    setDone('');
                    act.mutate({ action: 'unblock', user });
                  }}
                  onOpen={(action) => open(action, user)}
                />
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {dialogOpen ? null : <FormError error={act.error} />}
      <Success>{done}</Success>
      {confirming ? (
        <ConfirmDialog
          open={dialogOpen}
          title={t(`users.confirm.${confirming.action}.title`, { name: confirming.user.fullName })}
          confirmLabel={t(`users.confirm.${confirming.action}.button`)}
          danger
          busy={act.isPending}
          confirmDisabled={confirming.action === 'block' && !reason.trim()}
          onCancel={() => {
            setDialogOpen(false);
            act.reset();
          }}
          onConfirm={() => act.mutate(confirming)}
        >
          <p>{t(`users.confirm.${confirming.action}.text`, { name: confirming.user.fullName, email: confirming.user.email })}</p>
          {confirming.action === 'block' ? (
            <TextArea name="reason" label={t('users.blockReason')} required markRequired rows={3} value={reason} onChange={setReason} />
          ) : null}
          <FormError error={act.error} />
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function UserRow({ user, busy, onUnblock, onOpen }: {
  user: PortalUser;
  busy: boolean;
  onUnblock: () => void;
  onOpen: (action: Exclude<Action, 'unblock'>) => void;
}) {
  const { t } = useTranslation('staff');
  const lang = useLang();
  const blocked = user.status === 'blocked';
  const locked = isLocked(user);
  return (
    <tr>
      <th scope="row">{user.fullName}</th>
      <td>{user.email}</td>
      <td>{user.role ? t(`users.roles.${user.role}`) : ''}</td>
      <td>
        {blocked ? t('userStatus.blocked') : t(`userStatus.${user.status}`, { defaultValue: user.status })}
        {blocked && user.blockedReason ? <div className="muted">{t('users.blockedReason', { reason: user.blockedReason })}</div> : null}
        {user.mustChangePassword && user.status === 'active' ? <div className="muted">{t('users.newPasswordPending')}</div> : null}
        {locked ? (
          <div className="staff-locked">
            {user.lockedUntil ? t('userStatus.lockedUntil', { until: formatDateTime(user.lockedUntil, lang) }) : t('userStatus.locked')}
          </div>
        ) : null}
      </td>
      <td>
        <div className="actions">
          {blocked || locked ? (
            <button type="button" className="button button--small" disabled={busy} onClick={onUnblock}>
              {t('users.unblock')}
            </button>
          ) : null}
          {user.status === 'active' && !user.mustChangePassword ? (
            <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => onOpen('requireNewPassword')}>
              {t('users.requireNewPassword')}
            </button>
          ) : null}
          {blocked ? null : (
            <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => onOpen('block')}>
              {t('users.block')}
            </button>
          )}
          <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => onOpen('deny')}>
            {t('users.deny')}
          </button>
          <button type="button" className="button button--danger button--small" disabled={busy} onClick={() => onOpen('delete')}>
            {t('users.delete')}
          </button>
        </div>
      </td>
    </tr>
  );
}
