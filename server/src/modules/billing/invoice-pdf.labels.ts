import type { Language } from '@up/operators';
import type { UnitCode, VatCategory } from './invoice-document.js';

/** The fixed texts of the invoice PDF (invoice-pdf.ts) in one language. */
export interface InvoicePdfLabels {
  invoice: string;
  creditNote: string;
  number: string;
  issueDate: string;
  dueDate: string;
  period: string;
  seller: string;
  buyer: string;
  customerNumber: string;
  registrationNumber: string;
  vatNumber: string;
  lineNumber: string;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  net: string;
  vatPercent: string;
  vatSummary: string;
  vatRate: string;
  taxableAmount: string;
  totalWithoutVat: string;
  vat: string;
  total: string;
  paidInAdvance: string;
  toPay: string;
  paymentReference: string;
  payTo: string;
  amount: string;
  scanToPay: string;
  /** the words after a VAT rate for categories other than the standard one, e.g. reverse charge */
  vatCategory: Record<Exclude<VatCategory, 'S'>, string>;
  units: Record<UnitCode, string>;
  page(page: number, pages: number): string;
  correctsInvoice(number: string, date: string): string;
}

export const INVOICE_PDF_LABELS: Record<Language, InvoicePdfLabels> = {
  lv: {
    invoice: 'Rēķins',
    creditNote: 'Kredītrēķins',
    number: 'Numurs',
    issueDate: 'Datums',
    dueDate: 'Apmaksāt līdz',
    period: 'Norēķinu periods',
    seller: 'Pārdevējs',
    buyer: 'Pircējs',
    customerNumber: 'Klienta numurs',
    registrationNumber: 'Reģ. Nr.',
    vatNumber: 'PVN Nr.',
    lineNumber: 'Nr.',
    description: 'Apraksts',
    quantity: 'Daudzums',
    unit: 'Mērv.',
    unitPrice: 'Cena, €',
    net: 'Summa bez PVN',
    vatPercent: 'PVN %',
    vatSummary: 'PVN kopsavilkums',
    vatRate: 'Likme',
    taxableAmount: 'Apliekamā summa',
    totalWithoutVat: 'Kopā bez PVN',
    vat: 'PVN',
    total: 'Kopā',
    paidInAdvance: 'Samaksāts avansā',
    toPay: 'Apmaksai',
    paymentReference: 'Maksājuma atsauce',
    payTo: 'Maksājuma saņēmējs',
    amount: 'Summa',
    scanToPay: 'Noskenējiet ar savas bankas lietotni, lai samaksātu',
    vatCategory: { Z: 'nulles likme', E: 'atbrīvots no PVN', AE: 'apgrieztā PVN maksāšana' },
    units: { KWH: 'kWh', MON: 'mēn.', DAY: 'd.', AMP: 'A', HUR: 'h', C62: 'gab.', MIN: 'min' },
    page: (page, pages) => `Lapa ${page} no ${pages}`,
    correctsInvoice: (number, date) => `Koriģē rēķinu ${number} no ${date}`,
  },
  en: {
    invoice: 'Invoice',
    creditNote: 'Credit note',
    number: 'Number',
    issueDate: 'Issue date',
    dueDate: 'Due date',
    period: 'Billing period',
    seller: 'Seller',
    buyer: 'Buyer',
    customerNumber: 'Customer number',
    registrationNumber: 'Reg. No.',
    vatNumber: 'VAT No.',
    lineNumber: 'No.',
    description: 'Description',
    quantity: 'Quantity',
    unit: 'Unit',
    unitPrice: 'Unit price, €',
    net: 'Net amount',
    vatPercent: 'VAT %',
    vatSummary: 'VAT summary',
    vatRate: 'Rate',
    taxableAmount: 'Taxable amount',
    totalWithoutVat: 'Total without VAT',
    vat: 'VAT',
    total: 'Total',
    paidInAdvance: 'Paid in advance',
    toPay: 'To pay',
    paymentReference: 'Payment reference',
    payTo: 'Pay to',
    amount: 'Amount',
    scanToPay: 'Scan with your banking app to pay',
    vatCategory: { Z: 'zero rated', E: 'exempt from VAT', AE: 'reverse charge' },
    units: { KWH: 'kWh', MON: 'month', DAY: 'day', AMP: 'A', HUR: 'h', C62: 'pcs', MIN: 'min' },
    page: (page, pages) => `Page ${page} of ${pages}`,
    correctsInvoice: (number, date) => `Corrects invoice ${number} of ${date}`,
  },
  ru: {
    invoice: 'Счёт',
    creditNote: 'Кредитовый счёт',
    number: 'Номер',
    issueDate: 'Дата',
    dueDate: 'Оплатить до',
    period: 'Расчётный период',
    seller: 'Продавец',
    buyer: 'Покупатель',
    customerNumber: 'Номер клиента',
    registrationNumber: 'Рег. №',
    vatNumber: 'Номер НДС',
    lineNumber: '№',
    description: 'Описание',
    quantity: 'Количество',
    unit: 'Ед.',
    unitPrice: 'Цена, €',
    net: 'Сумма без НДС',
    vatPercent: 'НДС %',
    vatSummary: 'Сводка НДС',
    vatRate: 'Ставка',
    taxableAmount: 'Облагаемая сумма',
    totalWithoutVat: 'Итого без НДС',
    vat: 'НДС',
    total: 'Итого',
    paidInAdvance: 'Оплачено авансом',
    toPay: 'К оплате',
    paymentReference: 'Ссылка платежа',
    payTo: 'Получатель платежа',
    amount: 'Сумма',
    scanToPay: 'Отсканируйте приложением своего банка, чтобы оплатить',
    vatCategory: { Z: 'нулевая ставка', E: 'освобождено от НДС', AE: 'обратное начисление НДС' },
    units: { KWH: 'кВт·ч', MON: 'мес.', DAY: 'дн.', AMP: 'А', HUR: 'ч', C62: 'шт.', MIN: 'мин' },
    page: (page, pages) => `Страница ${page} из ${pages}`,
    correctsInvoice: (number, date) => `Исправляет счёт ${number} от ${date}`,
  },
};

/** A calendar date 'YYYY-MM-DD' as the web shows it: lv '05.11.2026.', en '05/11/2026', ru '05.11.2026'. */
export function formatDocumentDate(date: string, language: Language): string {
  const [year, month, day] = date.split('-');
  if (language === 'en') return `${day}/${month}/${year}`;
  if (language === 'lv') return `${day}.${month}.${year}.`;
  return `${day}.${month}.${year}`;
}

/**
 * An exact decimal string ('1520.250', '-1') in the language's notation, digits unchanged: lv/ru
 * '1 520,250', en '1,520.250'. `minDecimals` pads, and trailing zeros beyond it are dropped
 * ('2.500000' → '2,50'), which changes no value.
 */
export function formatDecimal(value: string, language: Language, minDecimals?: number): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) throw new RangeError(`Not a decimal: ${JSON.stringify(value)}`);
  const [, sign, whole, given = ''] = match;
  let fraction = given;
  if (minDecimals !== undefined) fraction = given.replace(/0+$/, '').padEnd(minDecimals, '0');
  const [group, point] = language === 'en' ? [',', '.'] : [' ', ','];
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, group);
  return `${sign}${grouped}${fraction ? point + fraction : ''}`;
}

/** '21' → lv/ru '21 %', en '21%'. */
export function formatPercent(value: string, language: Language): string {
  return `${formatDecimal(value, language)}${language === 'en' ? '%' : ' %'}`;
}
