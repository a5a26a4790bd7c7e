// Enumerations from docs/api.md; labels live under complaint.<enum>.<value> in the messages.
export const channels = ['phone', 'email', 'web', 'chat', 'branch'] as const;
export const severities = ['low', 'medium', 'high'] as const;
export const categories = [
  'trade_execution',
  'deposit_withdrawal',
  'account_access',
  'fees_charges',
  'advice_conduct',
  'platform',
  'kyc_onboarding',
  'other',
] as const;
export const rootCauses = [
  'product',
  'process',
  'staff',
  'system',
  'third_party',
  'client_misunderstanding',
  'other',
] as const;
export const complaintStatuses = ['open', 'awaiting_client', 'closed'] as const;

/** react-admin choices whose names are translation keys (inputs translate them). */
export const choices = (prefix: string, values: readonly string[]) =>
  values.map((id) => ({ id, name: `${prefix}.${id}` }));
