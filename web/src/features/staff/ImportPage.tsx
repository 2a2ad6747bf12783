import { useTranslation } from 'react-i18next';
import { useCsvText } from './useCsvText.ts';
import type { ImportResult } from '@up/common/contracts/customers';
import { SubmitButton } from '../../components/Buttons.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { FileField, TextArea } from '../../components/Fields.tsx';
import { FormError, PageHeading } from '../../components/Messages.tsx';
import { useServerFieldError } from '../../lib/errors.ts';
import { useImportCustomers } from './staff.api.ts';

const CSV_HEADER =
  'kind,name,identity_code,customer_number,email,phone,postal_address,language,contract_type,contract_number,contract_status,contract_starts_on';

/** Bulk import of customer records and contracts from CSV (POST /api/staff/customers/import). */
export default function ImportPage() {
  const { t } = useTranslation('staff');
  const run = useImportCustomers();
  const { csv, setCsv, fileError, emptyError, readFile, submit } = useCsvText((text) => run.mutate({ csv: text }), () => run.reset());
  const fieldError = useServerFieldError(run.error);

  return (
    <section className="page" aria-labelledby="staff-import-title">
      <PageHeading id="staff-import-title">{t('import.title')}</PageHeading>
      <div className="card">
        <p>{t('import.intro')}</p>
        <p>{t('import.header')}</p>
        <pre className="staff-code"><code>{CSV_HEADER}</code></pre>
        <p className="muted">{t('import.rules')}</p>
      </div>
      <form className="card form" onSubmit={submit} noValidate>
        <FileField label={t('import.file')} accept=".csv,text/csv,text/plain" onChange={readFile} error={fileError || undefined} />
        <TextArea
          name="csv"
          label={t('import.text')}
          rows={10}
          spellCheck={false}
          value={csv}
          onChange={setCsv}
          error={emptyError || fieldError('csv')}
        />
        <FormError error={run.error} fields={['csv']} />
        <div className="actions">
          <SubmitButton busy={run.isPending}>{t('import.submit')}</SubmitButton>
        </div>
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
        <DataTable
          caption={t('import.errorsCaption')}
          rows={result.errors}
          rowKey={(e, i) => `${e.row}-${e.field}-${i}`}
          columns={[
            { key: 'row', header: t('import.row'), rowHeader: true, cell: (e) => e.row },
            { key: 'field', header: t('import.field'), cell: (e) => <code>{e.field}</code> },
            { key: 'reason', header: t('import.reason'), cell: (e) => e.reason },
          ]}
        />
      ) : null}
    </section>
  );
}
