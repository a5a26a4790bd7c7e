import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Box, Button, Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import { Loading, Title, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { useFormat } from '../i18n/format';
import { importPath } from './api';
import { InvalidRows } from './InvalidRows';
import { ProgressBar, StatusChip } from './ImportProgress';
import { finished } from './types';
import { useImportJob, useRejects } from './useImportJob';

const Count = ({ label, value, testId }: { label: string; value: number; testId: string }) => {
  const translate = useTranslate();
  const format = useFormat();
  return (
    <Box>
      <Typography variant="caption" color="text.secondary">
        {translate(label)}
      </Typography>
      <Typography variant="h6" data-testid={testId} data-value={value}>
        {format.number(value)}
      </Typography>
    </Box>
  );
};

/** One import job: its progress live (socket.io `import.progress`, polling as fallback), its counts, and the rows
 * it rejected with the file to download. */
export const ImportShow = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const format = useFormat();
  const job = useImportJob(id);
  const data = job.data;
  const done = finished(data?.status);
  const rejects = useRejects(data);

  if (job.isPending) return <Loading />;
  if (!data) return <Alert severity="error">{translate('errors.code.NOT_FOUND')}</Alert>;
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={data.fileName} />
      <Card>
        <CardContent>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
            <Typography variant="h6" data-testid="import-file">
              {data.fileName}
            </Typography>
            <Typography color="text.secondary">{translate(`imports.kind.${data.kind}`, { _: data.kind })}</Typography>
            <StatusChip status={data.status} testId="import-status" />
          </Stack>
          <ProgressBar job={data} testId="import-progress" />
          <Grid container spacing={3} sx={{ mt: 1 }}>
            <Grid>
              <Count label="imports.show.total" value={data.total} testId="import-total" />
            </Grid>
            <Grid>
              <Count label="imports.show.applied" value={data.applied} testId="import-applied" />
            </Grid>
            <Grid>
              <Count label="imports.show.rejected" value={data.rejected} testId="import-rejected" />
            </Grid>
          </Grid>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {[
              data.createdByName ?? data.createdBy,
              data.startedAt && `${translate('resources.imports.fields.startedAt')}: ${format.dateTime(data.startedAt)}`,
              data.finishedAt && `${translate('resources.imports.fields.finishedAt')}: ${format.dateTime(data.finishedAt)}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
          {!!data.cases?.total && (
            <Typography variant="body2" color="text.secondary" data-testid="import-cases">
              {translate('imports.show.cases', { processed: data.cases.processed, total: data.cases.total })}
            </Typography>
          )}
          {data.status === 'failed' && data.error && (
            <Alert severity="error" sx={{ mt: 2 }} data-server-text>
              {data.error}
            </Alert>
          )}
        </CardContent>
      </Card>
      {done && (
        <Card sx={{ mt: 2 }}>
          <CardContent>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
              <Typography variant="h6">{translate('imports.show.rejects_title')}</Typography>
              {data.rejected > 0 && (
                <Button
                  component="a"
                  href={`/api${importPath(id)}/rejects`}
                  download={`${data.fileName.replace(/\.[^.]+$/, '')}-rejects.csv`}
                  startIcon={<DownloadIcon />}
                  data-testid="import-rejects-download"
                >
                  {translate('imports.show.download')}
                </Button>
              )}
            </Stack>
            {data.rejected === 0 ? (
              <Typography color="text.secondary">{translate('imports.show.no_rejects')}</Typography>
            ) : rejects.data ? (
              <InvalidRows rows={rejects.data} testId="import-rejects" />
            ) : (
              <Loading />
            )}
          </CardContent>
        </Card>
      )}
    </Box>
  );
};
