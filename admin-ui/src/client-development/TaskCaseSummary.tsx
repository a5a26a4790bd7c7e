import { useTranslate } from 'react-admin';
import { Fact, Facts } from '../cases/Facts';
import { useFormat } from '../i18n/format';
import type { Task } from '../types';

interface DevelopmentAttributes {
  leadName?: string;
  temperature?: string;
  source?: string;
  campaign?: string | null;
  contactAttempts?: number;
  followUpAt?: number | null;
}

/** On a client-development task page: whom to call, how hot, where they came from, how many tries so far. */
export const DevelopmentTaskSummary = ({ task }: { task: Task }) => {
  const translate = useTranslate();
  const format = useFormat();
  const a = task.case.attributes as DevelopmentAttributes;
  return (
    <Facts testId="task-case-summary">
      <Fact label="resources.client-development.fields.lead.name" testId="task-case-lead">
        {a.leadName}
      </Fact>
      <Fact label="resources.client-development.fields.temperature" testId="task-case-temperature">
        {a.temperature ? translate(`client_development.temperature.${a.temperature}`, { _: a.temperature }) : undefined}
      </Fact>
      <Fact label="resources.client-development.fields.source">{a.source}</Fact>
      <Fact label="resources.client-development.fields.campaign">{a.campaign ?? undefined}</Fact>
      <Fact label="resources.client-development.fields.contactAttempts">{a.contactAttempts ? String(a.contactAttempts) : undefined}</Fact>
      <Fact label="resources.client-development.fields.followUpAt">{a.followUpAt ? format.dateTime(a.followUpAt) : undefined}</Fact>
    </Facts>
  );
};
