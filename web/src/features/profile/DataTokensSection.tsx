import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedDataToken, DataToken } from '@up/common/contracts/data-tokens';
import type { ObjectList } from '@up/common/contracts/metering';
import { useActiveCustomer, useOperator } from '../../api/session.ts';
import { SubmitButton } from '../../components/Buttons.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { CheckboxField, RadioGroup, TextField } from '../../components/Fields.tsx';
import { FormError, QueryState, Success } from '../../components/Messages.tsx';
import { useServerFieldError } from '../../lib/errors.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import {
  checkTokenForm,
  curlExample,
  expiryBounds,
  lastValidDay,
  mayManageDataTokens,
  rigaToday,
  TOKEN_NAME_MAX,
  tokenObjectNames,
  tokenState,
  type TokenFormCheck,
  type TokenFormValues,
} from './dataTokens.ts';
import { useCreateDataToken, useDataTokens, useRevokeDataToken, useTokenObjects } from './dataTokens.api.ts';
import './DataTokensSection.css';

/**
 * The customer's data API tokens (issue 11, point 7): the main user gives a third party a read-only key to the
 * customer's objects and consumption, for all objects or chosen ones, expiring within a year, revocable at once.
 * Shown only to the main user where the metering module is on; the token itself is shown once, at creation.
 */
export function DataTokensSection() {
  const { t } = useTranslation();
  const customer = useActiveCustomer();
  const operator = useOperator().data;
  if (!customer || !mayManageDataTokens(operator, customer)) return null;
  return (
    <section className="card data-tokens" aria-labelledby="profile-data-tokens">
      <h2 id="profile-data-tokens">{t('dataTokens.title')}</h2>
      <p>{t('dataTokens.intro', { customer: customer.name })}</p>
      {/* keyed by customer: a switch to another customer starts afresh, and never shows the previous one's token */}
      <DataTokens key={customer.id} customerId={customer.id} />
    </section>
  );
}

function DataTokens({ customerId }: { customerId: string }) {
  const tokens = useDataTokens(customerId, true);
  const objects = useTokenObjects(customerId, true);
  const create = useCreateDataToken(customerId);

  return (
    <>
      {create.data ? <CreatedToken customerId={customerId} created={create.data} onDone={() => create.reset()} /> : null}
      <QueryState isPending={tokens.isPending} error={tokens.error}>
        <TokensTable customerId={customerId} tokens={tokens.data ?? []} objects={objects.data ?? []} />
      </QueryState>
      {create.data ? null : <NewTokenForm create={create} objects={objects} />}
    </>
  );
}

// ---- the list -------------------------------------------------------------------------------------------------

function TokensTable({ customerId, tokens, objects }: { customerId: string; tokens: DataToken[]; objects: ObjectList }) {
  const { t } = useTranslation();
  const lang = useLang();
  const revoke = useRevokeDataToken(customerId);
  // The dialog stays mounted so that closing it returns focus to the button that opened it.
  const [confirming, setConfirming] = useState<DataToken | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [done, setDone] = useState('');
  const now = new Date();

  function open(token: DataToken) {
    revoke.reset();
    setDone('');
    setConfirming(token);
    setDialogOpen(true);
  }

  return (
    <>
      <DataTable
        caption={t('dataTokens.caption')}
        captionHidden
        rows={tokens}
        rowKey={(token) => token.id}
        empty={<p className="muted">{t('dataTokens.empty')}</p>}
        columns={[
          {
            key: 'name',
            header: t('dataTokens.name'),
            rowHeader: true,
            className: 'wrap',
            cell: (token) => (
              <>
                {token.name}
                <br />
                <span className="muted data-tokens__created-by">
                  {t('dataTokens.created')} {formatDateTime(token.createdAt, lang)}, {token.createdBy}
                </span>
              </>
            ),
          },
          { key: 'objects', header: t('dataTokens.objects'), className: 'wrap', cell: (token) => <TokenObjects token={token} objects={objects} /> },
          {
            key: 'expires',
            header: t('dataTokens.expires'),
            className: 'nowrap',
            cell: (token) => formatDate(lastValidDay(token.expiresAt), lang),
          },
          {
            key: 'lastUsed',
            header: t('dataTokens.lastUsed'),
            className: 'nowrap',
            cell: (token) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt, lang) : t('dataTokens.never')),
          },
          {
            key: 'state',
            header: t('dataTokens.state'),
            cell: (token) => (
              <div className="data-tokens__state">
                <TokenStateBadge token={token} now={now} />
                {tokenState(token, now) === 'active' ? (
                  <button
                    type="button"
                    className="button button--danger button--small"
                    onClick={() => open(token)}
                    aria-label={t('dataTokens.revokeNamed', { name: token.name })}
                  >
                    {t('dataTokens.revoke')}
                  </button>
                ) : null}
              </div>
            ),
          },
        ]}
      />
      <Success>{done}</Success>
      {dialogOpen ? null : <FormError error={revoke.error} />}
      {confirming ? (
        <ConfirmDialog
          open={dialogOpen}
          title={t('dataTokens.revokeTitle', { name: confirming.name })}
          confirmLabel={t('dataTokens.revoke')}
          danger
          busy={revoke.isPending}
          onCancel={() => {
            setDialogOpen(false);
            revoke.reset();
          }}
          onConfirm={() =>
            revoke.mutate(confirming.id, {
              onSuccess: () => {
                setDone(t('dataTokens.revoked', { name: confirming.name }));
                setDialogOpen(false);
              },
            })
          }
        >
          <p>{t('dataTokens.revokeText')}</p>
          <FormError error={revoke.error} />
        </ConfirmDialog>
      ) : null}
    </>
  );
}

