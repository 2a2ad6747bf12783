import { describe, it, expect } from 'vitest';
import {
  EXAMPLE_VALID_PERSONAL_CODES,
  formatPersonalCode,
  isValidPersonalCode,
  validatePersonalCode,
  validateRegistrationNumber,
} from './personal-code.ts';

const WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** Independent re-implementation used to build fixtures: appends the check digit, or null if it would be 10. */
function withCheckDigit(first10: string): string | null {
  const sum = [...first10].reduce((s, d, i) => s + WEIGHTS[i] * Number(d), 0);
  const x = (1101 - sum) % 11;
  return x === 10 ? null : first10 + x;
}

/** Finds a valid code for the given DDMMYY and century digit by trying serial numbers. */
function validCodeFor(ddmmyy: string, century: string): string {
  for (let serial = 0; serial < 1000; serial++) {
    const code = withCheckDigit(ddmmyy + century + String(serial).padStart(3, '0'));
    if (code) return code;
  }
  throw new Error('no serial found');
}

describe('validatePersonalCode', () => {
  it('ACC-14: accepts a known-good old-format code with and without the hyphen', () => {
    const code = validCodeFor('010190', '1');
    const hyphenated = `${code.slice(0, 6)}-${code.slice(6)}`;
    expect(validatePersonalCode(code)).toEqual({ ok: true, normalized: code, format: 'old', birthDate: '1990-01-01' });
    expect(validatePersonalCode(hyphenated)).toEqual({ ok: true, normalized: code, format: 'old', birthDate: '1990-01-01' });
  });

  it('ACC-14: computes the check digit with weights 1,6,3,7,9,10,5,8,4,2 and (1101 − Σ) mod 11', () => {
    // Worked by hand: 150385-1234?: Σ = 1·1+6·5+3·0+7·3+9·8+10·5+5·1+8·2+4·3+2·4 = 215, (1101 − 215) mod 11 = 886 mod 11 = 6
    expect(validatePersonalCode('150385-12346')).toMatchObject({ ok: true, birthDate: '1985-03-15' });
    for (const wrong of [0, 1, 2, 3, 4, 5, 7, 8, 9]) {
      expect(validatePersonalCode(`150385-1234${wrong}`)).toEqual({ ok: false, reason: 'checksum' });
    }
  });

  it('ACC-14: rejects an old-format code whose check digit does not match', () => {
    const code = validCodeFor('241278', '1');
    const wrongDigit = (Number(code[10]) + 1) % 10;
    expect(validatePersonalCode(code.slice(0, 10) + wrongDigit)).toEqual({ ok: false, reason: 'checksum' });
  });

  it('ACC-14: rejects every code whose computed check digit would be 10', () => {
    let found = 0;
    for (let serial = 0; serial < 1000 && found < 5; serial++) {
      const first10 = '120588' + '1' + String(serial).padStart(3, '0');
      if (withCheckDigit(first10) !== null) continue;
      found++;
      for (let d = 0; d <= 9; d++) expect(isValidPersonalCode(first10 + d)).toBe(false);
    }
    expect(found).toBeGreaterThan(0);
  });

  it('ACC-14: reads the century from the 7th digit (0 → 1800s, 1 → 1900s, 2 → 2000s)', () => {
    expect(validatePersonalCode(validCodeFor('050607', '0'))).toMatchObject({ ok: true, birthDate: '1807-06-05' });
    expect(validatePersonalCode(validCodeFor('050607', '1'))).toMatchObject({ ok: true, birthDate: '1907-06-05' });
    expect(validatePersonalCode(validCodeFor('050607', '2'))).toMatchObject({ ok: true, birthDate: '2007-06-05' });
  });

  it('ACC-14: rejects an old-format code with century digit 3 or higher', () => {
    for (const century of ['3', '4', '9']) {
      expect(validatePersonalCode(validCodeFor('010190', century))).toEqual({ ok: false, reason: 'date' });
    }
  });

  it('ACC-14: accepts 29 February in a leap year and rejects it in a non-leap year', () => {
    expect(validatePersonalCode(validCodeFor('290296', '1'))).toMatchObject({ ok: true, birthDate: '1996-02-29' });
    expect(validatePersonalCode(validCodeFor('290200', '2'))).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(validatePersonalCode(validCodeFor('290297', '1'))).toEqual({ ok: false, reason: 'date' });
    // 1900 is not a leap year (divisible by 100 but not 400), 2000 is.
    expect(validatePersonalCode(validCodeFor('290200', '1'))).toEqual({ ok: false, reason: 'date' });
  });

  it('ACC-14: rejects dates that do not exist', () => {
    for (const ddmmyy of ['000190', '310490', '011390', '010090', '300290']) {
      expect(validatePersonalCode(validCodeFor(ddmmyy, '1'))).toEqual({ ok: false, reason: 'date' });
    }
    expect(validatePersonalCode(validCodeFor('310190', '1'))).toMatchObject({ ok: true, birthDate: '1990-01-31' });
  });

  it('ACC-14: accepts new-format codes 3[2-9]NNNNNNNNN without date or checksum checks', () => {
    expect(validatePersonalCode('32000000000')).toEqual({ ok: true, normalized: '32000000000', format: 'new' });
    expect(validatePersonalCode('399999-99999')).toEqual({ ok: true, normalized: '39999999999', format: 'new' });
    expect(validatePersonalCode(' 32579461005 ')).toMatchObject({ ok: true, format: 'new' });
    expect(validatePersonalCode('32579461005')).not.toHaveProperty('birthDate');
  });

  it('ACC-14: treats codes starting 30/31 as old format (day of month), not new format', () => {
    expect(validatePersonalCode(validCodeFor('301190', '1'))).toMatchObject({ ok: true, format: 'old' });
    expect(validatePersonalCode('30000000000')).toEqual({ ok: false, reason: 'date' });
    expect(validatePersonalCode('31000000000')).toEqual({ ok: false, reason: 'date' });
  });

  it('ACC-14: rejects malformed input', () => {
    for (const bad of ['', '0101901123', '010190112345', '010190 11231', '0101-9011231', '01019a-11231', '010190--11231', '３２579461005']) {
      expect(validatePersonalCode(bad)).toEqual({ ok: false, reason: 'format' });
    }
  });

  it('ACC-14: trims surrounding whitespace', () => {
    const code = validCodeFor('010190', '1');
    expect(validatePersonalCode(`  ${code}\n`)).toMatchObject({ ok: true, normalized: code });
  });
});

