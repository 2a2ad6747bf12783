import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { NAMESPACE } from './i18n.ts';

/** The billing API's error codes the invoice pages word themselves (others fall back to the shell's errors.*). */
const CODES = ['INVOICE_NOT_FOUND', 'INVOICE_LINE_NOT_FOUND', 'E_INVOICE_NOT_ISSUED', 'RIGHT_MISSING'] as const;

/** The page's text for a billing error by its code, or null when the shell's own message should be used. */
export function useInvoiceErrorMessages(): (error: unknown) => string | null {
  const { t } = useTranslation(NAMESPACE);
  return (error) => (error instanceof ApiError && (CODES as readonly string[]).includes(error.code) ? t(`errors.${error.code}`) : null);
}
