// The values the internal request screens label (messages under internal_request.<enum>.<value>);
// test/unit/i18n.test.ts checks they are the API's and that every one has a label in every language.
export const requestKinds = ['document', 'callback', 'data_correction', 'other'] as const;
export const requestStatuses = ['open', 'awaiting_requester', 'closed'] as const;
export const requestSteps = ['fulfil'] as const;
export const requestStates = ['fulfil', 'awaiting_requester', 'closed'] as const;
export { choices } from '../i18n/choices';
