import type { Lang } from '@up/common/lang';
import { formatDate } from '../../lib/format.ts';
import { formatDecimalString, formatNumber } from './format.ts';

/**
 * What the reading form says about a refusal of POST …/readings (GRD-2): which field it is about (or none:
 * a message above the button) and the translation key with its values. The server's codes and details are
 * those of meter-readings.service.ts (submitReading).
 */

export type ReadingField = 'meterId' | 'register' | 'readOn' | 'readingKwh';

export interface ReadingErrorText {
  field: ReadingField | null;
  key: string;
  values: Record<string, string>;
}

const FIELD_OF_CODE: Record<string, ReadingField> = {
  READING_BELOW_LAST: 'readingKwh',
  READING_ABOVE_NEXT: 'readingKwh',
  READING_IMPLAUSIBLE: 'readingKwh',
  READ_ON_IN_FUTURE: 'readOn',
  READ_ON_OUTSIDE_HOLDING: 'readOn',
  METER_NOT_INSTALLED: 'readOn',
  READING_EXISTS: 'readOn',
  METER_NOT_ON_OBJECT: 'meterId',
  REGISTER_UNKNOWN: 'register',
};

const FIELDS: readonly string[] = ['meterId', 'register', 'readOn', 'readingKwh'];

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null);

/** The form's text for a refusal; null for codes the form leaves to the general error message. */
export function describeReadingError(code: string, details: Record<string, unknown>, lang: Lang): ReadingErrorText | null {
  const key = (suffix: string) => `readingErrors.${suffix}`;
  const date = (value: unknown) => formatDate(text(value), lang);
  const kwh = (value: unknown) => formatDecimalString(text(value) ?? '', lang, 3);
  const field = FIELD_OF_CODE[code] ?? (typeof details.field === 'string' && FIELDS.includes(details.field) ? (details.field as ReadingField) : null);

  switch (code) {
    case 'READING_BELOW_LAST':
      return text(details.lastReadingKwh) && text(details.lastReadOn)
        ? { field, key: key('READING_BELOW_LAST'), values: { reading: kwh(details.lastReadingKwh), date: date(details.lastReadOn) } }
        : { field, key: key('READING_BELOW_LAST_unknown'), values: {} };
    case 'READING_ABOVE_NEXT':
      return text(details.nextReadingKwh) && text(details.nextReadOn)
        ? { field, key: key('READING_ABOVE_NEXT'), values: { reading: kwh(details.nextReadingKwh), date: date(details.nextReadOn) } }
        : { field, key: key('READING_ABOVE_NEXT_unknown'), values: {} };
    case 'READING_IMPLAUSIBLE': {
      const max = typeof details.maxKwhPerDay === 'number' ? formatNumber(details.maxKwhPerDay, lang, 1) : null;
      const rule = details.rule === 'capacity' ? 'capacity' : 'history';
      return max ? { field, key: key(`READING_IMPLAUSIBLE_${rule}`), values: { max } } : { field, key: key('READING_IMPLAUSIBLE'), values: {} };
    }
    case 'READING_OUTSIDE_WINDOW': {
      const first = text(details.firstDay);
      const last = text(details.lastDay);
      if (!first || !last) return { field: null, key: key('READING_OUTSIDE_WINDOW_unknown'), values: {} };
      return text(details.opensOn)
        ? { field: null, key: key('READING_OUTSIDE_WINDOW'), values: { firstDay: first, lastDay: last, opensOn: date(details.opensOn) } }
        : { field: null, key: key('READING_OUTSIDE_WINDOW_noDate'), values: { firstDay: first, lastDay: last } };
    }
    case 'METER_NOT_INSTALLED':
      return text(details.removedOn)
        ? { field, key: key('METER_NOT_INSTALLED_removed'), values: { installedOn: date(details.installedOn), removedOn: date(details.removedOn) } }
        : { field, key: key('METER_NOT_INSTALLED'), values: { installedOn: date(details.installedOn) } };
    case 'READ_ON_IN_FUTURE':
    case 'READ_ON_OUTSIDE_HOLDING':
    case 'READING_EXISTS':
    case 'METER_NOT_ON_OBJECT':
    case 'REGISTER_UNKNOWN':
      return { field, key: key(code), values: {} };
    case 'INVALID_FIELD':
    case 'VALIDATION_FAILED':
      return field ? { field, key: key('INVALID_FIELD'), values: { reason: text(details.reason) ?? '' } } : null;
    default:
      return null;
  }
}

/** What a person types as kWh ('12 345,6') as the API takes it ('12345.6'); null when it is not a reading. */
export function normaliseKwh(typed: string): string | null {
  const compact = typed.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^[0-9]{1,9}([.][0-9]{1,3})?$/.test(compact) ? compact : null;
}
