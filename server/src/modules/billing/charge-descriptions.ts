import type { LocalizedText } from '@up/operators';
import type { PriceComponentType } from './tariff-model.js';
import type { ChargeSource } from './billing.tables.js';

/** The words of an invoice line, in the three languages (the invoice prints the customer's). */

const COMPONENT_NAMES: Record<PriceComponentType, LocalizedText> = {
  ENERGY: { lv: 'Elektroenerģija', en: 'Electricity', ru: 'Электроэнергия' },
  SPOT_ENERGY: { lv: 'Elektroenerģija par biržas cenu', en: 'Electricity at the spot price', ru: 'Электроэнергия по биржевой цене' },
  MONTHLY_FEE: { lv: 'Abonēšanas maksa', en: 'Monthly fee', ru: 'Абонентская плата' },
  CAPACITY_FEE: { lv: 'Jaudas komponente', en: 'Capacity fee', ru: 'Плата за мощность' },
  TIME: { lv: 'Uzlādes laiks', en: 'Charging time', ru: 'Время зарядки' },
  PARKING_TIME: { lv: 'Stāvēšana pie uzlādes stacijas', en: 'Parking at the charger', ru: 'Стоянка у зарядной станции' },
  FLAT: { lv: 'Uzlādes sesija', en: 'Charging session', ru: 'Сеанс зарядки' },
};

const GRID_ENERGY: LocalizedText = { lv: 'Elektroenerģijas sadale', en: 'Electricity distribution', ru: 'Распределение электроэнергии' };

const VERSION_WORD: LocalizedText = { lv: 'versija', en: 'version', ru: 'версия' };

/** e.g. 'Elektroenerģija, nakts zona (Divu zonu, 2. versija)'. */
export function tariffLineText(
  source: ChargeSource, component: PriceComponentType, label: LocalizedText | null, tariffName: LocalizedText, version: number, extra?: LocalizedText,
): LocalizedText {
  const base = source === 'grid_energy' && (component === 'ENERGY' || component === 'SPOT_ENERGY') ? GRID_ENERGY : COMPONENT_NAMES[component];
  return perLanguage((lang) => {
    const parts = [base[lang], label?.[lang], extra?.[lang]].filter(Boolean).join(', ');
    const versionText = lang === 'en' ? `${VERSION_WORD.en} ${version}` : `${version}. ${VERSION_WORD[lang]}`;
    return `${parts} (${tariffName[lang]}, ${versionText})`;
  });
}

export function instalmentText(productName: string, number: number, count: number): LocalizedText {
  return {
    lv: `${productName}: ${number}. maksājums no ${count}`,
    en: `${productName}: instalment ${number} of ${count}`,
    ru: `${productName}: платёж ${number} из ${count}`,
  };
}

export const POST_DELIVERY_TEXT: LocalizedText = {
  lv: 'Rēķina piegāde pa pastu', en: 'Invoice delivery by post', ru: 'Доставка счёта по почте',
};

export function perLanguage(make: (lang: keyof LocalizedText) => string): LocalizedText {
  return { lv: make('lv'), en: make('en'), ru: make('ru') };
}
