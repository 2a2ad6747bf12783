/** The customers module's public surface: customer records, their contracts and identity codes (ACC-2, ACC-14). */
export {
  findCustomerById, findCustomersByIds, findCustomerByNumber, customerIdsByNumbers, findCustomersByIdentityAndNumber, findPersonCustomersByCode,
  listContracts, contractsRunningBetween, hasActiveContract, hasLiveContract, customerColumnsOf, readCustomerSummaries, toCustomer,
  type Customer, type CustomerSummaryKey, type CustomerSummaryRow,
} from './customers.repository.js';
export { getCustomerRecordForStaff } from './customers.service.js';
export { normalizeIdentityCode } from './identity-code.js';
export { sameName } from './name-match.js';
export { suspendContractsOf, resumeContractsOf } from './contract-suspension.js';
export {
  giveTerminationNotice, previewTermination, endContractsPastTheirEnd, endingContractsOf, terminationEndDay, NOTICE_WORKING_DAYS,
} from './contract-termination.service.js';
export {
  liveContractsOfType, endContractBy, moveContractsToTermsVersion, contractTermsVersionOn, recordContractTermsVersion,
} from './contract-lifecycle.repository.js';
export { contractTypeName, languageOf } from './contract-lifecycle.emails.js';
export { beginWithdrawal, recordWithdrawal, type WithdrawnContract, type WithdrawalAmounts } from './contract-withdrawal.service.js';
