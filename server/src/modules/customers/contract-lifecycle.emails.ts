import type { ContractType } from '@up/common/contracts/customers';
import type { Language, LocalizedText } from '@up/operators';
import type { EmailTemplate } from '../notifications/index.js';

/** The e-mails of the contract lifecycle (BIL-13), in lv, en and ru; {name}-style placeholders are filled when queued. */
export const CONTRACT_LIFECYCLE_EMAILS = {
  contract_confirmation: {
    lv: {
      subject: '{portal}: līgums {number} stājas spēkā',
      body: 'Labdien!\n\nApstiprinām līgumu ar klientu "{customer}":\nLīguma numurs: {number}\nLīguma veids: {type}\nObjekts: {object}\nLīguma noteikumu versija: {termsVersion}\n\nLīgums stājas spēkā ar šī e-pasta nosūtīšanas dienu.\n\nAtteikuma tiesības: 14 dienu laikā no līguma spēkā stāšanās dienas (līdz {withdrawalLastDay} ieskaitot) jūs varat atteikties no līguma, neminot iemeslu, portālā {portal} sadaļā "Līgumi". Samaksāto atmaksāsim 14 dienu laikā, atskaitot jau saņemtā pakalpojuma vērtību.\n\nJautājumi: {support}.',
    },
    en: {
      subject: '{portal}: contract {number} takes effect',
      body: 'Hello,\n\nWe confirm the contract with "{customer}":\nContract number: {number}\nContract type: {type}\nObject: {object}\nContract terms version: {termsVersion}\n\nThe contract takes effect on the day this e-mail is sent.\n\nRight of withdrawal: within 14 days of the day the contract takes effect (up to and including {withdrawalLastDay}) you may withdraw from the contract without giving a reason, at {portal} under "Contracts". We refund what you paid within 14 days, less the value of the service already received.\n\nQuestions: {support}.',
    },
    ru: {
      subject: '{portal}: договор {number} вступает в силу',
      body: 'Здравствуйте!\n\nПодтверждаем договор с клиентом «{customer}»:\nНомер договора: {number}\nВид договора: {type}\nОбъект: {object}\nВерсия условий договора: {termsVersion}\n\nДоговор вступает в силу в день отправки этого письма.\n\nПраво отказа: в течение 14 дней со дня вступления договора в силу (по {withdrawalLastDay} включительно) вы можете отказаться от договора без объяснения причин в {portal}, раздел «Договоры». Уплаченное вернём в течение 14 дней за вычетом стоимости уже полученной услуги.\n\nВопросы: {support}.',
    },
  },
  contract_withdrawn: {
    lv: {
      subject: '{portal}: atteikums no līguma {number} saņemts',
      body: 'Labdien!\n\nJūs atteicāties no līguma {number} ({type}). Līgums beidzās {withdrawnOn}.\n\nSamaksāts: {paid}\nSaņemtā pakalpojuma vērtība: {received}\nAtmaksājamā summa: {refund}, ne vēlāk kā {refundDueOn}.\n\nJautājumi: {support}.',
    },
    en: {
      subject: '{portal}: withdrawal from contract {number} received',
      body: 'Hello,\n\nYou withdrew from contract {number} ({type}). The contract ended on {withdrawnOn}.\n\nPaid: {paid}\nValue of the service received: {received}\nRefund: {refund}, by {refundDueOn} at the latest.\n\nQuestions: {support}.',
    },
    ru: {
      subject: '{portal}: отказ от договора {number} получен',
      body: 'Здравствуйте!\n\nВы отказались от договора {number} ({type}). Договор завершён {withdrawnOn}.\n\nУплачено: {paid}\nСтоимость полученной услуги: {received}\nК возврату: {refund}, не позднее {refundDueOn}.\n\nВопросы: {support}.',
    },
  },
} satisfies Record<string, EmailTemplate>;

/** Contract types by name in the e-mails (the web has the same names in its i18n files). */
export const CONTRACT_TYPE_NAMES: Record<ContractType, LocalizedText> = {
  electricity_supply: { lv: 'Elektroenerģijas tirdzniecība', en: 'Electricity supply', ru: 'Поставка электроэнергии' },
  gas_supply: { lv: 'Dabasgāzes tirdzniecība', en: 'Gas supply', ru: 'Поставка газа' },
  grid_connection: { lv: 'Pieslēgums elektrotīklam', en: 'Grid connection', ru: 'Подключение к сети' },
  ev_charging: { lv: 'Elektroauto uzlāde', en: 'EV charging', ru: 'Зарядка электромобиля' },
  radio_permit: { lv: 'Radiofrekvenču atļauja', en: 'Radio frequency permit', ru: 'Разрешение на радиочастоты' },
  product_purchase: { lv: 'Preču pirkums', en: 'Product purchase', ru: 'Покупка товара' },
  additional_service: { lv: 'Papildpakalpojums', en: 'Additional service', ru: 'Дополнительная услуга' },
};

export function contractTypeName(type: string, language: string): string {
  return CONTRACT_TYPE_NAMES[type as ContractType]?.[languageOf(language)] ?? type;
}

/** The reader's language as the templates know it (Latvian when it is none of the three). */
export function languageOf(language: string): Language {
  return language === 'en' || language === 'ru' ? language : 'lv';
}
