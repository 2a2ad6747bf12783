/**
 * The invoice pages' texts (namespace 'invoices') and the back office's billing texts ('staffBilling') exist in
 * Latvian, English and Russian with the same keys and {{placeholders}}, none empty — the checks translations.test.ts
 * makes of the shell's and the other features' namespaces.
 */
import { describe, expect, it } from 'vitest';
import lv from './invoices.lv.json';
import en from './invoices.en.json';
import ru from './invoices.ru.json';
import staffLv from '../staff/billing/billing.lv.json';
import staffEn from '../staff/billing/billing.en.json';
import staffRu from '../staff/billing/billing.ru.json';

type Tree = { [key: string]: string | Tree };
const LANGUAGES = ['lv', 'en', 'ru'] as const;
const NAMESPACES: Record<string, Record<(typeof LANGUAGES)[number], Tree>> = {
  invoices: { lv, en, ru },
  staffBilling: { lv: staffLv, en: staffEn, ru: staffRu },
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

  it('have the same keys in lv, en and ru', () => {
    const english = [...baseKeys('en')].sort();
    expect([...baseKeys('lv')].sort()).toEqual(english);
    expect([...baseKeys('ru')].sort()).toEqual(english);
  });

  it('have every plural form a language needs', () => {
    for (const lang of LANGUAGES) {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      const plurals = new Set([...texts[lang].keys()].filter((key) => PLURAL_SUFFIX.test(key)).map((key) => key.replace(PLURAL_SUFFIX, '')));
      for (const key of plurals) expect(categories.filter((category) => !texts[lang].has(`${key}_${category}`)), `${lang} ${key}`).toEqual([]);
    }
  });

  it('use the same placeholders in every language', () => {
    for (const [key, english] of texts.en) {
      for (const lang of ['lv', 'ru'] as const) {
        const text = texts[lang].get(key);
        if (text !== undefined) expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(english));
      }
    }
  });

  it('are not left empty', () => {
    for (const lang of LANGUAGES) expect([...texts[lang].entries()].filter(([, text]) => text.trim() === '').map(([key]) => key), lang).toEqual([]);
  });
});
