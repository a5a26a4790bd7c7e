import { defineCaseTypeApi } from '../cases/module';
import { kycReviewCase } from '../../workflows/kyc-review/definition';
import { KYC_FORMS } from './forms';
import { kycRouter } from './router';

export const kycApi = defineCaseTypeApi({
  definition: kycReviewCase,
  resource: 'kyc-reviews',
  forms: KYC_FORMS,
  router: kycRouter,
});
