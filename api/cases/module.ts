// What a case type's API folder exports: one descriptor, registered in api/case-types.ts.
import type { Router } from 'express';
import type { ZodType } from 'zod';
import type { ApiDeps } from '../deps';
import type { RouteRegistry } from '../http/route';
import type { CaseTypeDefinition } from '../../workflows/engine/case-type';

export interface CaseTypeApi {
  definition: CaseTypeDefinition;
  /** the URL segment and console resource of its cases, e.g. `complaints` */
  resource: string;
  /** the completion form of each step (validated before the workflow sees it; served as JSON Schema) */
  forms: Record<string, ZodType>;
  /** its routes: start and list (api/cases), and whatever else the case type offers */
  router(deps: ApiDeps, registry: RouteRegistry): Router;
}

export const defineCaseTypeApi = (module: CaseTypeApi): CaseTypeApi => module;
