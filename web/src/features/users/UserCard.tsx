import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerUser } from '@up/common/contracts/accounts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormError, Success } from '../../components/Messages.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { RightsFieldset } from './RightsFieldset.tsx';
import { useChangeRights, useRemoveUser } from './users.api.ts';

/** One user of the customer; the main user changes an additional user's rights or removes them (ACC-10, ACC-13). */
export function UserCard({ customerId, user }: { customerId: string; user: CustomerUser }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [rights, setRights] = useState<string[]>(user.rights);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const save = useChangeRights(customerId, user.membershipId);
  const remove = useRemoveUser(customerId, user.membershipId);
  const isMain = user.role === 'main';
  const changed = [...rights].sort().join() !== [...user.rights].sort().join();

  return (
    <li className="card user-card">
      <h3>{user.fullName}</h3>
      <p className="muted">
        {user.email} · {t(`role.${user.role}`)} · {t(`userStatus.${user.status}`)} · {t('users.since', { date: formatDate(user.since, lang) })}
      </p>
      {isMain ? (
        <p>{t('users.mainHasAll')}</p>
      ) : (
        <>
          <RightsFieldset legend={t('users.rightsOf', { name: user.fullName })} value={rights} onChange={setRights} />
          {save.isSuccess && !changed && <Success>{t('common.saved')}</Success>}
          <FormError error={save.error} />
          <FormError error={remove.error} />
          <div className="actions">
            <button type="button" className="button" onClick={() => save.mutate({ rights })} disabled={!changed || save.isPending}>
              {t('users.saveRights')}
            </button>
            <button type="button" className="button button--danger" onClick={() => setConfirmRemove(true)}>
              {t('users.remove')}
            </button>
          </div>
          <ConfirmDialog
            open={confirmRemove}
            title={t('users.removeTitle', { name: user.fullName })}
            confirmLabel={t('users.remove')}
            danger
            busy={remove.isPending}
            onConfirm={() => remove.mutate(undefined, { onSuccess: () => setConfirmRemove(false) })}
            onCancel={() => setConfirmRemove(false)}
          >
            <p>{t('users.removeText')}</p>
          </ConfirmDialog>
        </>
      )}
    </li>
  );
}
