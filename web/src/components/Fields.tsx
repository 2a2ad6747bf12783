import { useId, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './Fields.css';

interface FieldShellProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** shows "(required)" after the label */
  markRequired?: boolean;
  children: (describedBy: string | undefined) => ReactNode;
}

/** Label, control, hint and error, with the error linked through aria-describedby (role="alert"). */
function FieldShell({ id, label, hint, error, markRequired, children }: FieldShellProps) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {markRequired && <span className="field__required"> ({t('common.required')})</span>}
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {children(describedBy)}
      {error && (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** What every field takes besides its value. */
interface FieldProps {
  label: ReactNode;
  name?: string;
  required?: boolean;
  /** shows "(required)" after the label (the back office marks its required fields) */
  markRequired?: boolean;
  hint?: ReactNode;
  error?: string;
  /** 'off' where staff type in other people's data, so the browser does not offer their own */
  autoComplete?: string;
}

interface TextFieldProps extends FieldProps {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  type?: 'text' | 'email' | 'password' | 'tel' | 'search' | 'date' | 'datetime-local';
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  maxLength?: number;
  /** values the browser offers while typing (a datalist); any other value may still be typed */
  suggestions?: { value: string; label: string }[];
}

export function TextField({ label, value, onChange, onBlur, type = 'text', hint, error, markRequired, suggestions, ...rest }: TextFieldProps) {
  const id = useId();
  const listId = suggestions ? `${id}-suggestions` : undefined;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} markRequired={markRequired}>
      {(describedBy) => (
        <>
          <input
            id={id}
            type={type}
            value={value}
            onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
            onBlur={onBlur}
            list={listId}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            {...rest}
          />
          {suggestions && (
            <datalist id={listId}>
              {suggestions.map((option) => (
                <option key={option.value} value={option.value} label={option.label} />
              ))}
            </datalist>
          )}
        </>
      )}
    </FieldShell>
  );
}

interface PasswordFieldProps extends Omit<FieldProps, 'required' | 'autoComplete'> {
  value: string;
  onChange: (value: string) => void;
  /** 'current-password' to log in or confirm, 'new-password' to choose one, 'off' for a customer's service password */
  autoComplete: 'current-password' | 'new-password' | 'off';
}

/** A required password input. */
export function PasswordField(props: PasswordFieldProps) {
  return <TextField {...props} type="password" required />;
}

interface TextAreaProps extends FieldProps {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  maxLength?: number;
  /** the language of the text typed in, where it is not the page's (e.g. the Russian terms of use) */
  lang?: string;
  spellCheck?: boolean;
}

export function TextArea({ label, value, onChange, hint, error, markRequired, rows = 4, ...rest }: TextAreaProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} markRequired={markRequired}>
      {(describedBy) => (
        <textarea
          id={id}
          value={value}
          rows={rows}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...rest}
        />
      )}
    </FieldShell>
  );
}

interface SelectFieldProps extends FieldProps {
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}

export function SelectField({ label, value, onChange, options, hint, error, markRequired, ...rest }: SelectFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} markRequired={markRequired}>
      {(describedBy) => (
        <select
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...rest}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

interface FileFieldProps {
  label: ReactNode;
  accept?: string;
  onChange: (file: File | undefined) => void;
  hint?: ReactNode;
  error?: string;
}

/** A file chooser; gives the chosen file (or undefined when the choice is cleared). */
export function FileField({ label, accept, onChange, hint, error }: FileFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          id={id}
          type="file"
          accept={accept}
          onChange={(e) => onChange(e.target.files?.[0])}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldShell>
  );
}

interface CheckboxFieldProps {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
  required?: boolean;
}

export function CheckboxField({ label, checked, onChange, error, required }: CheckboxFieldProps) {
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'check field--invalid' : 'check'}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
      />
      <label htmlFor={id}>{label}</label>
      {error && (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface RadioGroupProps<T extends string> {
  legend: ReactNode;
  name: string;
  value: T;
  onChange: (value: T) => void;
  options: { value: T; label: ReactNode }[];
  error?: string;
  disabled?: boolean;
}

export function RadioGroup<T extends string>({ legend, name, value, onChange, options, error, disabled }: RadioGroupProps<T>) {
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className="radio-group" aria-describedby={errorId} disabled={disabled}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <div className="check" key={o.value}>
          <input
            id={`${id}-${o.value}`}
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
      {error && (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
