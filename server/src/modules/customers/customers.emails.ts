import type { EmailTemplate } from '../notifications/index.js';

/** The e-mails the customers module sends, in lv, en and ru; {name}-style placeholders are filled when queued. */
export const CUSTOMERS_EMAILS = {
  contact_changed: {
    lv: { subject: '{portal}: kontaktinformācija mainīta', body: 'Labdien!\n\nKlienta "{customer}" kontaktinformācija portālā {portal} ir mainīta: {changes}. Ja to nedarījāt jūs, nekavējoties sazinieties ar klientu apkalpošanu: {support}.' },
    en: { subject: '{portal}: contact details changed', body: 'Hello,\n\nThe contact details of "{customer}" at {portal} were changed: {changes}. If you did not do this, contact customer service at once: {support}.' },
    ru: { subject: '{portal}: контактные данные изменены', body: 'Здравствуйте!\n\nКонтактные данные клиента «{customer}» в {portal} изменены: {changes}. Если это сделали не вы, немедленно свяжитесь со службой поддержки: {support}.' },
  },
} satisfies Record<string, EmailTemplate>;
