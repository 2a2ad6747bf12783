import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatRigaDateTime, LANGS, type Lang } from '@up/common';
import { api, ApiError } from '../../api/client';
import type { SessionAnswer, StaffRole } from './types';

/** The session, shared with the app shell under the same query key. */
export function useSession() {
  return useQuery({ queryKey: ['session'], queryFn: () => api.get<SessionAnswer>('/api/session') });
}

export function useStaffRole(): { role: StaffRole | null; isLoading: boolean } {
  const session = useSession();
  return { role: session.data?.user?.staffRole ?? null, isLoading: session.isLoading };
}

export function useLang(): Lang {
  const { i18n } = useTranslation('staff');
  const lang = (i18n.resolvedLanguage ?? i18n.language ?? 'lv').slice(0, 2) as Lang;
  return LANGS.includes(lang) ? lang : 'lv';
}

/** An ISO instant as Riga date and time in the UI language; '' for null. */
export function useFormatInstant(): (iso: string | null | undefined) => string {
  const lang = useLang();
  return (iso) => {
    if (!iso) return '';
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : formatRigaDateTime(date, lang);
  };
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
