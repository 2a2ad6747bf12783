import { useState } from 'react';
import type { StaffRole } from '@up/common/contracts/accounts';
import { useSession } from '../../api/session.ts';

/** The staff role from GET /api/session (the shell's ['session'] query, which also keeps the CSRF token). */
export function useStaffRole(): { role: StaffRole | null; isLoading: boolean; secondFactorSetupRequired: boolean } {
  const session = useSession();
  const user = session.data?.user;
  return { role: user?.staffRole ?? null, isLoading: session.isLoading, secondFactorSetupRequired: user?.secondFactorSetupRequired ?? false };
}

/**
 * Controlled string fields of a form; bind(name) gives a field of web/src/components/Fields.tsx its props.
 * Staff type in other people's data, so the browser is told not to fill in the staff member's own.
 */
export function useFields<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const bind = (name: keyof T & string) => ({
    name,
    value: values[name],
    onChange: (value: string) => setValues((prev) => ({ ...prev, [name]: value })),
    autoComplete: 'off',
  });
  return { values, setValues, bind, reset: () => setValues(initial) };
}

/** Empty strings become undefined, so optional fields are left out of the request body. */
export function orUndefined(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
