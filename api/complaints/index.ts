import { defineCaseTypeApi } from '../cases/module';
import { complaintCase } from '../../workflows/complaint/definition';
import { COMPLAINT_FORMS } from './forms';
import { complaintsRouter } from './router';

export const complaintApi = defineCaseTypeApi({
  definition: complaintCase,
  resource: 'complaints',
  forms: COMPLAINT_FORMS,
  router: complaintsRouter,
});
