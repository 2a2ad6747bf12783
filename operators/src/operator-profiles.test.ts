import { describe, it, expect } from 'vitest';
import {
  LANGUAGES,
  MODULE_NAMES,
  OPERATOR_PROFILES,
  ORDER_TYPES,
  loadOperatorProfile,
  type LocalizedText,
  type OperatorProfile,
} from './index.ts';

const profiles: OperatorProfile[] = Object.values(OPERATOR_PROFILES);

/** WCAG 2.x relative luminance of a #rrggbb colour. */
function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours, from 1 to 21. */
function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Every LocalizedText in a profile, with where it was found. */
function localizedTexts(profile: OperatorProfile): [string, LocalizedText][] {
  return [
    ['terms.text', profile.terms.text],
    ...profile.support.serviceCentres.flatMap((centre, i): [string, LocalizedText][] => [
      [`serviceCentres[${i}].name`, centre.name],
      [`serviceCentres[${i}].hours`, centre.hours],
    ]),
  ];
}

const firstLine = (text: string) => text.split('\n')[0];

describe('operator profiles', () => {
  it('ships the five example profiles under their own ids, each id unique', () => {
    expect(Object.keys(OPERATOR_PROFILES).sort()).toEqual(['demo', 'e-sakari', 'elektrum', 'enefit', 'sadales-tikls']);
    for (const [key, profile] of Object.entries(OPERATOR_PROFILES)) expect(profile.id).toBe(key);
    const ids = profiles.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("every profile has the 'accounts' module, and no module or order type twice", () => {
    for (const p of profiles) {
      expect(p.modules, p.id).toContain('accounts');
      expect(new Set(p.modules).size, p.id).toBe(p.modules.length);
      expect(new Set(p.orderTypes).size, p.id).toBe(p.orderTypes.length);
    }
  });

  it('ACC-18: step-up is only asked for order types the profile offers', () => {
    for (const p of profiles) {
      for (const type of p.rules.stepUpOrderTypes) expect(p.orderTypes, p.id).toContain(type);
    }
  });

  it('BIL-11: the grid order on suspension needs the metering module (the connection points come from it); the demo profile orders it', () => {
    for (const p of profiles) {
      if (p.billing.collections.gridOrderOnSuspension) expect(p.modules, p.id).toContain('metering');
    }
    expect(OPERATOR_PROFILES.demo.billing.collections.gridOrderOnSuspension).toBe(true);
    expect(OPERATOR_PROFILES.elektrum.billing.collections.gridOrderOnSuspension).toBe(false);
  });

  it('OPS-3: the demo profile turns on every module and every order type', () => {
    const demo = OPERATOR_PROFILES.demo;
    expect([...demo.modules].sort()).toEqual([...MODULE_NAMES].sort());
    expect([...demo.orderTypes].sort()).toEqual([...ORDER_TYPES].sort());
  });

  it('the demo profile has the agreed rules', () => {
    expect(OPERATOR_PROFILES.demo.rules).toEqual({
      additionalUsersSeeInvoices: false,
      passwordMaxAgeDays: 90,
      passwordHistory: 5,
      lockoutThreshold: 5,
      lockoutMinutes: 15,
      bankLoginRequiresContractTypes: ['electricity_supply'],
      stepUpOrderTypes: ['contract_conclusion'],
      inactiveAccountDeletionDays: 365,
      staffSecondFactorRequired: false,
    });
  });

  it('the production profiles require a second factor for staff; the demo (printed staff logins) does not', () => {
    for (const p of profiles) expect(p.rules.staffSecondFactorRequired, p.id).toBe(p.id !== 'demo');
  });

  it('ACC-6: e-sakari forces a password change every 90 days, elektrum only recommends it (null)', () => {
    expect(OPERATOR_PROFILES['e-sakari'].rules.passwordMaxAgeDays).toBe(90);
    expect(OPERATOR_PROFILES.elektrum.rules.passwordMaxAgeDays).toBeNull();
    for (const p of profiles) expect(p.rules.passwordHistory, p.id).toBeGreaterThan(0);
  });

  it('ACC-7: every profile blocks login temporarily after 5 wrong passwords in a row', () => {
    for (const p of profiles) {
      expect(p.rules.lockoutThreshold, p.id).toBe(5);
      expect(p.rules.lockoutMinutes, p.id).toBeGreaterThan(0);
    }
  });

  it('ACC-9: elektrum bank login needs an electricity supply contract, sadales-tikls a grid connection', () => {
    expect(OPERATOR_PROFILES.elektrum.rules.bankLoginRequiresContractTypes).toEqual(['electricity_supply']);
    expect(OPERATOR_PROFILES['sadales-tikls'].rules.bankLoginRequiresContractTypes).toEqual(['grid_connection']);
  });

  it('ACC-12: inactive accounts are deleted after a year', () => {
    for (const p of profiles) expect(p.rules.inactiveAccountDeletionDays, p.id).toBe(365);
  });

  describe('branding', () => {
    it('the contrast calculation matches known WCAG values', () => {
      expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
      expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
      expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5); // the classic lightest AA grey
      expect(contrastRatio('#00a36c', '#ffffff')).toBeLessThan(4.5); // brand green too light for white text
    });

    it('colours are valid hex and give at least 4.5:1 contrast with white text', () => {
      for (const p of profiles) {
        for (const colour of [p.branding.primaryColor, p.branding.accentColor]) {
          expect(colour, p.id).toMatch(/^#[0-9a-f]{6}$/i);
          expect(contrastRatio(colour, '#ffffff'), `${p.id} ${colour}`).toBeGreaterThanOrEqual(4.5);
        }
      }
    });

    it('the logo is a small accessible inline SVG', () => {
      for (const p of profiles) {
        const svg = p.branding.logoSvg;
        expect(svg, p.id).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        expect(svg, p.id).toMatch(/^<svg [^>]*role="img"/);
        expect(svg, p.id).toMatch(/^<svg [^>]*aria-label="[^"]+"/);
        expect(svg.endsWith('</svg>'), p.id).toBe(true);
        expect(svg, p.id).not.toMatch(/<script|href=|url\(/i); // self-contained, nothing to fetch or run
        expect(Buffer.byteLength(svg, 'utf8'), p.id).toBeLessThan(1536);
      }
    });
  });

  describe('texts', () => {
    it('every LocalizedText has all three languages, none empty', () => {
      for (const p of profiles) {
        for (const [where, text] of localizedTexts(p)) {
          expect(Object.keys(text).sort(), `${p.id} ${where}`).toEqual([...LANGUAGES].sort());
          for (const lang of LANGUAGES) expect(text[lang].trim(), `${p.id} ${where}.${lang}`).not.toBe('');
        }
      }
    });

    it('support contacts are present', () => {
      for (const p of profiles) {
        expect(p.support.phone, p.id).toMatch(/^\+?[0-9 ]{4,}$/);
        expect(p.support.email, p.id).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
        expect(p.support.serviceCentres.length, p.id).toBeGreaterThan(0);
        expect(p.website, p.id).toMatch(/^https:\/\//);
      }
    });
  });

  describe('OPS-1: terms of use', () => {
    it('are version 1.0 with real dates, approved no later than valid', () => {
      for (const p of profiles) {
        const { version, approvedOn, validFrom } = p.terms;
        expect(version, p.id).toBe('1.0');
        for (const date of [approvedOn, validFrom]) {
          expect(date, p.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10), p.id).toBe(date);
        }
        expect(approvedOn <= validFrom, p.id).toBe(true);
      }
    });

    it('the Latvian text is a numbered, condensed version of 25–60 lines', () => {
      for (const p of profiles) {
        const lines = p.terms.text.lv.split('\n').filter((line) => line.trim() !== '');
        expect(lines.length, p.id).toBeGreaterThanOrEqual(25);
        expect(lines.length, p.id).toBeLessThanOrEqual(60);
        expect(lines.filter((line) => /^\d+\.\d+\. /.test(line)).length, p.id).toBeGreaterThanOrEqual(15);
      }
    });

    it('English and Russian texts start by saying they are translations and Latvian is authoritative', () => {
      for (const p of profiles) {
        expect(firstLine(p.terms.text.en), p.id).toMatch(/^This is a translation\. The Latvian text is authoritative\.$/);
        expect(firstLine(p.terms.text.ru), p.id).toMatch(/^Это перевод\. Текст на латышском языке имеет преимущественную силу\.$/);
        expect(firstLine(p.terms.text.lv), p.id).not.toMatch(/tulkojum/i);
      }
    });

    it('the translations have the same numbered clauses as the Latvian text', () => {
      const clauseNumbers = (text: string) => text.match(/^\d+(\.\d+)*\. /gm) ?? [];
      for (const p of profiles) {
        const lv = clauseNumbers(p.terms.text.lv);
        expect(clauseNumbers(p.terms.text.en), `${p.id} en`).toEqual(lv);
        expect(clauseNumbers(p.terms.text.ru), `${p.id} ru`).toEqual(lv);
      }
    });

    it('mention the support phone', () => {
      for (const p of profiles) {
        for (const lang of LANGUAGES) {
          expect(p.terms.text[lang], `${p.id} ${lang}`).toContain(p.support.phone);
        }
      }
    });
  });

  describe('loadOperatorProfile', () => {
    it('returns the profile with that id', () => {
      expect(loadOperatorProfile('elektrum').legalName).toBe('AS Latvenergo');
    });

    it('throws for an unknown id, naming the known ids', () => {
      expect(() => loadOperatorProfile('nope')).toThrow(/"nope"/);
      for (const id of Object.keys(OPERATOR_PROFILES)) {
        expect(() => loadOperatorProfile('nope')).toThrow(id);
      }
      // Names inherited from Object.prototype are not profiles.
      expect(() => loadOperatorProfile('toString')).toThrow(/Unknown operator profile/);
      expect(() => loadOperatorProfile('__proto__')).toThrow(/Unknown operator profile/);
    });

    it('returns a deep-frozen profile', () => {
      const profile = loadOperatorProfile('demo');
      expect(Object.isFrozen(profile)).toBe(true);
      expect(Object.isFrozen(profile.rules)).toBe(true);
      expect(Object.isFrozen(profile.modules)).toBe(true);
      expect(Object.isFrozen(profile.support.serviceCentres[0].name)).toBe(true);
      expect(Object.isFrozen(profile.terms.text)).toBe(true);
      expect(() => {
        (profile.rules as { lockoutThreshold: number }).lockoutThreshold = 1000;
      }).toThrow(TypeError);
      expect(() => profile.modules.push('accounts')).toThrow(TypeError);
      expect(Object.isFrozen(OPERATOR_PROFILES)).toBe(true);
    });
  });
});
