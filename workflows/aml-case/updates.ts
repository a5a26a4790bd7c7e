import { defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../engine/types';

/** Alerts of the client were attached to this case (sent with signal-with-start by the alert router). */
export const alertsAddedSignal = defineSignal<[{ alertIds: string[] }]>('amlAlertsAdded');
/** Alerts of this case were withdrawn (their list entry left the sanctions list). */
export const alertsWithdrawnSignal = defineSignal<[{ alertIds: string[] }]>('amlAlertsWithdrawn');
/** An MLRO or compliance manager reopens a closed case, with a reason. */
export const reopenAmlCaseUpdate = defineUpdate<void, [{ actor: Actor; reason: string }]>('reopenAmlCase');
