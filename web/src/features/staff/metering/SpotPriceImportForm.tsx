import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpotPriceImportResult } from '@up/common/contracts/metering-imports';
import { SubmitButton } from '../../../components/Buttons.tsx';
import { FileField } from '../../../components/Fields.tsx';
import { FormError } from '../../../components/Messages.tsx';
import { useImportSpotPrices } from './metering.api.ts';
import { importSummary, SPOT_PRICE_CSV_HEADER } from './metering.ts';
import { FileImportReport, useFileErrorMessages } from './ImportParts.tsx';

/**
 * Day-ahead spot prices of the operator's bidding zone (POST /api/staff/metering/spot-prices): hourly before
 * 1 October 2025, 15-minute since; negative prices are real and kept. Bad rows are refused, good ones land.
 */
export function SpotPriceImportForm() {
  const { t } = useTranslation('staff');
  const [file, setFile] = useState<File | undefined>();
  const [fileError, setFileError] = useState('');
  const run = useImportSpotPrices();
  const messages = useFileErrorMessages(run.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setFileError(t('metering.imports.chooseFile'));
      return;
    }
    setFileError('');
    run.mutate(file);
  }

  return (
    <section className="card" aria-labelledby="staff-spot-import-title">
      <h2 id="staff-spot-import-title">{t('metering.imports.spotPrices.title')}</h2>
      <p>{t('metering.imports.spotPrices.intro')}</p>
      <p>{t('import.header')}</p>
      <pre className="staff-code"><code>{SPOT_PRICE_CSV_HEADER}</code></pre>
      <p className="muted">{t('metering.imports.spotPrices.rules')}</p>
      <form className="form staff-subform" onSubmit={submit} noValidate>
        <FileField
          label={t('import.file')}
          accept=".csv,text/csv"
          onChange={(chosen) => {
            setFile(chosen);
            setFileError('');
            run.reset();
          }}
          error={fileError || undefined}
        />
        <FormError error={run.error} messages={messages} />
        <div className="actions">
          <SubmitButton busy={run.isPending}>{t('import.submit')}</SubmitButton>
        </div>
      </form>
      {run.data ? <SpotPriceImportReport result={run.data} /> : null}
    </section>
  );
}

function SpotPriceImportReport({ result }: { result: SpotPriceImportResult }) {
  const { t } = useTranslation('staff');
  return (
    <FileImportReport titleId="staff-spot-result-title" result={result} counts={importSummary(result).counts}>
      <p>{t('metering.imports.spotPrices.zone', { zone: result.zone })}</p>
    </FileImportReport>
  );
}
