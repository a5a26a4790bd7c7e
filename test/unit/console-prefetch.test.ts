// The inbox's first page asked for at start (admin-ui/src/providers/prefetch.ts) must be exactly the request the
// data provider makes for the inbox's list (same query string builder, the inbox's defaults), or it is never
// used; anything else than the inbox opened without parameters asks nothing.
import { describe, expect, it } from 'vitest';
import { listQuery } from '../../admin-ui/src/providers/listQuery';
import { INBOX, inboxFirstPage } from '../../admin-ui/src/providers/prefetch';

describe('console: the inbox asked for at start', () => {
  it('is the list request of the inbox with its defaults', () => {
    const asked = `/tasks?${listQuery({
      filter: {},
      sort: INBOX.sort,
      pagination: { page: 1, perPage: INBOX.perPage },
      meta: { query: { view: INBOX.view } },
    })}`;
    expect(inboxFirstPage('#/tasks')).toBe(asked);
    expect(asked).toBe('/tasks?filter=%7B%7D&view=mine&sort=%5B%22dueAt%22%2C%22ASC%22%5D&range=%5B0%2C24%5D');
  });

  it('is not guessed for another page or parameters in the address', () => {
    expect(inboxFirstPage('#/')).toBeUndefined();
    expect(inboxFirstPage('#/complaints')).toBeUndefined();
    expect(inboxFirstPage('#/tasks/t-1/show')).toBeUndefined();
    expect(inboxFirstPage('#/tasks?filter=%7B%22status%22%3A%22open%22%7D')).toBeUndefined();
  });
});
