import { addResources } from '../../i18n/index.ts';
import lv from './claims.lv.json';
import en from './claims.en.json';
import ru from './claims.ru.json';

/** The texts of claims (BIL-7) and of the money limit the customer sees (BIL-6), namespace 'claims'. */
export const CLAIMS_NAMESPACE = 'claims';

addResources(CLAIMS_NAMESPACE, { lv, en, ru });
