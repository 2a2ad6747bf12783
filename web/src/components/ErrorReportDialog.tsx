import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useSendErrorReport, useSession } from '../api/session.ts';
import { useServerFieldError } from '../lib/errors.ts';
import { TextArea, TextField } from './Fields.tsx';
import { FormError, Success } from './Messages.tsx';
import './Buttons.css';
import './Dialog.css';

/** OPS-4: "Report an error" from any page; sends the current path along. */
export function ErrorReportButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        {t('errorReport.button')}
      </button>
      {open && <ErrorReportDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function ErrorReportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const loggedIn = Boolean(useSession().data?.user);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [message, setMessage] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const send = useSendErrorReport();
  const fieldError = useServerFieldError(send.error);

  useEffect(() => {
    ref.current?.showModal();
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate({
      page: (location.pathname + location.search).slice(0, 500),
      message,
      ...(contactEmail.trim() ? { contactEmail: contactEmail.trim() } : {}),
    });
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{t('errorReport.title')}</h2>
      {send.isSuccess ? (
        <>
          <Success>{t('errorReport.thanks')}</Success>
          <div className="actions">
            <button type="button" className="button" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <p>{t('errorReport.intro')}</p>
          <TextArea label={t('errorReport.message')} value={message} onChange={setMessage} required maxLength={4000} error={fieldError('message')} />
          {!loggedIn && (
            <TextField
              label={t('errorReport.contactEmail')}
              type="email"
              autoComplete="email"
              value={contactEmail}
              onChange={setContactEmail}
              error={fieldError('contactEmail')}
            />
          )}
          <FormError error={send.error} fields={['message', 'contactEmail']} />
          <div className="actions">
            <button type="submit" className="button" disabled={send.isPending || !message.trim()}>
              {t('errorReport.send')}
            </button>
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
