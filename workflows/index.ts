// The workflow bundle's entry: every case type's workflow function.
export { complaintWorkflow } from './complaint/workflow';
export { kycReviewWorkflow } from './kyc-review/workflow';
export { internalRequestWorkflow } from './internal-request/workflow';
export { clientDevelopmentWorkflow } from './client-development/workflow';
export { amlCaseWorkflow } from './aml-case/workflow';
export { monitoringSweepWorkflow } from './monitoring/sweep';
export { kycRefreshWorkflow, kycRiskRiseWorkflow } from './monitoring/kyc-refresh';
export { rescreenWorkflow, screeningDeltaWorkflow } from './monitoring/rescreen';
export { importWorkflow } from './import/workflow';
