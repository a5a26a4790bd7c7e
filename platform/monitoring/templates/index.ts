// Every scenario template. The default scenarios are these templates under their own ids.
import type { Template } from './template';
import { structuring } from './structuring';
import { inAndOut } from './in-and-out';
import { thirdParty } from './third-party';
import { dormantReactivation } from './dormant';
import { highRiskJurisdiction } from './jurisdiction';
import { aboveProfile } from './above-profile';
import { sanctionsMatch } from './sanctions';

export const TEMPLATES: Template[] = [
  structuring,
  inAndOut,
  thirdParty,
  dormantReactivation,
  highRiskJurisdiction,
  aboveProfile,
  sanctionsMatch,
] as Template[];

export const templateOf = (id: string): Template | undefined => TEMPLATES.find((t) => t.id === id);

/** The transaction scenarios of the contract (issue 10), in the order the docs list them. */
export const TRANSACTION_SCENARIOS = [
  'structuring',
  'in_and_out',
  'third_party',
  'dormant_reactivation',
  'high_risk_jurisdiction',
  'above_profile',
] as const;
export const SANCTIONS_SCENARIO = 'sanctions_match';

export { effectiveParameters, parametersSchema, type Parameters, type Template } from './template';
