import { addResources } from '../../i18n/index.ts';
import lv from './payments.lv.json';
import en from './payments.en.json';
import ru from './payments.ru.json';

/** The payment pages' texts, namespace 'payments': the customer's page, an invoice's payments, the back office's lists of payments. */
export const NAMESPACE = 'payments';

addResources(NAMESPACE, { lv, en, ru });
