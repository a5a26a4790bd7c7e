import { useTranslate } from 'react-admin';
import { Fact, Facts } from '../cases/Facts';
import type { Task } from '../types';

interface ComplaintAttributes {
  channel?: string;
  category?: string;
  severity?: string;
  description?: string;
  resolution?: string;
}

/** On a complaint's task page: what the client complained about, how, and how serious it is. */
export const ComplaintTaskSummary = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const a = task.case.attributes as ComplaintAttributes;
  const label = (kind: string, v?: string) => (v ? translate(`complaint.${kind}.${v}`, { _: v }) : undefined);
  return (
    <Facts testId="task-case-summary">
      <Fact label="resources.complaints.fields.category" testId="task-case-category">
        {label('category', a.category)}
      </Fact>
      <Fact label="resources.complaints.fields.severity" testId="task-case-severity">
        {label('severity', a.severity)}
      </Fact>
      <Fact label="resources.complaints.fields.channel">{label('channel', a.channel)}</Fact>
      <Fact label="resources.complaints.fields.description" testId="task-case-description">
        {a.description ?? task.case.summary}
      </Fact>
      <Fact label="resources.complaints.fields.resolution">{a.resolution}</Fact>
    </Facts>
  );
};
