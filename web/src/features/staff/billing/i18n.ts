import { addResources } from '../../../i18n/index.ts';
import lv from './billing.lv.json';
import en from './billing.en.json';
import ru from './billing.ru.json';

/** The back office's billing pages' texts, namespace 'staffBilling': loaded with those pages only. */
export const NAMESPACE = 'staffBilling';

addResources(NAMESPACE, { lv, en, ru });
