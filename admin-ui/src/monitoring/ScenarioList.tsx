import { Card, CardContent, Chip, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Loading, Title, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { useFormat } from '../i18n/format';
import { ScrollX } from '../layout/ScrollX';
import { http } from '../providers/dataProvider';
import { useMonitoringLabels } from './labels';
import type { Scenario } from './types';

export const scenarioPath = (id: string) => `/monitoring/scenarios/${encodeURIComponent(id)}`;

/** The scenarios: what runs (inline or in sweeps), the version in force and since when, and any draft. */
export const ScenarioList = () => {
  const translate = useTranslate();
  const format = useFormat();
  const l = useMonitoringLabels();
  const { data, isPending, error } = useQuery({
    queryKey: ['monitoring', 'scenarios'],
    queryFn: async () => (await http('/monitoring/scenarios')).json as Scenario[],
  });
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="monitoring.scenarios.title" />
      <CardContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('monitoring.scenarios.hint')}
        </Typography>
        {isPending ? (
          <Loading />
        ) : error ? (
          <Typography color="error">{String((error as Error).message)}</Typography>
        ) : (
          <ScrollX>
            <Table size="small" data-testid="scenario-list">
              <TableHead>
                <TableRow>
                  {['name', 'execution', 'in_force', 'published', 'draft', 'enabled'].map((c) => (
                    <TableCell key={c}>{translate(`monitoring.scenarios.column.${c}`)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {data.map((s) => (
                  <TableRow key={s.id} data-testid={`scenario-row-${s.id}`} hover>
                    <TableCell>
                      <Link component={RouterLink} to={scenarioPath(s.id)} data-testid={`scenario-open-${s.id}`}>
                        {l.scenario(s.id, s.name)}
                      </Link>
                    </TableCell>
                    <TableCell>{l.label('execution', s.execution)}</TableCell>
                    <TableCell data-testid="scenario-in-force">
                      {s.inForce ? translate('monitoring.version_n', { version: s.inForce.version }) : '-'}
                    </TableCell>
                    <TableCell>{s.inForce?.publishedAt ? format.date(s.inForce.publishedAt) : '-'}</TableCell>
                    <TableCell>
                      {s.draft ? (
                        <Chip size="small" color="warning" label={translate('monitoring.version_n', { version: s.draft.version })} />
                      ) : (
                        '-'
                      )}
                    </TableCell>
                    <TableCell>{translate(s.enabled ? 'ra.boolean.true' : 'ra.boolean.false')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollX>
        )}
      </CardContent>
    </Card>
  );
};
