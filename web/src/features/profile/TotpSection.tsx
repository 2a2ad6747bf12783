import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@up/common/contracts/accounts';
import { ConfirmWithPassword } from '../../components/ConfirmWithPassword.tsx';
import { TextField } from '../../components/Fields.tsx';
import { FormError, Success } from '../../components/Messages.tsx';
import { useServerFieldError } from '../../lib/errors.ts';
import { useDisableTotp, useEnableTotp, useSetUpTotp } from './profile.api.ts';
import './TotpSection.css';

/** An optional second factor: a code from an authenticator app (TOTP) after the password. */
export function TotpSection({ user }: { user: SessionUser }) {
  return user.totpEnabled ? <DisableTotp /> : <SetUpTotp />;
}

function SetUpTotp() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const setup = useSetUpTotp();
  const enable = useEnableTotp();
  const fieldError = useServerFieldError(enable.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    enable.mutate({ code: code.replace(/\s/g, '') });
  };

  if (!setup.data) {
    return (
      <>
        <p>{t('totp.off')}</p>
        <FormError error={setup.error} />
        <button type="button" className="button" onClick={() => setup.mutate()} disabled={setup.isPending}>
          {t('totp.setUp')}
        </button>
      </>
    );
  }
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p>{t('totp.instructions')}</p>
      <img className="qr-code" src={setup.data.qrCode} alt={t('totp.qrCode')} width={200} height={200} />
      <dl className="facts facts--stacked">
        <div>
          <dt>{t('totp.secret')}</dt>
          <dd>
            <code className="secret">{setup.data.secret}</code>
          </dd>
        </div>
        <div>
          <dt>{t('totp.url')}</dt>
          <dd>
            <code className="secret">{setup.data.otpauthUrl}</code>
          </dd>
        </div>
      </dl>
      <TextField
        label={t('login.code')}
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
        onChange={setCode}
        required
        maxLength={10}
        error={fieldError('code')}
      />
      <FormError error={enable.error} fields={['code']} />
      <div className="actions">
        <button type="submit" className="button" disabled={enable.isPending || !code.trim()}>
          {t('totp.enable')}
        </button>
      </div>
    </form>
  );
}

function DisableTotp() {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const disable = useDisableTotp();
  return (
    <ConfirmWithPassword
      intro={<Success>{t('totp.on')}</Success>}
      hint={t('totp.disableHint')}
      password={password}
      onPasswordChange={setPassword}
      error={disable.error}
      busy={disable.isPending}
      submitLabel={t('totp.disable')}
      onSubmit={() => disable.mutate({ password }, { onSuccess: () => setPassword('') })}
    />
  );
}
