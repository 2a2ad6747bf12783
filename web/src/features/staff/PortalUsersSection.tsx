import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffPortalUser } from '@up/common/contracts/accounts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { TextArea } from '../../components/Fields.tsx';
import { FormError, Success } from '../../components/Messages.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { usePortalUserAction, type PortalUserAction } from './staff.api.ts';

/** A temporary lockout after failed logins (ACC-7) that has not run out yet. */
function isLocked(user: StaffPortalUser): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > Date.now();
}

/** The customer's portal users and what staff can do about them. */
export function PortalUsersSection({ users }: { users: StaffPortalUser[] }) {
  const { t } = useTranslation('staff');
  // The dialog stays mounted so that closing it returns focus to the button that opened it.
  const [confirming, setConfirming] = useState<{ action: Exclude<PortalUserAction, 'unblock'>; user: StaffPortalUser } | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState('');
  const act = usePortalUserAction();
  const run = (action: PortalUserAction, user: StaffPortalUser) =>
    act.mutate(
      { action, user, reason: reason.trim() },
      {
        onSuccess: () => {
          setDone(t(`users.done.${action}`, { name: user.fullName }));
          setDialogOpen(false);
        },
      },
    );

  function open(action: Exclude<PortalUserAction, 'unblock'>, user: StaffPortalUser) {
    act.reset();
    setDone('');
    setReason('');
    setConfirming({ action, user });
    setDialogOpen(true);
  }

  return (
    <section className="card" aria-labelledby="staff-users-title">
      <h2 id="staff-users-title">{t('users.title')}</h2>
      <DataTable
        caption={t('users.caption')}
        captionHidden
        rows={users}
        rowKey={(user) => user.membershipId}
        empty={<p className="muted">{t('users.empty')}</p>}
        columns={[
          { key: 'name', header: t('fields.fullName'), rowHeader: true, cell: (user) => user.fullName },
          { key: 'email', header: t('fields.email'), cell: (user) => user.email },
          { key: 'role', header: t('users.role'), cell: (user) => t(`users.roles.${user.role}`) },
          { key: 'status', header: t('users.status'), cell: (user) => <UserStatus user={user} /> },
          {
            key: 'actions',
            header: t('users.actions'),
            cell: (user) => (
              <UserActions
                user={user}
                busy={act.isPending}
                onUnblock={() => {
                  setDone('');
                  run('unblock', user);
                }}
                onOpen={(action) => open(action, user)}
              />
            ),
          },
        ]}
      />
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
          onConfirm={() => run(confirming.action, confirming.user)}
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

function UserStatus({ user }: { user: StaffPortalUser }) {
  const { t } = useTranslation('staff');
  const lang = useLang();
  const blocked = user.status === 'blocked';
  return (
    <>
      {blocked ? t('userStatus.blocked') : t(`userStatus.${user.status}`, { defaultValue: user.status })}
      {blocked && user.blockedReason ? <div className="muted">{t('users.blockedReason', { reason: user.blockedReason })}</div> : null}
      {user.mustChangePassword && user.status === 'active' ? <div className="muted">{t('users.newPasswordPending')}</div> : null}
      {isLocked(user) ? (
        <div className="staff-locked">
          {user.lockedUntil ? t('userStatus.lockedUntil', { until: formatDateTime(user.lockedUntil, lang) }) : t('userStatus.locked')}
        </div>
      ) : null}
    </>
  );
}

function UserActions({ user, busy, onUnblock, onOpen }: {
  user: StaffPortalUser;
  busy: boolean;
  onUnblock: () => void;
  onOpen: (action: Exclude<PortalUserAction, 'unblock'>) => void;
}) {
  const { t } = useTranslation('staff');
  const blocked = user.status === 'blocked';
  return (
    <div className="actions">
      {blocked || isLocked(user) ? (
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
  );
}
