import { Box, Link } from '@mui/material';
import { useGetOne, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { Fact, Facts } from '../cases/Facts';
import { useMonitoringLabels } from '../monitoring/labels';
import type { Task } from '../types';
import type { AmlAttributes, AmlCase } from './types';

/** On an AML case's task page: the scenarios that fired and how many alerts, the findings and the decision so far,
 * and each alert's key figures (the case page has the full evidence). */
export const AmlTaskSummary = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const l = useMonitoringLabels();
  const a = task.case.attributes as AmlAttributes;
  const { data: aml } = useGetOne<AmlCase>('aml-cases', { id: task.caseId });
  return (
    <Facts testId="task-case-summary">
      <Fact label="resources.aml-cases.fields.scenarios" testId="task-case-scenarios">
        {(a.scenarios ?? []).map((s) => l.scenario(s)).join(', ') || undefined}
      </Fact>
      <Fact label="resources.aml-cases.fields.alertIds">{a.alertIds?.length ? String(a.alertIds.length) : undefined}</Fact>
      <Fact label="resources.aml-cases.fields.findings">{a.findings}</Fact>
      <Fact label="resources.aml-cases.fields.decision">
        {a.decision ? translate(`aml_case.task.outcome.${a.decision}`, { _: a.decision }) : undefined}
      </Fact>
      <Fact label="resources.aml-cases.fields.decisionReason">{a.decisionReason}</Fact>
      <Fact label="aml_case.sections.alerts" testId="task-case-alerts">
        {aml?.alerts?.length ? (
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {aml.alerts.map((x) => (
              <li key={x.id}>
                {l.scenario(x.scenario, x.scenarioName)} · {translate('monitoring.version_n', { version: x.scenarioVersion })}
                {Object.entries(x.evidence?.aggregates ?? {})
                  .slice(0, 3)
                  .map(([k, v]) => ` · ${l.name(k)}: ${l.value(k, v)}`)
                  .join('')}
              </li>
            ))}
          </Box>
        ) : undefined}
      </Fact>
      <Fact label="aml_case.evidence">
        <Link component={RouterLink} to={`/aml-cases/${encodeURIComponent(task.caseId)}/show`}>
          {translate('aml_case.open_case')}
        </Link>
      </Fact>
    </Facts>
  );
};
