import type { EmailTemplate } from '../notifications/index.js';

/**
 * BIL-11: the collections e-mails (and the same text as a portal notice), in lv, en and ru. {invoices} lists the
 * overdue invoices one a line; {howToPay} is the payee account and the references to quote.
 */
export const COLLECTIONS_EMAILS = {
  payment_reminder: {
    lv: { subject: '{portal}: atgādinājums par neapmaksātu rēķinu', body: 'Labdien!\n\nKlienta "{customer}" rēķini nav apmaksāti līdz apmaksas termiņam:\n{invoices}\n\nKavētā summa: {overdue}. Nokavējuma procenti līdz šodienai: {interest} (tie tiks iekļauti nākamajā rēķinā).\n\nLūdzam samaksāt tūlīt: portālā ar pogu "Maksāt" ({url}) vai ar pārskaitījumu uz {iban}, maksājuma mērķī norādot rēķina maksājuma atsauci. Ja rēķins jau ir samaksāts, lūdzam neņemt vērā šo atgādinājumu.\n\n{operator}' },
    en: { subject: '{portal}: reminder of an unpaid invoice', body: 'Hello,\n\nThese invoices of "{customer}" were not paid by their due day:\n{invoices}\n\nOverdue: {overdue}. Late interest to date: {interest} (it will be on your next invoice).\n\nPlease pay now: in the portal with "Pay" ({url}) or by transfer to {iban}, quoting the invoice\'s payment reference. If you have paid already, please disregard this reminder.\n\n{operator}' },
    ru: { subject: '{portal}: напоминание о неоплаченном счёте', body: 'Здравствуйте!\n\nСчета клиента «{customer}» не оплачены в срок:\n{invoices}\n\nПросроченная сумма: {overdue}. Проценты за просрочку на сегодня: {interest} (они войдут в следующий счёт).\n\nПросим оплатить сейчас: на портале кнопкой «Оплатить» ({url}) или переводом на {iban}, указав платёжную ссылку счёта. Если счёт уже оплачен, не обращайте внимания на это напоминание.\n\n{operator}' },
  },
  service_suspended: {
    lv: { subject: '{portal}: pakalpojums apturēts', body: 'Labdien!\n\nKlienta "{customer}" pakalpojums ir apturēts: {reason}. Tas attiecas uz klientu un visiem tā lietotājiem.\n\nKavētā summa: {overdue}. Kad kavētais parāds būs samaksāts, pakalpojums tiks atjaunots uzreiz. Maksāt: {url} vai pārskaitījums uz {iban}.\n\n{operator}' },
    en: { subject: '{portal}: service suspended', body: 'Hello,\n\nThe service of "{customer}" is suspended: {reason}. This applies to the customer and all its users.\n\nOverdue: {overdue}. Once the overdue debt is paid the service is restored at once. Pay: {url} or by transfer to {iban}.\n\n{operator}' },
    ru: { subject: '{portal}: обслуживание приостановлено', body: 'Здравствуйте!\n\nОбслуживание клиента «{customer}» приостановлено: {reason}. Это касается клиента и всех его пользователей.\n\nПросроченная сумма: {overdue}. Как только просроченный долг будет оплачен, обслуживание сразу возобновится. Оплатить: {url} или переводом на {iban}.\n\n{operator}' },
  },
  service_restored: {
    lv: { subject: '{portal}: pakalpojums atjaunots', body: 'Labdien!\n\nKlienta "{customer}" pakalpojums ir atjaunots. Paldies!\n\n{operator}' },
    en: { subject: '{portal}: service restored', body: 'Hello,\n\nThe service of "{customer}" is restored. Thank you!\n\n{operator}' },
    ru: { subject: '{portal}: обслуживание возобновлено', body: 'Здравствуйте!\n\nОбслуживание клиента «{customer}» возобновлено. Спасибо!\n\n{operator}' },
  },
} satisfies Record<string, EmailTemplate>;

/** Why a service is suspended, in the e-mail's words. */
export const SUSPENSION_REASON_TEXT = {
  late_payment: { lv: 'rēķini nav apmaksāti laikā', en: 'invoices were not paid in time', ru: 'счета не оплачены вовремя' },
  breach: { lv: 'līguma pārkāpums', en: 'a breach of the contract', ru: 'нарушение договора' },
  limit_exceeded: { lv: 'pārsniegts naudas limits', en: 'the money limit is exceeded', ru: 'превышен денежный лимит' },
  debt_registry: { lv: 'ieraksts parādnieku reģistrā', en: 'an entry in the debtors\' register', ru: 'запись в реестре должников' },
} as const;


export function languageOf(language: string): 'lv' | 'en' | 'ru' {
  return language === 'en' || language === 'ru' ? language : 'lv';
}
