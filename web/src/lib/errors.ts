import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** True when the error names one field (details.field), so a form may show it beside that field. */
export function isFieldError(error: unknown): boolean {
  return error instanceof ApiError && typeof error.details.field === 'string';
}

export function errorCode(error: unknown): string | null {
  return error instanceof ApiError ? error.code : null;
}

/**
 * A function giving the message for a field when the server's error names it (details.field):
 * the translation of the error code when there is one, else the server's reason.
 */
export function useServerFieldError(error: unknown): (field: string) => string | undefined {
  const { t } = useTranslation();
  return (field) => {
    if (!(error instanceof ApiError) || error.details.field !== field) return undefined;
    const reason = typeof error.details.reason === 'string' ? error.details.reason : error.message;
    const known = t(`fieldErrors.${error.code}`, { defaultValue: '', reason });
    return known || t('fieldErrors.generic', { reason });
  };
}

/** The message for an error shown above a form or instead of a page: translated by code where known. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) {
      // a field error without a text of its own (VALIDATION_FAILED) names the field and the server's reason
      const { field, reason } = error.details;
      const known = t(`errors.${error.code}`, { defaultValue: '', field, reason });
      if (known) return known;
      if (error.status === 503) return t('errors.MAINTENANCE');
      // the server's own text for 4xx answers we have no translation for; never raw proxy/5xx texts
      return error.status < 500 && error.message ? error.message : t('errors.generic');
    }
    return t('errors.network');
  };
}
