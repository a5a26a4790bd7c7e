import KycIcon from '@mui/icons-material/VerifiedUser';
import { KycReviewList } from './KycReviewList';
import { KycReviewShow } from './KycReviewShow';

export default {
  list: KycReviewList,
  show: KycReviewShow,
  icon: KycIcon,
  recordRepresentation: 'id',
};

/** Roles the API lets read KYC reviews and the compliance dashboard. */
export const KYC_ROLES = ['kyc_officer', 'senior_compliance_officer', 'compliance_manager', 'admin'];
export const seesKyc = (role: unknown) => KYC_ROLES.includes(role as string);