describe('EXAMPLE_VALID_PERSONAL_CODES', () => {
  it('ACC-14: every example code is valid, with the expected format', () => {
    expect(EXAMPLE_VALID_PERSONAL_CODES.old.length).toBeGreaterThanOrEqual(6);
    expect(EXAMPLE_VALID_PERSONAL_CODES.new.length).toBeGreaterThanOrEqual(2);
    for (const code of EXAMPLE_VALID_PERSONAL_CODES.old) {
      expect(validatePersonalCode(code)).toMatchObject({ ok: true, format: 'old' });
      expect(withCheckDigit(code.replace('-', '').slice(0, 10))).toBe(code.replace('-', ''));
    }
    for (const code of EXAMPLE_VALID_PERSONAL_CODES.new) {
      expect(validatePersonalCode(code)).toMatchObject({ ok: true, format: 'new' });
    }
  });

  it('has distinct birth dates for the old-format examples', () => {
    const dates = EXAMPLE_VALID_PERSONAL_CODES.old.map((c) => {
      const r = validatePersonalCode(c);
      return r.ok ? r.birthDate : undefined;
    });
    expect(new Set(dates).size).toBe(dates.length);
  });
});

describe('formatPersonalCode', () => {
  it('formats 11 digits as DDMMYY-NNNNN', () => {
    expect(formatPersonalCode('01019011231')).toBe('010190-11231');
    expect(formatPersonalCode('32579461005')).toBe('325794-61005');
    expect(formatPersonalCode('010190-11231')).toBe('010190-11231');
  });

  it('throws on something that is not an 11-digit code', () => {
    expect(() => formatPersonalCode('0101901123')).toThrow(RangeError);
    expect(() => formatPersonalCode('abc')).toThrow(RangeError);
  });
});

describe('validateRegistrationNumber', () => {
  it('ACC-14: accepts exactly 11 digits, trimmed', () => {
    expect(validateRegistrationNumber('40003032949')).toEqual({ ok: true, normalized: '40003032949' });
    expect(validateRegistrationNumber(' 40003032949 ')).toEqual({ ok: true, normalized: '40003032949' });
  });

  it('ACC-14: rejects other lengths and any other characters', () => {
    for (const bad of ['', '4000303294', '400030329490', '4000-3032949', 'LV40003032949', '40003 032949']) {
      expect(validateRegistrationNumber(bad)).toEqual({ ok: false, reason: 'format' });
    }
  });
});
