// Every case type's API: one line per case type.
export { complaintApi } from './complaints';
export { kycApi } from './kyc';
export { internalRequestApi } from './internal-requests';
export { amlCaseApi } from './aml-cases';
