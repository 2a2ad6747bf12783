import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import type { StaffRole } from './types.ts';

export { useLang };

/** The staff role from GET /api/session (the shell's ['session'] query, which also keeps the CSRF token). */
export function useStaffRole(): { role: StaffRole | null; isLoading: boolean; secondFactorSetupRequired: boolean } {
  const session = useSession();
  const user = session.data?.user;
  return { role: user?.staffRole ?? null, isLoading: session.isLoading, secondFactorSetupRequired: user?.secondFactorSetupRequired ?? false };
}

/** An ISO instant as Riga date and time in the UI language; '' for null. */
export function useFormatInstant(): (iso: string | null | undefined) => string {
  const lang = useLang();
  return (iso) => formatDateTime(iso, lang);
}

/** The server's complaint about one field (error.details.field), to show next to that field. */
export function serverFieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError) || error.details.field !== field) return undefined;
  return typeof error.details.reason === 'string' && error.details.reason ? error.details.reason : error.message;
}

/** Controlled string fields of a form. */
export function useFields<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const bind = (name: keyof T & string) => ({
    name,
    value: values[name],
    onChange: (value: string) => setValues((prev) => ({ ...prev, [name]: value })),
  });
  return { values, setValues, bind, reset: () => setValues(initial) };
}

/** Empty strings become undefined, so optional fields are left out of the request body. */
export function orUndefined(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
