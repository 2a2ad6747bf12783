import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntervalImportResult } from '@up/common/contracts/metering-imports';
import { SubmitButton } from '../../../components/Buttons.tsx';
import { FileField, RadioGroup, SelectField } from '../../../components/Fields.tsx';
import { FormError } from '../../../components/Messages.tsx';
import { useImportIntervals } from './metering.api.ts';
import { detectIntervalFormat, importSummary, INTERVAL_CSV_HEADER, type IntervalFileFormat } from './metering.ts';
import { FileImportReport, useFileErrorMessages } from './ImportParts.tsx';

/**
 * GRD-3: hourly and 15-minute values from the portal's CSV or the Sadales tīkls JSON
 * (POST /api/staff/metering/intervals). The file goes to the server as it is, streamed from the disk: bad rows
 * are refused with their line or path while good ones land; importing the same file again changes nothing.
 */
export function IntervalImportForm() {
  const { t } = useTranslation('staff');
  const [file, setFile] = useState<File | undefined>();
  const [format, setFormat] = useState<IntervalFileFormat>('csv');
  const [intervalMinutes, setIntervalMinutes] = useState('');
  const [fileError, setFileError] = useState('');
  const run = useImportIntervals();
  const messages = useFileErrorMessages(run.error);

  function choose(chosen: File | undefined) {
    setFile(chosen);
    setFileError('');
    run.reset();
    const detected = chosen ? detectIntervalFormat(chosen) : null;
    if (detected) setFormat(detected);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setFileError(t('metering.imports.chooseFile'));
      return;
    }
    setFileError('');
    run.mutate({ file, format, intervalMinutes: intervalMinutes === '15' ? 15 : intervalMinutes === '60' ? 60 : undefined });
  }

  return (
    <section className="card" aria-labelledby="staff-intervals-import-title">
      <h2 id="staff-intervals-import-title">{t('metering.imports.intervals.title')}</h2>
      <p>{t('metering.imports.intervals.intro')}</p>
      <details className="staff-help">
        <summary>{t('metering.imports.intervals.formatsHelp')}</summary>
        <p>{t('metering.imports.intervals.csvHelp')}</p>
        <pre className="staff-code"><code>{INTERVAL_CSV_HEADER}</code></pre>
        <p className="muted">{t('metering.imports.intervals.csvRules')}</p>
        <p>{t('metering.imports.intervals.jsonHelp')}</p>
        <pre className="staff-code"><code>{'[{ "mpNr": "…", "mList": [{ "mNr": "…", "cList": [{ "cDt": "2026-02-01T01:00:00.000+02:00", "cVR": …, "cVRSt": "", "cVV": … }] }] }]'}</code></pre>
        <p className="muted">{t('metering.imports.intervals.jsonRules')}</p>
      </details>
      <form className="form staff-subform" onSubmit={submit} noValidate>
        <FileField
          label={t('metering.imports.intervals.file')}
          hint={t('metering.imports.intervals.fileHint')}
          accept=".csv,.json,text/csv,application/json"
          onChange={choose}
          error={fileError || undefined}
        />
        <RadioGroup<IntervalFileFormat>
          legend={t('metering.imports.intervals.format')}
          name="interval-format"
          value={format}
          onChange={(value) => {
            setFormat(value);
            run.reset();
          }}
          options={[
            { value: 'csv', label: t('metering.imports.intervals.formats.csv') },
            { value: 'sadales_json', label: t('metering.imports.intervals.formats.sadales_json') },
          ]}
        />
        {format === 'sadales_json' ? (
          <SelectField
            name="intervalMinutes"
            label={t('metering.imports.intervals.intervalMinutes')}
            hint={t('metering.imports.intervals.intervalMinutesHint')}
            value={intervalMinutes}
            onChange={setIntervalMinutes}
            options={[
              { value: '', label: t('metering.imports.intervals.intervalDefault') },
              { value: '60', label: t('metering.imports.intervals.interval60') },
              { value: '15', label: t('metering.imports.intervals.interval15') },
            ]}
          />
        ) : null}
        <FormError error={run.error} messages={messages} />
        <div className="actions">
          <SubmitButton busy={run.isPending}>{t('import.submit')}</SubmitButton>
        </div>
      </form>
      {run.data ? <IntervalImportReport result={run.data} /> : null}
    </section>
  );
}

function IntervalImportReport({ result }: { result: IntervalImportResult }) {
  return <FileImportReport titleId="staff-intervals-result-title" result={result} counts={importSummary(result).counts} />;
}
