import type { Lang } from '@up/common/lang';
import { formatMoney, roundHalfUpBig } from '@up/common/money';

/**
 * How the invoice pages write what the billing API answers (BIL-15): exact decimal strings (quantities with three
 * decimals, unit prices with six) in the language's notation without ever going through a float, prices in €,
 * VAT rates, months by name. Money itself is always formatMoney (integer cents).
 */

/** A localized text of the API ({ lv, en, ru }) in the UI language (Latvian if that one is empty). */
export function localized(text: { lv: string; en: string; ru: string } | null | undefined, lang: Lang): string {
  if (!text) return '';
  return text[lang] || text.lv;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * An exact decimal string ('1520.250', '-1', '0.139000') in the language's notation, digits unchanged:
 * lv/ru '1 520,25', en '1,520.25' (the separators of formatMoney). Trailing zeros beyond `minDecimals` are dropped ('2.500000' → '2,50' with 2),
 * which changes no value. Anything that is not a decimal is returned as it is.
 */
export function formatDecimal(value: string, lang: Lang, minDecimals = 0): string {
  const match = DECIMAL.exec(value.trim());
  if (!match) return value;
  const [, sign, whole, given = ''] = match;
  const fraction = given.replace(/0+$/, '').padEnd(minDecimals, '0');
  const [group, point] = lang === 'en' ? [',', '.'] : [' ', ','];
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, group);
  const negative = sign === '-' && /[1-9]/.test(whole + fraction);
  return `${negative ? '-' : ''}${grouped}${fraction ? point + fraction : ''}`;
}

/** A price in euros from its decimal string, at least to the cent: '0.139000' → lv '0,139 €', en '€0.139'. */
export function formatPrice(value: string, lang: Lang): string {
  const text = formatDecimal(value, lang, 2);
  if (!DECIMAL.test(value.trim())) return value;
  if (lang === 'en') return text.startsWith('-') ? `-€${text.slice(1)}` : `€${text}`;
  return `${text} €`;
}

/** A VAT rate: '21' → lv/ru '21 %', en '21%'. */
export function formatPercent(value: string, lang: Lang): string {
  const text = formatDecimal(value, lang);
  return lang === 'en' ? `${text}%` : `${text} %`;
}

/** Amounts of a fraction of a cent (a day's share of an energy line, e.g. 157.88 cents) in euros to 4 decimals. */
export function formatCentsFraction(cents: number, lang: Lang): string {
  if (Number.isInteger(cents)) return formatMoney(cents, lang);
  // hundredths of a cent are exact in the API's number (it rounds them for showing): 157.88 → '1.5788'
  const hundredths = Math.round(cents * 100);
  const negative = hundredths < 0;
  const abs = Math.abs(hundredths);
  const euros = `${negative ? '-' : ''}${Math.floor(abs / 10_000)}.${String(abs % 10_000).padStart(4, '0')}`;
  // always four decimals, so that a column of days lines up ('1,6630 €', not '1,663 €')
  const text = formatDecimal(euros, lang, 4);
  if (lang === 'en') return text.startsWith('-') ? `-€${text.slice(1)}` : `€${text}`;
  return `${text} €`;
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** A billing period '2026-10' by name: lv '2026. gada oktobris', en 'October 2026', ru 'октябрь 2026 г.'. */
export function formatPeriod(period: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  let format = monthFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    monthFormats.set(lang, format);
  }
  return format.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15)));
}

const shortMonthFormats = new Map<string, Intl.DateTimeFormat>();

/** A period's month, short, for a chart's axis: '2026-10' → lv 'okt.', en 'Oct', ru 'окт.'. */
export function formatPeriodShort(period: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  let format = shortMonthFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' });
    shortMonthFormats.set(lang, format);
  }
  return format.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15)));
}

/**
 * A line's computation, checked exactly: quantity × unit price in nano-euros (three decimals × six decimals),
 * rounded half-up to the cent once. `matches` says whether that is the line's amount (a spot-price line's unit
 * price is the month's average, rounded to six decimals, so its amount is the sum of its intervals instead).
 */
export function lineProduct(quantity: string, unitPrice: string, netCents: number): { cents: number; exact: string; matches: boolean } | null {
  const q = scaled(quantity, 3);
  const p = scaled(unitPrice, 6);
  if (q === null || p === null) return null;
  const nanoEuros = q * p; // 10^-3 × 10^-6 €
  const cents = Number(roundHalfUpBig(nanoEuros, 10_000_000n));
  const negative = nanoEuros < 0n;
  const abs = negative ? -nanoEuros : nanoEuros;
  const digits = abs.toString().padStart(10, '0');
  const exact = `${negative ? '-' : ''}${digits.slice(0, -9)}.${digits.slice(-9)}`;
  return { cents, exact, matches: cents === netCents };
}

/** '372.606' at 3 decimals → 372606n; null for anything else or more decimals than that. */
function scaled(value: string, decimals: number): bigint | null {
  const match = DECIMAL.exec(value.trim());
  if (!match || (match[3] ?? '').length > decimals) return null;
  const digits = BigInt(match[2] + (match[3] ?? '').padEnd(decimals, '0'));
  return match[1] === '-' ? -digits : digits;
}

/** Wh as kWh with three decimals, exact: 11358 → lv '11,358', en '11.358'. */
export function formatWhAsKwh(wh: number, lang: Lang): string {
  const negative = wh < 0;
  const abs = Math.abs(Math.trunc(wh));
  const text = `${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, '0')}`;
  return formatDecimal(negative ? `-${text}` : text, lang, 3);
}

/** The months before `period` back to `count` months ago and itself, newest first: '2026-12' → ['2026-12', '2026-11', …]. */
export function recentPeriods(period: string, count: number): string[] {
  const [year, month] = period.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}
