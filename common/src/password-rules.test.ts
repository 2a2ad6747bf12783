import { describe, it, expect } from 'vitest';
import { checkPassword, isCommonPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-rules.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

const NO_PERSONAL = {};
const problemsOf = (password: string, personal: Parameters<typeof checkPassword>[1] = NO_PERSONAL) => {
  const result = checkPassword(password, personal);
  return result.ok ? [] : result.problems;
};

describe('checkPassword', () => {
  it('ACC-6: accepts a password of 8+ characters with a letter and a digit that is not common or personal', () => {
    expect(checkPassword('Zibens7kalns', NO_PERSONAL)).toEqual({ ok: true });
    expect(checkPassword('mk4Tq9vL', NO_PERSONAL)).toEqual({ ok: true });
  });

  it('ACC-6: requires at least 8 characters', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(8);
    expect(problemsOf('mk4Tq9v')).toContain('too_short');
    expect(problemsOf('mk4Tq9vL')).not.toContain('too_short');
  });

  it('counts characters, not UTF-16 code units', () => {
    // 7 characters, but the emoji is 2 code units.
    expect(problemsOf('mk4Tq9😀')).toContain('too_short');
  });

  it('rejects passwords longer than 128 characters', () => {
    expect(problemsOf('a1' + 'x'.repeat(PASSWORD_MAX_LENGTH - 2))).not.toContain('too_long');
    expect(problemsOf('a1' + 'x'.repeat(PASSWORD_MAX_LENGTH - 1))).toContain('too_long');
  });

  it('ACC-6: requires a letter', () => {
    expect(problemsOf('80417263')).toContain('needs_letter');
    expect(problemsOf('8041-7263!')).toContain('needs_letter');
  });

  it('ACC-6: requires a digit', () => {
    expect(problemsOf('ZibensKalns')).toEqual(['needs_digit']);
  });

  it('ACC-6: counts Latvian and Cyrillic letters as letters', () => {
    expect(checkPassword('ķēķis-72-ūdrs', NO_PERSONAL)).toEqual({ ok: true });
    expect(checkPassword('жёлтый-лес-58', NO_PERSONAL)).toEqual({ ok: true });
  });

  it('reports every problem at once', () => {
    expect(problemsOf('')).toEqual(['too_short', 'needs_letter', 'needs_digit']);
  });

  it('ACC-6: rejects a password containing the e-mail local part, case-insensitively', () => {
    const personal = { email: 'Zvaigznite@example.lv' };
    expect(problemsOf('My-ZVAIGZNITE-42', personal)).toContain('contains_personal_data');
    expect(problemsOf('Zibens7kalns', personal)).not.toContain('contains_personal_data');
  });

  it('ACC-6: ignores an e-mail local part shorter than 3 characters', () => {
    expect(problemsOf('Zibens7kalns', { email: 'ns@example.lv' })).not.toContain('contains_personal_data');
  });

  it('ACC-6: rejects a password containing a piece of a dotted e-mail local part', () => {
    expect(problemsOf('Ozolins2024x', { email: 'martins.ozolins@example.lv' })).toContain('contains_personal_data');
  });

  it('ACC-6: rejects a password containing a name part of 3+ characters, ignoring case and diacritics', () => {
    const personal = { fullName: 'Jānis Bērziņš' };
    expect(problemsOf('xxBERZINSxx9', personal)).toContain('contains_personal_data');
    expect(problemsOf('Bērziņš-4477', personal)).toContain('contains_personal_data');
    expect(problemsOf('janis-4477-q', personal)).toContain('contains_personal_data');
    expect(problemsOf('Zibens7kalns', personal)).not.toContain('contains_personal_data');
  });

  it('ACC-6: ignores name parts shorter than 3 characters', () => {
    expect(problemsOf('Zibens7kalns', { fullName: 'Li Ns' })).not.toContain('contains_personal_data');
  });

  it('ACC-6: rejects a password containing 6+ consecutive digits of the personal code', () => {
    const personal = { personalCode: '150385-12346' };
    expect(problemsOf('Kalns150385', personal)).toContain('contains_personal_data');
    expect(problemsOf('Kalns512346', personal)).toContain('contains_personal_data');
    expect(problemsOf('Kalns15038', personal)).not.toContain('contains_personal_data');
  });

  it('ACC-6: rejects a password containing 6+ consecutive digits of the phone number', () => {
    const personal = { phone: '+371 2612 3456' };
    expect(problemsOf('Kalns261234', personal)).toContain('contains_personal_data');
    expect(problemsOf('Kalns-123456', personal)).toContain('contains_personal_data');
    expect(problemsOf('Kalns-26123', personal)).not.toContain('contains_personal_data');
  });

  it('ACC-6: rejects common passwords, case-insensitively', () => {
    expect(problemsOf('PAROLE123')).toContain('common_password');
    expect(problemsOf('Latvija2024')).toContain('common_password');
  });

  it('ACC-6: rejects common passwords with trailing digits or symbols added', () => {
    expect(problemsOf('Password1')).toEqual(['common_password']);
    expect(problemsOf('qwerty123')).toEqual(['common_password']);
    expect(problemsOf('Labdien2025!')).toEqual(['common_password']);
    expect(problemsOf('riga2024')).toContain('common_password');
    expect(problemsOf('Dragon!!77')).toContain('common_password');
  });

  it('ACC-6: does not flag a password that merely contains a common word', () => {
    expect(problemsOf('dragonfruit-salad-9')).not.toContain('common_password');
  });
});

describe('isCommonPassword', () => {
  it('ACC-6: finds well-known and Latvian common passwords', () => {
    for (const p of ['123456', 'password', 'iloveyou', 'parole', 'parole123', 'latvija', 'riga2024', 'labdien', 'ПАРОЛЬ']) {
      expect(isCommonPassword(p), p).toBe(true);
    }
    expect(isCommonPassword('Zibens7kalns')).toBe(false);
  });

  it('ACC-6: ignores diacritics when comparing', () => {
    expect(isCommonPassword('Parolē1')).toBe(true);
  });
});

describe('COMMON_PASSWORDS', () => {
  it('has at least 300 distinct lowercase entries', () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThanOrEqual(300);
    expect(new Set(COMMON_PASSWORDS).size).toBe(COMMON_PASSWORDS.length);
    for (const p of COMMON_PASSWORDS) expect(p).toBe(p.toLowerCase());
  });
});
