// While Temporal restarts, a change to a case is answered 503 in bounded time, not 500 after the SDK's
// retries run out (found by the chaos test, test/chaos): ENGINE_UNAVAILABLE when the change was not
// taken, CASE_STUCK when it was accepted and only its result could not be asked for.
import { describe, expect, it } from 'vitest';
import { Client, Connection, ServiceError, type WorkflowUpdateHandle } from '@temporalio/client';
import { freePort } from '../../scripts/lib/ports';
import { boundedResult, mapUpdateError, sendUpdateWithin } from '../../api/temporal/updates';
import { claimTaskUpdate } from '../../workflows/engine/updates';

/** What the SDK throws once its retries of an unreachable server run out. */
const unreachable = (message: string) =>
  new ServiceError(message, {
    cause: Object.assign(new Error('14 UNAVAILABLE: tcp connect error'), { code: 14, details: 'tcp connect error', metadata: {} }),
  });

describe('Temporal unreachable', () => {
  it('answers a change that was not taken with 503 ENGINE_UNAVAILABLE', () => {
    expect(mapUpdateError(unreachable('Workflow Update failed'))).toMatchObject({ status: 503, code: 'ENGINE_UNAVAILABLE' });
    expect(mapUpdateError(unreachable('Update-With-Start failed'))).toMatchObject({ status: 503, code: 'ENGINE_UNAVAILABLE' });
  });

  it('answers an accepted change whose result cannot be asked for with 503 CASE_STUCK', async () => {
    const connection = Connection.lazy({ address: `127.0.0.1:${await freePort()}` });
    const handle = { result: () => Promise.reject(unreachable('Workflow Update Poll failed')) } as unknown as WorkflowUpdateHandle<unknown>;
    await expect(boundedResult(new Client({ connection }), handle, 5_000)).rejects.toMatchObject({ status: 503, code: 'CASE_STUCK' });
  });

  it('gives up within the wait, while the SDK would go on retrying', async () => {
    const connection = Connection.lazy({ address: `127.0.0.1:${await freePort()}` });
    const started = Date.now();
    const actor = { id: 'u-agent1', roles: ['agent'] };
    await expect(
      sendUpdateWithin(1_500, new Client({ connection }), 'complaint-x', claimTaskUpdate, { taskId: 'x', actor }),
    ).rejects.toMatchObject({
      status: 503,
      code: 'ENGINE_UNAVAILABLE',
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
