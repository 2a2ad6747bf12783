import { addResources } from '../../i18n/index.ts';
import lv from './TermChange.lv.json';
import en from './TermChange.en.json';
import ru from './TermChange.ru.json';

/** Texts of the back office's term changes (BIL-14) and withdrawal refunds (BIL-13), namespace 'termChanges'. */
export const TERM_CHANGES_NAMESPACE = 'termChanges';

addResources(TERM_CHANGES_NAMESPACE, { lv, en, ru });
