import { defineCaseTypeApi } from '../cases/module';
import { internalRequestCase } from '../../workflows/internal-request/definition';
import { REQUEST_FORMS } from './schemas';
import { internalRequestsRouter } from './router';

export const internalRequestApi = defineCaseTypeApi({
  definition: internalRequestCase,
  resource: 'internal-requests',
  forms: REQUEST_FORMS,
  router: internalRequestsRouter,
});
