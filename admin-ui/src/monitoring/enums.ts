// The values the monitoring screens label (messages under monitoring.<enum>.<value>). The console talks to the
// API over HTTP only, so these are its own lists: test/unit/i18n.test.ts checks they are the API's and that
// every one has a label in every language.
export const scenarios = [
  'structuring',
  'in_and_out',
  'third_party',
  'dormant_reactivation',
  'high_risk_jurisdiction',
  'above_profile',
  'sanctions_match',
] as const;
export const alertStatuses = ['new', 'open', 'confirmed', 'dismissed', 'withdrawn'] as const;
export const alertSources = ['inline', 'sweep', 'rescreen'] as const;
export const executions = ['inline', 'window', 'rescreen'] as const;
/** A version's parameters: the default set, then overrides per client risk band. */
export const bands = ['default', 'low', 'medium', 'high', 'critical'] as const;
export const transactionTypes = ['deposit', 'withdrawal', 'trade'] as const;
export const methods = ['cash', 'card', 'bank_transfer', 'crypto', 'internal'] as const;
/** Every template's parameters (the draft editor's rows). */
export const parameters = [
  'threshold',
  'lowerPercent',
  'upperPercent',
  'minCount',
  'windowDays',
  'methods',
  'withdrawnPercent',
  'turnoverPercent',
  'minDeposit',
  'minSimilarity',
  'types',
  'excludeMethods',
  'idleDays',
  'depositMultiple',
  'averageMonths',
  'largeWithdrawal',
  'alwaysCategories',
  'amountCategories',
  'minAmount',
  'percentOfDeclared',
  'minScore',
] as const;
/** What the alerts' evidence computed (aggregates), besides parameters of the same name. */
export const aggregates = [
  'deposits',
  'total',
  'smallest',
  'largest',
  'countedFrom',
  'countedUpTo',
  'deposit',
  'depositAt',
  'withdrawn',
  'turnover',
  'type',
  'amount',
  'counterpartyName',
  'counterpartyCountry',
  'holderName',
  'holderType',
  'relatedNames',
  'similarity',
  'lastActivityAt',
  'priorDeposits',
  'priorMonthlyAverage',
  'country',
  'countryName',
  'category',
  'declaredAnnual',
  'declaredSource',
  'closestName',
  'matcher',
  'source',
  'entryId',
  'entryName',
  'schema',
  'score',
  'matchedName',
  'listVersionId',
] as const;
export { choices } from '../i18n/choices';
