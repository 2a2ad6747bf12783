import { addResources } from '../../i18n/index.ts';
import lv from './Collections.lv.json';
import en from './Collections.en.json';
import ru from './Collections.ru.json';

/** The back office's collections texts (BIL-11, BIL-12), namespace 'staffCollections'. */
export const COLLECTIONS_NAMESPACE = 'staffCollections';

addResources(COLLECTIONS_NAMESPACE, { lv, en, ru });
