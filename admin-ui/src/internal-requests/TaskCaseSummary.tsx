import { useGetList, useTranslate } from 'react-admin';
import { Fact, Facts } from '../cases/Facts';
import type { Task } from '../types';

interface RequestAttributes {
  kind?: string;
  subject?: string;
  details?: string;
  urgent?: boolean;
  question?: string;
  answer?: string;
}

/** On a request's task page: what is asked, of which team, how urgently, and any question and answer so far. */
export const RequestTaskSummary = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const a = task.case.attributes as RequestAttributes;
  const { data: teams = [] } = useGetList<{ id: string; name: string }>('teams', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'name', order: 'ASC' },
  });
  const team = teams.find((t) => t.id === task.teamId)?.name;
  return (
    <Facts testId="task-case-summary">
      <Fact label="resources.internal-requests.fields.kind" testId="task-case-kind">
        {a.kind ? translate(`internal_request.kind.${a.kind}`, { _: a.kind }) : undefined}
      </Fact>
      <Fact label="resources.internal-requests.fields.team.name" testId="task-case-team">
        {team}
      </Fact>
      <Fact label="resources.internal-requests.fields.urgent">{a.urgent ? translate('ra.boolean.true') : undefined}</Fact>
      <Fact label="resources.internal-requests.fields.subject">{a.subject}</Fact>
      <Fact label="resources.internal-requests.fields.details" testId="task-case-description">
        {a.details}
      </Fact>
      <Fact label="resources.internal-requests.fields.question">{a.question}</Fact>
      <Fact label="resources.internal-requests.fields.answer">{a.answer}</Fact>
    </Facts>
  );
};
