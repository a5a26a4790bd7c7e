// The Temporal Schedules of ongoing monitoring, created by the worker at start when missing (an
// administrator may pause or re-time them with the Temporal CLI or UI; an existing one is left alone).
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';

export const SCHEDULES = [
  /** the window rules over yesterday's transactions, and alerts a crash left unrouted */
  {
    id: 'monitoring-daily-sweep',
    workflowType: 'monitoringSweepWorkflow',
    workflowId: 'monitoring-sweep-scheduled',
    calendar: { hour: 2, minute: 0 },
  },
  /** KYC reviews for the clients whose next review date has come */
  { id: 'kyc-refresh-daily', workflowType: 'kycRefreshWorkflow', workflowId: 'kyc-refresh-scheduled', calendar: { hour: 3, minute: 0 } },
  /** list versions imported since the last check, re-screened as deltas */
  {
    id: 'screening-delta-hourly',
    workflowType: 'screeningDeltaWorkflow',
    workflowId: 'screening-delta-scheduled',
    calendar: { minute: 15 },
  },
] as const;

export async function ensureSchedules(client: Client, taskQueue: string): Promise<string[]> {
  const created: string[] = [];
  for (const s of SCHEDULES) {
    try {
      await client.schedule.create({
        scheduleId: s.id,
        spec: { calendars: [s.calendar] },
        action: { type: 'startWorkflow', workflowType: s.workflowType, workflowId: s.workflowId, taskQueue, args: [] },
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      });
      created.push(s.id);
    } catch (err) {
      if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    }
  }
  return created;
}
