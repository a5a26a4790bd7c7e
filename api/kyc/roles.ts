import type { Role } from '../../workflows/engine/types';

/** KYC staff; agents and complaint handlers see a client's KYC status only (GET /clients/:id/kyc). */
export const KYC_ROLES: Role[] = ['kyc_officer', 'senior_compliance_officer', 'compliance_manager'];
