import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRejection } from '@up/common/contracts/metering-imports';
import { ApiError } from '../../../api/client.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useLang } from '../../../lib/useLang.ts';
import { IMPORT_COUNT_KEYS, importOutcome, rejectionPlace } from './metering.ts';

/** The pieces the three import forms share: counts, the refused rows, the texts of a refused file. */

/** A count as the language writes large numbers (10 000 000, 10,000,000). */
export function useFormatCount(): (value: number) => string {
  const lang = useLang();
  return (value) => value.toLocaleString(lang === 'en' ? 'en-GB' : lang);
}

/** An import's counts as a list of terms: known keys by their label, others by their name. */
export function ImportCounts({ counts }: { counts: { key: string; value: number }[] }) {
  const { t } = useTranslation('staff');
  const format = useFormatCount();
  return (
    <dl className="facts">
      {counts.map(({ key, value }) => (
        <div key={key}>
          <dt>{(IMPORT_COUNT_KEYS as readonly string[]).includes(key) ? t(`metering.imports.count.${key}`) : key}</dt>
          <dd>{format(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The period an import covered (the start of the earliest and the end of the latest accepted interval), in Riga time. */
export function ImportPeriod({ from, until }: { from: string | null; until: string | null }) {
  const { t } = useTranslation('staff');
  const lang = useLang();
  if (!from || !until) return null;
  return <p>{t('metering.imports.period', { from: formatDateTime(from, lang), until: formatDateTime(until, lang) })}</p>;
}

const OUTCOME_CLASS = { done: 'alert alert--success', partly: 'alert alert--info', refused: 'alert alert--error', empty: 'alert alert--info' } as const;

/** The headline of an interval or spot price import's answer, announced politely. */
export function ImportOutcome({ result }: { result: { values: number; rejectedTotal: number } }) {
  const { t } = useTranslation('staff');
  const format = useFormatCount();
  const outcome = importOutcome(result);
  return (
    <p role="status" className={OUTCOME_CLASS[outcome]}>
      {t(`metering.imports.outcome.${outcome}`, { refused: format(result.rejectedTotal) })}
    </p>
  );
}

/** The refused rows of an interval or spot price import: where (line or JSON path) and why. */
export function RejectionsTable({ rejected, total }: { rejected: ImportRejection[]; total: number }) {
  const { t } = useTranslation('staff');
  const format = useFormatCount();
  if (rejected.length === 0) return null;
  const caption = rejected.length < total
    ? t('metering.imports.rejectedSome', { shown: format(rejected.length), total: format(total) })
    : t('metering.imports.rejectedAll', { total: format(total) });
  return (
    <DataTable
      caption={caption}
      rows={rejected}
      rowKey={(r, index) => `${rejectionPlace(r)} ${index}`}
      columns={[
        {
          key: 'place',
          header: t('metering.imports.place'),
          rowHeader: true,
          className: 'nowrap',
          cell: (r) => (r.line !== undefined ? r.line : <code>{r.path}</code>),
        },
        { key: 'reason', header: t('import.reason'), className: 'wrap', cell: (r) => r.reason },
      ]}
    />
  );
}

/** The codes the import routes answer for a file they cannot read at all. */
const FILE_ERROR_CODES = [
  'IMPORT_HEADER', 'IMPORT_JSON', 'IMPORT_JSON_SHAPE', 'IMPORT_LINE_TOO_LONG', 'IMPORT_UPLOAD_FAILED', 'IMPORT_TOO_LARGE',
  'IMPORT_CONTENT_TYPE', 'IMPORT_NO_FILE',
] as const;

/**
 * Texts by code (for FormError's `messages`) of a file refused whole: nothing of it changed. The server's
 * reason (in English: it names the line, the column or the JSON path) is quoted.
 */
export function useFileErrorMessages(error: unknown): Record<string, string> {
  const { t } = useTranslation('staff');
  if (!(error instanceof ApiError)) return {};
  const reason = typeof error.details.reason === 'string' ? error.details.reason : error.message;
  return Object.fromEntries(FILE_ERROR_CODES.map((code) => [code, t(`metering.imports.fileErrors.${code}`, { reason })]));
}

/** What a file import answered: outcome, period, counts and the refused rows; `children` for what only one kind has. */
export function FileImportReport({ titleId, result, counts, children }: {
  titleId: string;
  result: { values: number; rejectedTotal: number; from: string | null; until: string | null; rejected: ImportRejection[] };
  counts: { key: string; value: number }[];
  children?: ReactNode;
}) {
  const { t } = useTranslation('staff');
  return (
    <section className="staff-subform" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('import.resultTitle')}</h3>
      <ImportOutcome result={result} />
      {children}
      <ImportPeriod from={result.from} until={result.until} />
      <ImportCounts counts={counts} />
      <RejectionsTable rejected={result.rejected} total={result.rejectedTotal} />
    </section>
  );
}
