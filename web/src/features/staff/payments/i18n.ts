import { addResources } from '../../../i18n/index.ts';
import lv from './staffPayments.lv.json';
import en from './staffPayments.en.json';
import ru from './staffPayments.ru.json';

/** The back office's payment texts, namespace 'staffPayments': loaded with the payments page and the customer's billing page. */
export const NAMESPACE = 'staffPayments';

addResources(NAMESPACE, { lv, en, ru });
