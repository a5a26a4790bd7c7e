import { defineCaseTypeApi } from '../cases/module';
import { amlCase } from '../../workflows/aml-case/definition';
import { AML_FORMS } from './schemas';
import { amlCasesRouter } from './router';

export const amlCaseApi = defineCaseTypeApi({
  definition: amlCase,
  resource: 'aml-cases',
  forms: AML_FORMS,
  router: amlCasesRouter,
});
