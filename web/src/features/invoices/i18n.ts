import { addResources } from '../../i18n/index.ts';
import lv from './invoices.lv.json';
import en from './invoices.en.json';
import ru from './invoices.ru.json';

/** The invoice pages' texts, namespace 'invoices': loaded with these pages (and the back office's invoice pages). */
export const NAMESPACE = 'invoices';

addResources(NAMESPACE, { lv, en, ru });
