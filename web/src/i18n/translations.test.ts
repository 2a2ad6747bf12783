/**
 * The web pages come in Latvian, English and Russian: every text exists in all three, with the plural forms
 * each language needs (i18next picks them by Intl.PluralRules) and the same {{placeholders}}.
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '@up/common/contracts/audit-actions';
import lv from './lv.json';
import en from './en.json';
import ru from './ru.json';
import staffLv from '../features/staff/staff.lv.json';
import staffEn from '../features/staff/staff.en.json';
import staffRu from '../features/staff/staff.ru.json';
import consumptionLv from '../features/consumption/consumption.lv.json';
import consumptionEn from '../features/consumption/consumption.en.json';
import consumptionRu from '../features/consumption/consumption.ru.json';
import paymentsLv from '../features/payments/payments.lv.json';
import paymentsEn from '../features/payments/payments.en.json';
import paymentsRu from '../features/payments/payments.ru.json';
import staffPaymentsLv from '../features/staff/payments/staffPayments.lv.json';
import staffPaymentsEn from '../features/staff/payments/staffPayments.en.json';
import staffPaymentsRu from '../features/staff/payments/staffPayments.ru.json';
import claimsLv from '../features/invoices/claims.lv.json';
import claimsEn from '../features/invoices/claims.en.json';
import claimsRu from '../features/invoices/claims.ru.json';
import staffClaimsLv from '../features/staff/Claims.lv.json';
import staffClaimsEn from '../features/staff/Claims.en.json';
import staffClaimsRu from '../features/staff/Claims.ru.json';

type Tree = { [key: string]: string | Tree };
const LANGUAGES = ['lv', 'en', 'ru'] as const;
const NAMESPACES: Record<string, Record<(typeof LANGUAGES)[number], Tree>> = {
  translation: { lv, en, ru },
  staff: { lv: staffLv, en: staffEn, ru: staffRu },
  consumption: { lv: consumptionLv, en: consumptionEn, ru: consumptionRu },
  payments: { lv: paymentsLv, en: paymentsEn, ru: paymentsRu },
  staffPayments: { lv: staffPaymentsLv, en: staffPaymentsEn, ru: staffPaymentsRu },
  claims: { lv: claimsLv, en: claimsEn, ru: claimsRu },
  staffClaims: { lv: staffClaimsLv, en: staffClaimsEn, ru: staffClaimsRu },
};
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') texts.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) texts.set(inner, text);
  }
  return texts;
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1]))].sort();
}

describe.each(Object.entries(NAMESPACES))('the %s texts', (_namespace, languages) => {
  const texts = Object.fromEntries(LANGUAGES.map((lang) => [lang, flatten(languages[lang])]));
  const baseKeys = (lang: string) => new Set([...texts[lang].keys()].map((key) => key.replace(PLURAL_SUFFIX, '')));

  it('have the same keys in lv, en and ru (plural forms aside)', () => {
    const english = [...baseKeys('en')].sort();
    expect([...baseKeys('lv')].sort()).toEqual(english);
    expect([...baseKeys('ru')].sort()).toEqual(english);
  });

  it('have every plural form a language needs', () => {
    for (const lang of LANGUAGES) {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      const plurals = new Set([...texts[lang].keys()].filter((key) => PLURAL_SUFFIX.test(key)).map((key) => key.replace(PLURAL_SUFFIX, '')));
      for (const key of plurals) {
        const missing = categories.filter((category) => !texts[lang].has(`${key}_${category}`));
        expect(missing, `${lang} ${key}`).toEqual([]);
      }
    }
  });

  it('use the same placeholders in every language', () => {
    for (const [key, english] of texts.en) {
      const base = key.replace(PLURAL_SUFFIX, '');
      for (const lang of ['lv', 'ru'] as const) {
        const forms = [...texts[lang].entries()].filter(([other]) => other.replace(PLURAL_SUFFIX, '') === base);
        for (const [form, text] of forms) {
          // a plural form may leave the count out ("one notice"), but never bring in another value
          const allowed = placeholders(english);
          expect(placeholders(text).filter((name) => !allowed.includes(name)), `${lang} ${form}`).toEqual([]);
          if (!PLURAL_SUFFIX.test(form)) expect(placeholders(text), `${lang} ${form}`).toEqual(allowed);
        }
      }
    }
  });

  it('are not left empty', () => {
    for (const lang of LANGUAGES) {
      const empty = [...texts[lang].entries()].filter(([, text]) => text.trim() === '').map(([key]) => key);
      expect(empty, lang).toEqual([]);
    }
  });
});

describe('audit action labels', () => {
  it('ACC-17: every action the server records has a label in lv, en and ru (customers read them on the activity page)', () => {
    // the server's recordAudit takes only these (a typed union), so this is every action it can record
    const actions = [...AUDIT_ACTIONS];
    expect(actions).toEqual(expect.arrayContaining(['login.succeeded', 'logout', 'user.denied', 'user.password_change_required']));
    for (const lang of LANGUAGES) {
      const labels = flatten(NAMESPACES.translation[lang]);
      expect(actions.filter((action) => !labels.has(`auditAction.${action}`)), lang).toEqual([]);
    }
  });
});
