import { defineCaseTypeApi } from '../cases/module';
import { clientDevelopmentCase } from '../../workflows/client-development/definition';
import { DEVELOPMENT_FORMS } from './schemas';
import { clientDevelopmentRouter } from './router';

export const clientDevelopmentApi = defineCaseTypeApi({
  definition: clientDevelopmentCase,
  resource: 'client-development',
  forms: DEVELOPMENT_FORMS,
  router: clientDevelopmentRouter,
});
