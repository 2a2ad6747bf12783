import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { CustomerUser } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormError, Success } from '../../components/Messages.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { customerPath } from '../customer.ts';
import { RightsFieldset } from './RightsFieldset.tsx';

/** One user of the customer; the main user changes an additional user's rights or removes them (ACC-10, ACC-13). */
export function UserCard({ customerId, user }: { customerId: string; user: CustomerUser }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const [rights, setRights] = useState<string[]>(user.rights);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['customer', customerId] });
  const save = useMutation({
    mutationFn: () => api.patch(customerPath(customerId, `users/${user.membershipId}`), { rights }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => api.delete(customerPath(customerId, `users/${user.membershipId}`)),
    onSuccess: () => {
      setConfirmRemove(false);
      void refresh();
    },
  });
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
            <button type="button" className="button" onClick={() => save.mutate()} disabled={!changed || save.isPending}>
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
            onConfirm={() => remove.mutate()}
            onCancel={() => setConfirmRemove(false)}
          >
            <p>{t('users.removeText')}</p>
          </ConfirmDialog>
        </>
      )}
    </li>
  );
}
