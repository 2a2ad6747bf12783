import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';

interface FieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
}

/** Label, control, hint and error wired together with ids, so screen readers read all of it. */
function FieldShell({ id, label, hint, error, required, children }: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation('staff');
  return (
    <div className="form-field">
      <label htmlFor={id}>
        {label}
        {required ? <span className="staff-required"> ({t('common.required')})</span> : null}
      </label>
      {children}
      {hint ? <p id={`${id}-hint`} className="muted staff-hint">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="error" role="alert">{error}</p> : null}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextField(props: FieldProps & {
  type?: 'text' | 'email' | 'tel' | 'password' | 'date' | 'datetime-local' | 'search';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel';
  /** values the browser offers while typing (a datalist); any other value may still be typed */
  suggestions?: { value: string; label: string }[];
}) {
  const id = useId() + props.name;
  return (
    <FieldShell id={id} label={props.label} hint={props.hint} error={props.error} required={props.required}>
      {props.suggestions ? (
        <datalist id={`${id}-suggestions`}>
          {props.suggestions.map((option) => <option key={option.value} value={option.value} label={option.label} />)}
        </datalist>
      ) : null}
      <input
        list={props.suggestions ? `${id}-suggestions` : undefined}
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        required={props.required}
        disabled={props.disabled}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      />
    </FieldShell>
  );
}

export function TextAreaField(props: FieldProps & { rows?: number; lang?: string; spellCheck?: boolean }) {
  const id = useId() + props.name;
  return (
    <FieldShell id={id} label={props.label} hint={props.hint} error={props.error} required={props.required}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        lang={props.lang}
        spellCheck={props.spellCheck}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        required={props.required}
        disabled={props.disabled}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      />
    </FieldShell>
  );
}

export function SelectField(props: FieldProps & { options: { value: string; label: string }[] }) {
  const id = useId() + props.name;
  return (
    <FieldShell id={id} label={props.label} hint={props.hint} error={props.error} required={props.required}>
      <select
        id={id}
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        required={props.required}
        disabled={props.disabled}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </FieldShell>
  );
}

/** The server's message for a failed request (or a generic one for network failures). */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation('staff');
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : t('common.genericError');
  return <p className="error" role="alert">{message}</p>;
}

/** A polite confirmation that something was done; the live region stays in place so it is announced. */
export function Done({ children, className = 'staff-done' }: { children: ReactNode; className?: string }) {
  return (
    <div role="status" className="staff-status">
      {children ? <p className={className}>{children}</p> : null}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation('staff');
  return <p className="muted" role="status">{t('common.loading')}</p>;
}

export function SubmitButton({ pending, children, className = 'button' }: {
  pending: boolean;
  children: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation('staff');
  return (
    <button type="submit" className={className} disabled={pending} aria-busy={pending || undefined}>
      {pending ? t('common.working') : children}
    </button>
  );
}

/**
 * A modal confirmation built on <dialog>: the browser traps focus, Escape cancels and focus returns to
 * the button that opened it.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onCancel, pending, confirmDisabled }: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  pending?: boolean;
  confirmDisabled?: boolean;
}) {
  const { t } = useTranslation('staff');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);
  return (
    <dialog ref={ref} className="card staff-dialog" aria-labelledby={titleId} onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="staff-actions">
        <button type="button" className="button button-danger" onClick={onConfirm} disabled={pending || confirmDisabled}>
          {pending ? t('common.working') : confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} autoFocus>
          {t('common.cancel')}
        </button>
      </div>
    </dialog>
  );
}
