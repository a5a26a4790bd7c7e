import DownloadIcon from '@mui/icons-material/GetApp';
import { Button } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';

/** The server's export of what the list selects (its search and filters, and its sort) within the user's scope and
 * masking, as CSV: all of it, not one page, audited by the API. A link, so the browser downloads it with the session's cookie. */
export const ServerExportButton = ({ path, testId }: { path: string; testId: string }) => {
  const { filterValues, sort, total } = useListContext();
  const translate = useTranslate();
  const query = new URLSearchParams({ filter: JSON.stringify(filterValues ?? {}) });
  if (sort?.field) query.set('sort', JSON.stringify([sort.field, sort.order]));
  return (
    <Button
      component="a"
      href={`${path}?${query}`}
      download
      size="small"
      startIcon={<DownloadIcon />}
      disabled={total === 0}
      data-testid={testId}
    >
      {translate('ra.action.export')}
    </Button>
  );
};
