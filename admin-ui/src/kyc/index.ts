import KycIcon from '@mui/icons-material/VerifiedUser';
import { lazy } from 'react';
import { showPage, type CaseTypeModule } from '../caseTypeModule';
import { kycSteps } from './enums';
import { messages } from './i18n';

/** The KYC review case type's console module (registered in admin-ui/src/caseTypes.ts). */
export const kycReview: CaseTypeModule = {
  key: 'kyc_review',
  resource: {
    name: 'kyc-reviews',
    list: lazy(() => import('./KycReviewList').then((m) => ({ default: m.KycReviewList }))),
    show: lazy(() => import('./KycReviewShow').then((m) => ({ default: m.KycReviewShow }))),
    create: lazy(() => import('./KycReviewCreate').then((m) => ({ default: m.KycReviewCreate }))),
    icon: KycIcon,
    recordRepresentation: 'reference',
  },
  steps: kycSteps,
  link: showPage('kyc-reviews'),
  dashboard: { component: lazy(() => import('./ComplianceCard').then((m) => ({ default: m.ComplianceCard }))) },
  formInputs: { hitIds: lazy(() => import('./HitPicker').then((m) => ({ default: m.HitPicker }))) },
  TaskCaseSummary: lazy(() => import('./TaskCaseSummary').then((m) => ({ default: m.KycTaskSummary }))),
  messages,
};
