// The workflow bundle's entry: every case type's workflow function.
export { complaintWorkflow } from './complaint/workflow';
export { kycReviewWorkflow } from './kyc-review/workflow';
export { internalRequestWorkflow } from './internal-request/workflow';
export { clientDevelopmentWorkflow } from './client-development/workflow';
