// Every case type's API: one line per case type.
export { complaintApi } from './complaints';
export { kycApi } from './kyc';
export { internalRequestApi } from './internal-requests';
export { clientDevelopmentApi } from './client-development';
export { amlCaseApi } from './aml-cases';
