// The reference for the engine's cost: a workflow that starts, runs one activity and returns.
import { proxyActivities } from '@temporalio/workflow';
import type { bareActivities } from './activities';

const { touch } = proxyActivities<typeof bareActivities>({ startToCloseTimeout: '30 seconds' });

export async function bareWorkflow(id: string): Promise<string> {
  return touch(id);
}
