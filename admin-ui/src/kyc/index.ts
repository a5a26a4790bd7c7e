import KycIcon from '@mui/icons-material/VerifiedUser';
import { lazy } from 'react';
import { STEPS } from '../../../workflows/kyc-review/states';
import { showPage, type CaseTypeModule } from '../caseTypeModule';
import { messages } from './i18n';

/** Roles the API lets read KYC reviews and the compliance dashboard. */
const KYC_ROLES = ['kyc_officer', 'senior_compliance_officer', 'compliance_manager', 'admin'];

/** The KYC review case type's console module (registered in admin-ui/src/caseTypes.ts). */
export const kycReview: CaseTypeModule = {
  key: 'kyc_review',
  resource: {
    name: 'kyc-reviews',
    list: lazy(() => import('./KycReviewList').then((m) => ({ default: m.KycReviewList }))),
    show: lazy(() => import('./KycReviewShow').then((m) => ({ default: m.KycReviewShow }))),
    icon: KycIcon,
    recordRepresentation: 'id',
  },
  menu: { roles: KYC_ROLES },
  steps: STEPS,
  link: showPage('kyc-reviews'),
  dashboard: { component: lazy(() => import('./ComplianceCard').then((m) => ({ default: m.ComplianceCard }))), roles: KYC_ROLES },
  messages,
};
