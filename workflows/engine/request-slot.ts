import { condition } from '@temporalio/workflow';

/**
 * Hands one request from an Update handler to the workflow's main flow. The Update answers only once
 * the main flow has handled the request (and written what it changed), and a request that arrives
 * before the main flow is ready to take it waits here instead of being lost.
 */
export class RequestSlot<T> {
  private pending: T | null = null;
  private handled = 0;

  get waiting(): boolean {
    return this.pending !== null;
  }

  /** Update handler side. */
  async deliver(request: T): Promise<void> {
    const seen = this.handled;
    this.pending = request;
    await condition(() => this.handled > seen);
  }

  /** Main flow side: the request, or null when none came within `timeoutMs` (no timeout: waits for one). */
  async receive(timeoutMs?: number): Promise<T | null> {
    if (timeoutMs === undefined) {
      await condition(() => this.pending !== null);
      return this.pending;
    }
    return (await condition(() => this.pending !== null, Math.max(1, timeoutMs))) ? this.pending : null;
  }

  /** Main flow side, after writing the transition the request caused. */
  done(): void {
    this.pending = null;
    this.handled++;
  }
}
