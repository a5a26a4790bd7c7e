// The query string of a list request (react-admin's getList parameters → the API's `filter`, `sort`, `range`):
// shared by the data provider and the requests sent at start (prefetch.ts), which must ask exactly the same.
// meta.query carries top-level query parameters that are not filters (e.g. tasks' `view`).
import type { GetListParams } from 'react-admin';

export const listQuery = ({ sort, pagination, filter, meta }: Pick<GetListParams, 'sort' | 'pagination' | 'filter' | 'meta'>) => {
  const query = new URLSearchParams({ filter: JSON.stringify(filter ?? {}), ...meta?.query });
  if (sort) query.set('sort', JSON.stringify([sort.field, sort.order]));
  if (pagination) {
    const start = (pagination.page - 1) * pagination.perPage;
    query.set('range', JSON.stringify([start, start + pagination.perPage - 1]));
  }
  return query.toString();
};
