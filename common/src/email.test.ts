import { describe, it, expect } from 'vitest';
import { isPlausibleEmail, normalizeEmail } from './email.ts';

describe('normalizeEmail', () => {
  it('ACC-3: makes addresses that differ only in case and surrounding spaces equal', () => {
    expect(normalizeEmail('  Janis.Berzins@Example.LV ')).toBe('janis.berzins@example.lv');
    expect(normalizeEmail('JANIS.BERZINS@EXAMPLE.LV')).toBe(normalizeEmail('janis.berzins@example.lv'));
  });
});

describe('isPlausibleEmail', () => {
  it('accepts ordinary addresses', () => {
    for (const ok of [
      'janis@example.lv',
      'janis.berzins+portal@mail.example.lv',
      "o'brien@example.co.uk",
      'a@b.lv',
      ' anna@example.lv ',
      'jānis@piemērs.lv',
      'user_1-x@sub-domain.example.com',
    ]) {
      expect(isPlausibleEmail(ok), ok).toBe(true);
    }
  });

  it('rejects implausible addresses', () => {
    for (const bad of [
      '',
      'janis',
      'janis@',
      '@example.lv',
      'janis@example',
      'janis@@example.lv',
      'jan is@example.lv',
      '.janis@example.lv',
      'janis.@example.lv',
      'ja..nis@example.lv',
      'janis@-example.lv',
      'janis@example-.lv',
      'janis@example..lv',
      'janis@example.l',
      'janis@example.123',
      'janis@exa_mple.lv',
      '<janis@example.lv>',
      'janis@example.lv\nBcc: x@example.lv',
    ]) {
      expect(isPlausibleEmail(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('rejects addresses longer than 254 characters and local parts longer than 64', () => {
    const domainOf = (fLength: number) => `${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(fLength)}.lv`;
    const local64 = 'a'.repeat(64);
    expect(`${local64}@${domainOf(58)}`).toHaveLength(254);
    expect(isPlausibleEmail(`${local64}@${domainOf(58)}`)).toBe(true);
    expect(isPlausibleEmail(`${local64}@${domainOf(59)}`)).toBe(false);
    expect(isPlausibleEmail(`${'a'.repeat(65)}@example.lv`)).toBe(false);
  });

  it('rejects domain labels longer than 63 characters', () => {
    expect(isPlausibleEmail(`a@${'d'.repeat(63)}.lv`)).toBe(true);
    expect(isPlausibleEmail(`a@${'d'.repeat(64)}.lv`)).toBe(false);
  });
});
