import { ApplicationFailure } from '@temporalio/workflow';

// The failure `type` is the contract with the API's error mapping (api/temporal/updates.ts):
// CONFLICT → 409, FORBIDDEN → 403. `details[0]` is the machine-readable reason.
export function conflict(reason: string, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: 'CONFLICT', message, details: [reason], nonRetryable: true });
}

export function forbidden(reason: string, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: 'FORBIDDEN', message, details: [reason], nonRetryable: true });
}
