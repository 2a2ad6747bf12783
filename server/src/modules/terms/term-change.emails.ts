import type { EmailTemplate } from '../notifications/index.js';

/** BIL-14: the announcement of a change of contract terms, in lv, en and ru. */
export const TERM_CHANGE_EMAILS = {
  term_change_announced: {
    lv: {
      subject: '{portal}: līguma noteikumu grozījumi no {effectiveOn}',
      body: 'Labdien!\n\nNo {effectiveOn} mainās līguma "{type}" noteikumi (jaunā versija {termsVersion}). Jūsu līgumi: {numbers}.\n\nKas mainās: {summary}\n\nJa nepiekrītat grozījumiem, līdz {lastDay} ieskaitot varat atkāpties no līguma bez maksas portālā {portal} sadaļā "Līgumi"; līgums beigsies ne vēlāk kā {lastDay}. Ja to nedarīsiet, grozījumi no {effectiveOn} būs pieņemti.\n\nJautājumi: {support}.',
    },
    en: {
      subject: '{portal}: contract terms change from {effectiveOn}',
      body: 'Hello,\n\nFrom {effectiveOn} the terms of the "{type}" contract change (new version {termsVersion}). Your contracts: {numbers}.\n\nWhat changes: {summary}\n\nIf you do not agree, you may leave the contract free of charge up to and including {lastDay} at {portal} under "Contracts"; the contract then ends on {lastDay} at the latest. If you do not, the change stands as accepted from {effectiveOn}.\n\nQuestions: {support}.',
    },
    ru: {
      subject: '{portal}: изменение условий договора с {effectiveOn}',
      body: 'Здравствуйте!\n\nС {effectiveOn} меняются условия договора «{type}» (новая версия {termsVersion}). Ваши договоры: {numbers}.\n\nЧто меняется: {summary}\n\nЕсли вы не согласны, по {lastDay} включительно вы можете бесплатно выйти из договора в {portal}, раздел «Договоры»; договор завершится не позднее {lastDay}. Если вы этого не сделаете, изменения с {effectiveOn} считаются принятыми.\n\nВопросы: {support}.',
    },
  },
} satisfies Record<string, EmailTemplate>;

/** The portal notice of the same announcement (GRD-7), in the customer's language. */
export const TERM_CHANGE_NOTICE = {
  lv: { title: 'Līguma noteikumi mainās no {effectiveOn}', body: '{type}: {summary} Varat atkāpties no līguma līdz {lastDay} sadaļā "Līgumi".' },
  en: { title: 'Contract terms change from {effectiveOn}', body: '{type}: {summary} You may leave the contract until {lastDay} under "Contracts".' },
  ru: { title: 'Условия договора меняются с {effectiveOn}', body: '{type}: {summary} Вы можете выйти из договора по {lastDay} в разделе «Договоры».' },
} as const;
