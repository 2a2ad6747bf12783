import { addResources } from '../../i18n/index.ts';
import lv from './Withdrawal.lv.json';
import en from './Withdrawal.en.json';
import ru from './Withdrawal.ru.json';

/** Texts of withdrawal (BIL-13) and of announced term changes (BIL-14) on the contracts page, namespace 'withdrawal'. */
export const WITHDRAWAL_NAMESPACE = 'withdrawal';

addResources(WITHDRAWAL_NAMESPACE, { lv, en, ru });
