/** The terms module's public surface: versioned terms of use and their acceptance (ACC-1, OPS-1). */
export {
  currentTermsVersion, getCurrentTerms, getTermsVersion, listTermsVersions, publishTerms, ensureProfileTermsPublished,
  recordTermsAcceptance, acceptCurrentTerms, acceptedCurrentTerms, type Terms,
} from './terms.service.js';
