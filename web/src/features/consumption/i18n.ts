import { addResources } from '../../i18n/index.ts';
import lv from './consumption.lv.json';
import en from './consumption.en.json';
import ru from './consumption.ru.json';

/** The consumption pages' texts, namespace 'consumption': loaded with these pages, not with the login page. */
export const NAMESPACE = 'consumption';

addResources(NAMESPACE, { lv, en, ru });
