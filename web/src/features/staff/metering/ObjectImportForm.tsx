import { useTranslation } from 'react-i18next';
import { useCsvText } from '../useCsvText.ts';
import type { ImportObjectsResult } from '@up/common/contracts/metering-staff';
import { SubmitButton } from '../../../components/Buttons.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { FileField, TextArea } from '../../../components/Fields.tsx';
import { FormError } from '../../../components/Messages.tsx';
import { useServerFieldError } from '../../../lib/errors.ts';
import { useImportObjects } from './metering.api.ts';
import { OBJECT_IMPORT_COLUMNS } from './metering.ts';
import { ImportCounts, useFileErrorMessages } from './ImportParts.tsx';

/** GRD-1: objects, meters, micro-generators, radio permits and holders from CSV (POST /api/staff/metering/objects/import). */
export function ObjectImportForm() {
  const { t } = useTranslation('staff');
  const run = useImportObjects();
  const { csv, setCsv, fileError, emptyError, readFile, submit } = useCsvText((text) => run.mutate({ csv: text }), () => run.reset());
  const fieldError = useServerFieldError(run.error);
  const messages = useFileErrorMessages(run.error);

  return (
    <section className="card" aria-labelledby="staff-objects-import-title">
      <h2 id="staff-objects-import-title">{t('metering.imports.objects.title')}</h2>
      <p>{t('metering.imports.objects.intro')}</p>
      <p>{t('import.header')}</p>
      <pre className="staff-code"><code>{OBJECT_IMPORT_COLUMNS.join(',')}</code></pre>
      <ColumnHelp />
      <form className="form staff-subform" onSubmit={submit} noValidate>
        <FileField label={t('import.file')} accept=".csv,text/csv,text/plain" onChange={readFile} error={fileError || undefined} />
        <TextArea
          name="csv"
          label={t('import.text')}
          rows={8}
          spellCheck={false}
          value={csv}
          onChange={setCsv}
          error={emptyError || fieldError('csv')}
        />
        <FormError error={run.error} fields={['csv']} messages={messages} />
        <div className="actions">
          <SubmitButton busy={run.isPending}>{t('import.submit')}</SubmitButton>
        </div>
      </form>
      {run.data ? <ObjectImportReport result={run.data} /> : null}
    </section>
  );
}

/** What each column holds, opened on demand (27 columns are too many to show at once). */
function ColumnHelp() {
  const { t } = useTranslation('staff');
  return (
    <details className="staff-help">
      <summary>{t('metering.imports.objects.columnsHelp')}</summary>
      <p className="muted">{t('metering.imports.objects.rules')}</p>
      <DataTable
        caption={t('metering.imports.objects.columnsCaption')}
        captionHidden
        rows={OBJECT_IMPORT_COLUMNS}
        rowKey={(column) => column}
        columns={[
          { key: 'column', header: t('metering.imports.column'), rowHeader: true, cell: (column) => <code>{column}</code> },
          { key: 'meaning', header: t('metering.imports.meaning'), className: 'wrap', cell: (column) => t(`metering.imports.objects.columns.${column}`) },
        ]}
      />
    </details>
  );
}

function ObjectImportReport({ result }: { result: ImportObjectsResult }) {
  const { t } = useTranslation('staff');
  const refused = result.rejected.length > 0;
  const counts = refused
    ? [{ key: 'rows', value: result.rows }]
    : (['rows', 'objectsCreated', 'objectsUpdated', 'metersCreated', 'metersUpdated', 'holdersChanged'] as const).map((key) => ({ key, value: result[key] }));
  return (
    <section className="staff-subform" aria-labelledby="staff-objects-result-title">
      <h3 id="staff-objects-result-title">{t('import.resultTitle')}</h3>
      <p role="status" className={refused ? 'alert alert--error' : 'alert alert--success'}>
        {refused ? t('metering.imports.objects.refused', { count: result.rejected.length }) : t('metering.imports.objects.done')}
      </p>
      <ImportCounts counts={counts} />
      {refused ? (
        <DataTable
          caption={t('import.errorsCaption')}
          rows={result.rejected}
          rowKey={(e, i) => `${e.line}-${e.field}-${i}`}
          columns={[
            { key: 'line', header: t('import.row'), rowHeader: true, cell: (e) => e.line },
            { key: 'field', header: t('import.field'), cell: (e) => <code>{e.field}</code> },
            { key: 'reason', header: t('import.reason'), className: 'wrap', cell: (e) => e.reason },
          ]}
        />
      ) : null}
    </section>
  );
}
