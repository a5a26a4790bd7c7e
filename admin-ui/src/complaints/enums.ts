// The complaint enumerations come from the workflow's own table (a pure module), so the console offers
// exactly what the API accepts. Labels live under complaint.<enum>.<value> in the messages.
export {
  CHANNELS as channels,
  SEVERITIES as severities,
  CATEGORIES as categories,
  ROOT_CAUSES as rootCauses,
} from '../../../workflows/complaint/states';
export const complaintStatuses = ['open', 'awaiting_client', 'closed'] as const;
export { choices } from '../i18n/choices';
