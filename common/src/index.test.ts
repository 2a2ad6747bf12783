import { describe, it, expect } from 'vitest';
import * as common from './index.ts';

describe('@up/common index', () => {
  it('re-exports the public API', () => {
    for (const name of [
      'validatePersonalCode',
      'isValidPersonalCode',
      'formatPersonalCode',
      'validateRegistrationNumber',
      'EXAMPLE_VALID_PERSONAL_CODES',
      'checkPassword',
      'PASSWORD_MIN_LENGTH',
      'COMMON_PASSWORDS',
      'latvianPublicHolidays',
      'isWorkingDay',
      'nextWorkingDayOnOrAfter',
      'addWorkingDays',
      'rigaDate',
      'formatRigaDateTime',
      'formatMoney',
      'parseMoneyToCents',
      'normalizeEmail',
      'isPlausibleEmail',
    ]) {
      expect(common, name).toHaveProperty(name);
    }
  });
});
