import { addResources } from '../../i18n/index.ts';
import lv from './Suspension.lv.json';
import en from './Suspension.en.json';
import ru from './Suspension.ru.json';

/** Texts of the suspension banner and of ending a contract (BIL-11, BIL-12), namespace 'suspension'. */
export const SUSPENSION_NAMESPACE = 'suspension';

addResources(SUSPENSION_NAMESPACE, { lv, en, ru });
