import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert, SubmitButton, TextAreaField } from './components.tsx';
import type { ImportResult } from './types.ts';
import { TableWrap } from '../../components/TableWrap.tsx';

const CSV_HEADER =
  'kind,name,identity_code,customer_number,email,phone,postal_address,language,contract_type,contract_number,contract_status,contract_starts_on';

/** Bulk import of customer records and contracts from CSV (POST /api/staff/customers/import). */
export default function ImportPage() {
  const { t } = useTranslation('staff');
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState('');
  const [localError, setLocalError] = useState('');
  const run = useMutation({
    mutationFn: (text: string) => api.post<ImportResult>('/api/staff/customers/import', { csv: text }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['staff'] }),
  });

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      setCsv(await file.text());
      setLocalError('');
      run.reset();
    } catch {
      setLocalError(t('validation.fileRead'));
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!csv.trim()) {
      setLocalError(t('import.empty'));
      return;
    }
    setLocalError('');
    run.mutate(csv);
  }

  return (
    <section aria-labelledby="staff-import-title">
      <h1 id="staff-import-title">{t('import.title')}</h1>
      <div className="card">
        <p>{t('import.intro')}</p>
        <p>{t('import.header')}</p>
        <pre className="staff-code"><code>{CSV_HEADER}</code></pre>
        <p className="muted">{t('import.rules')}</p>
      </div>
      <form className="card" onSubmit={submit} noValidate>
        <div className="form-field">
          <label htmlFor="staff-import-file">{t('import.file')}</label>
          <input id="staff-import-file" type="file" accept=".csv,text/csv,text/plain" onChange={readFile} />
        </div>
        <TextAreaField name="csv" label={t('import.text')} rows={10} spellCheck={false} value={csv} onChange={setCsv} />
        {localError ? <p className="error" role="alert">{localError}</p> : null}
        <ErrorAlert error={run.error} />
        <SubmitButton pending={run.isPending}>{t('import.submit')}</SubmitButton>
      </form>
      {run.data ? <ImportReport result={run.data} /> : null}
    </section>
  );
}

function ImportReport({ result }: { result: ImportResult }) {
  const { t } = useTranslation('staff');
  return (
    <section className="card" aria-labelledby="staff-import-result-title">
      <h2 id="staff-import-result-title">{t('import.resultTitle')}</h2>
      <p role="status">{t('import.result', { created: result.created, updated: result.updated, errors: result.errors.length })}</p>
      {result.errors.length > 0 ? (
        <TableWrap className="staff-table-wrap" label={t('import.errorsCaption')}>
          <table className="table">
            <caption>{t('import.errorsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.row')}</th>
                <th scope="col">{t('import.field')}</th>
                <th scope="col">{t('import.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {result.errors.map((e, i) => (
                <tr key={`${e.row}-${e.field}-${i}`}>
                  <th scope="row">{e.row}</th>
                  <td><code>{e.field}</code></td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </section>
  );
}
