import type { EmailTemplate } from '../notifications/index.js';

/** BIL-12: the e-mails (and portal notices) about ending a contract, in lv, en and ru. */
export const TERMINATION_EMAILS = {
  notice_confirmed: {
    lv: { subject: '{portal}: līgums {contract} tiks izbeigts {endsOn}', body: 'Labdien!\n\nEsam saņēmuši klienta "{customer}" uzteikumu līgumam {contract}. Līgums ir spēkā līdz {endsOn} (5 darba dienas pēc uzteikuma); līdz tai dienai saņemtais pakalpojums tiks iekļauts rēķinā.\n\n{url}' },
    en: { subject: '{portal}: contract {contract} ends on {endsOn}', body: 'Hello,\n\nWe have received the notice of "{customer}" on contract {contract}. The contract runs until {endsOn} (5 working days after the notice); the service received until that day will be invoiced.\n\n{url}' },
    ru: { subject: '{portal}: договор {contract} прекращается {endsOn}', body: 'Здравствуйте!\n\nМы получили уведомление клиента «{customer}» о расторжении договора {contract}. Договор действует до {endsOn} (5 рабочих дней после уведомления); услуга, полученная до этого дня, будет включена в счёт.\n\n{url}' },
  },
  operator_notice: {
    lv: { subject: '{portal}: uzteikums līgumam {contract}', body: 'Labdien!\n\nMaksājumu kavējuma dēļ uzsakām klienta "{customer}" līgumu {contract}. Līgums ir spēkā līdz {endsOn}; līdz tai dienai saņemtais pakalpojums tiks iekļauts rēķinā. Ja jautājumi, sazinieties ar klientu apkalpošanu.\n\n{url}' },
    en: { subject: '{portal}: notice on contract {contract}', body: 'Hello,\n\nBecause of late payment we end contract {contract} of "{customer}". The contract runs until {endsOn}; the service received until that day will be invoiced. If you have questions, contact customer service.\n\n{url}' },
    ru: { subject: '{portal}: расторжение договора {contract}', body: 'Здравствуйте!\n\nИз-за просрочки платежей мы расторгаем договор {contract} клиента «{customer}». Договор действует до {endsOn}; услуга, полученная до этого дня, будет включена в счёт. С вопросами обращайтесь в службу поддержки.\n\n{url}' },
  },
} satisfies Record<string, EmailTemplate>;

