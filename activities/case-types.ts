// Every case type's activities: one line per case type.
export { complaintActivities } from './complaint';
export { kycActivities } from './kyc-review';
export { internalRequestActivities } from './internal-request';
export { clientDevelopmentActivities } from './client-development';
export { amlCaseActivities } from './aml-case';