function TokenObjects({ token, objects }: { token: DataToken; objects: ObjectList }) {
  const { t } = useTranslation();
  const names = tokenObjectNames(token.objectIds, objects);
  if (names === null) return <>{t('dataTokens.allObjects')}</>;
  if (names.length === 1) return <>{names[0]}</>;
  return (
    <ul className="data-tokens__objects">
      {names.map((name, index) => (
        <li key={`${index} ${name}`}>{name}</li>
      ))}
    </ul>
  );
}

const BADGE = { active: 'badge badge--active', expired: 'badge', revoked: 'badge badge--failed' } as const;

function TokenStateBadge({ token, now }: { token: DataToken; now: Date }) {
  const { t } = useTranslation();
  const lang = useLang();
  const state = tokenState(token, now);
  return (
    <>
      <span className={BADGE[state]}>{t(`dataTokens.states.${state}`)}</span>
      {token.revokedAt ? (
        <>
          <br />
          <span className="muted data-tokens__when">{formatDateTime(token.revokedAt, lang)}</span>
        </>
      ) : null}
    </>
  );
}

// ---- creating one ---------------------------------------------------------------------------------------------

type CreateMutation = ReturnType<typeof useCreateDataToken>;
type ObjectsQuery = ReturnType<typeof useTokenObjects>;

