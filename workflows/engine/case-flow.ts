// The base of a case type's workflow class: the case's state, moved by the case type's state table, with
// each move written to the timeline. A case type adds a method per state (see complaint/workflow.ts).
import type { CaseEngine } from './case-engine';
import { nextStateIn, type StateTable } from './state-table';

export abstract class CaseFlow<S extends string, E extends string, F> {
  constructor(
    protected readonly engine: CaseEngine,
    protected state: S,
    private readonly table: StateTable<S, E, F>,
    private readonly statusOf: (state: S) => string,
  ) {}

  /** What the table's conditional targets look at. */
  protected abstract facts(): F;

  /** Follows the table from the current state on `event` and writes the move to the timeline. */
  protected async moveTo(event: E, actorId: string | null, data: Record<string, unknown> = {}): Promise<void> {
    const from = this.state;
    this.state = nextStateIn(this.engine.row.type, this.table, this.state, event, this.facts());
    this.engine.row.state = this.state;
    this.engine.row.status = this.statusOf(this.state);
    await this.engine.write({ events: [this.engine.event('state_changed', actorId, { from, to: this.state, event, ...data })] });
  }
}
