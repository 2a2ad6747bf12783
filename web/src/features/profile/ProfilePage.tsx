import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session.ts';
import { PageHeading, Success } from '../../components/Messages.tsx';
import { ChangePasswordForm } from '../auth/ChangePasswordForm.tsx';
import { DataTokensSection } from './DataTokensSection.tsx';
import { EndPortalUse } from './EndPortalUse.tsx';
import { LinkCustomerForm } from './LinkCustomerForm.tsx';
import { ProfileForm } from './ProfileForm.tsx';
import { SessionsSection } from './SessionsSection.tsx';
import { TotpSection } from './TotpSection.tsx';

export default function ProfilePage() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const [passwordChanged, setPasswordChanged] = useState(false);
  if (!user) return null;
  return (
    <div className="page page--narrow">
      <PageHeading>{t('profile.title')}</PageHeading>
      <section className="card" aria-labelledby="profile-data">
        <h2 id="profile-data">{t('profile.dataTitle')}</h2>
        <ProfileForm user={user} />
      </section>
      <section className="card" aria-labelledby="profile-password">
        <h2 id="profile-password">{t('changePassword.title')}</h2>
        {passwordChanged && <Success>{t('changePassword.done')}</Success>}
        <ChangePasswordForm onDone={() => setPasswordChanged(true)} />
      </section>
      <section className="card" aria-labelledby="profile-totp">
        <h2 id="profile-totp">{t('totp.title')}</h2>
        <TotpSection user={user} />
      </section>
      <section className="card">
        <h2 id="profile-sessions">{t('sessions.title')}</h2>
        <SessionsSection />
      </section>
      <DataTokensSection />
      <section className="card" id="link-customer" aria-labelledby="profile-link">
        <h2 id="profile-link">{t('linkCustomer.title')}</h2>
        <p>{t('linkCustomer.intro')}</p>
        <LinkCustomerForm />
      </section>
      <section className="card card--danger" aria-labelledby="profile-end">
        <h2 id="profile-end">{t('profile.endUse.title')}</h2>
        <EndPortalUse />
      </section>
    </div>
  );
}