function NewTokenForm({ create, objects }: { create: CreateMutation; objects: ObjectsQuery }) {
  const { t } = useTranslation();
  const lang = useLang();
  const today = rigaToday();
  const bounds = expiryBounds(today);
  const [values, setValues] = useState<TokenFormValues>({ name: '', scope: 'all', objectIds: [], expiresOn: bounds.initial });
  const [clientErrors, setClientErrors] = useState<TokenFormCheck['errors']>({});
  const fieldError = useServerFieldError(create.error);
  const objectsErrorId = useId();
  const set = <K extends keyof TokenFormValues>(key: K, value: TokenFormValues[K]) => setValues((prev) => ({ ...prev, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const { body, errors } = checkTokenForm(values, today);
    setClientErrors(errors);
    if (body) create.mutate(body);
  }

  const error = (field: keyof TokenFormCheck['errors']) => {
    const problem = clientErrors[field];
    return problem
      ? t(`dataTokens.validation.${problem}`, { max: TOKEN_NAME_MAX, min: formatDate(bounds.min, lang), last: formatDate(bounds.max, lang) })
      : fieldError(field);
  };
  const objectsError = error('objectIds');
  const list = objects.data ?? [];

  function toggle(objectId: string, checked: boolean) {
    set('objectIds', checked ? [...values.objectIds, objectId] : values.objectIds.filter((id) => id !== objectId));
  }

  return (
    <form className="form data-tokens__new" onSubmit={submit} noValidate aria-labelledby="data-token-new">
      <h3 id="data-token-new">{t('dataTokens.newTitle')}</h3>
      <TextField
        name="name"
        label={t('dataTokens.name')}
        hint={t('dataTokens.nameHint')}
        value={values.name}
        onChange={(value) => set('name', value)}
        maxLength={TOKEN_NAME_MAX}
        autoComplete="off"
        required
        error={error('name')}
      />
      <RadioGroup<TokenFormValues['scope']>
        legend={t('dataTokens.scope')}
        name="data-token-scope"
        value={values.scope}
        onChange={(value) => set('scope', value)}
        options={[
          { value: 'all', label: t('dataTokens.scopeAll') },
          { value: 'chosen', label: t('dataTokens.scopeChosen') },
        ]}
      />
      {values.scope === 'chosen' ? (
        <QueryState isPending={objects.isPending} error={objects.error}>
          {list.length === 0 ? (
            <p className="alert alert--info">{t('dataTokens.noObjects')}</p>
          ) : (
            <fieldset className="radio-group" aria-describedby={objectsError ? objectsErrorId : undefined}>
              <legend>{t('dataTokens.chooseObjects')}</legend>
              {list.map((object) => (
                <CheckboxField
                  key={object.id}
                  label={<ObjectLabel object={object} />}
                  checked={values.objectIds.includes(object.id)}
                  onChange={(checked) => toggle(object.id, checked)}
                />
              ))}
              {objectsError ? (
                <p id={objectsErrorId} className="field__error" role="alert">
                  {objectsError}
                </p>
              ) : null}
            </fieldset>
          )}
        </QueryState>
      ) : null}
      <TextField
        name="expiresOn"
        type="date"
        label={t('dataTokens.expiresOn')}
        hint={t('dataTokens.expiresOnHint', { min: formatDate(bounds.min, lang), last: formatDate(bounds.max, lang) })}
        value={values.expiresOn}
        onChange={(value) => set('expiresOn', value)}
        required
        error={error('expiresOn')}
      />
      <FormError
        error={create.error}
        fields={['name', 'objectIds', 'expiresOn']}
        messages={{ TOO_MANY_DATA_TOKENS: t('dataTokens.tooMany') }}
      />
      <div className="actions">
        <SubmitButton busy={create.isPending}>{t('dataTokens.create')}</SubmitButton>
      </div>
    </form>
  );
}

function ObjectLabel({ object }: { object: ObjectList[number] }) {
  const { t } = useTranslation();
  return (
    <>
      {object.address}
      {object.eic ? <span className="muted"> · {t('dataTokens.eic', { eic: object.eic })}</span> : null}
      {object.heldUntil ? <span className="muted"> · {t('dataTokens.formerObject')}</span> : null}
    </>
  );
}

// ---- the token, once ------------------------------------------------------------------------------------------

/** The new token in a read-only field to copy, with the example request; it is not shown again after "Done". */
function CreatedToken({ customerId, created, onDone }: { customerId: string; created: CreatedDataToken; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'' | 'token' | 'command' | 'failed'>('');
  const command = curlExample(window.location.origin, customerId, created.token);

  // Move focus to the new token's panel, so keyboard and screen reader users land on it.
  useEffect(() => headingRef.current?.focus(), []);

  async function copy(text: string, what: 'token' | 'command') {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      setCopied('failed');
      if (what === 'token') inputRef.current?.select();
    }
  }

  return (
    <section className="data-tokens__created" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('dataTokens.createdTitle', { name: created.dataToken.name })}
      </h3>
      <p>
        <strong>{t('dataTokens.copyNow')}</strong>
      </p>
      <div className="field">
        <label htmlFor={`${id}-token`}>{t('dataTokens.token')}</label>
        <input
          ref={inputRef}
          id={`${id}-token`}
          className="data-tokens__secret"
          readOnly
          value={created.token}
          spellCheck={false}
          autoComplete="off"
          onFocus={(e) => e.target.select()}
        />
      </div>
      <div className="actions">
        <button type="button" className="button" onClick={() => void copy(created.token, 'token')}>
          {t('dataTokens.copyToken')}
        </button>
      </div>
      <p>{t('dataTokens.example')}</p>
      <pre className="data-tokens__example" tabIndex={0} aria-label={t('dataTokens.exampleLabel')}>
        <code>{command}</code>
      </pre>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={() => void copy(command, 'command')}>
          {t('dataTokens.copyCommand')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('dataTokens.done')}
        </button>
      </div>
      <Success>
        {copied === 'token' ? t('dataTokens.copiedToken') : copied === 'command' ? t('dataTokens.copiedCommand') : null}
      </Success>
      {copied === 'failed' ? <p className="field__error" role="alert">{t('dataTokens.copyFailed')}</p> : null}
    </section>
  );
}
