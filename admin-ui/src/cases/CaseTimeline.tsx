import { Box, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useRecordContext, useTranslate, type TranslateFunction } from 'react-admin';
import { useCaseTypeOf } from '../caseTypeRegistry';
import { useFormat } from '../i18n/format';
import { humanize } from '../i18n/humanize';
import { http } from '../providers/dataProvider';
import type { TimelineEvent } from '../types';

// Free-text parts of an event worth showing (a comment, a reason, a file's name), in this order of preference.
const TEXT_KEYS = ['text', 'note', 'reason', 'answer', 'reply', 'question', 'request', 'summary', 'fileName'];
// Parts of a completed step's outcome that are not for people to read.
const HIDDEN_FIELDS = new Set(['outcome', 'hitIds']);

/** What a case type adds to an event's details (e.g. KYC: the checks that blocked approval), as lines of text. */
export type TimelineDetail = (event: TimelineEvent, translate: TranslateFunction) => string[];

const Line = ({ children, testId }: { children: ReactNode; testId: string }) => (
  <Typography component="span" variant="body2" color="text.primary" sx={{ display: 'block' }} data-testid={testId}>
    {children}
  </Typography>
);

/**
 * A case's timeline, for every case type: what happened (the event and its step), who and when, and what it
 * changed: a step's outcome with what was written in its form, the state it moved from and to, who a task went
 * to, the escalation level, and the free text said with it. Labels come from the case type's namespace
 * (`<namespace>.event|task.step|task.outcome|task.field|state.<name>`), with a readable fallback.
 */
export const CaseTimeline = ({
  resource,
  namespace,
  testId,
  detail,
}: {
  resource: string;
  namespace: string;
  testId?: string;
  detail?: TimelineDetail;
}) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const format = useFormat();
  const choiceLabels = useCaseTypeOf()(namespace)?.choiceLabels ?? {};
  // Keyed under the resource, so every refetch of the case refetches its timeline too.
  const { data: events = [], isPending } = useQuery({
    queryKey: [resource, 'timeline', record?.id],
    queryFn: async () => (await http(`/${resource}/${encodeURIComponent(String(record!.id))}/timeline`)).json as TimelineEvent[],
    enabled: record != null,
  });
  if (isPending) return null;
  if (events.length === 0) return <Typography color="text.secondary">{translate('app.timeline_empty')}</Typography>;

  const label = (kind: string, name: unknown) =>
    typeof name === 'string' ? translate(`${namespace}.${kind}.${name}`, { _: humanize(name) }) : undefined;
  const value = (field: string, v: unknown): string | undefined => {
    if (typeof v === 'string') return choiceLabels[field] ? translate(`${choiceLabels[field]}.${v}`, { _: humanize(v) }) : v;
    if (typeof v === 'number') return format.number(v);
    if (typeof v === 'boolean') return translate(`ra.boolean.${v}`);
    return undefined;
  };

  const lines = (e: TimelineEvent): ReactNode[] => {
    const data = e.data ?? {};
    const out: ReactNode[] = [];
    const outcome = data.outcome as Record<string, unknown> | string | undefined;
    if (outcome !== undefined) {
      const fields = typeof outcome === 'object' && outcome !== null ? outcome : {};
      const name = typeof outcome === 'string' ? outcome : fields.outcome;
      if (typeof name === 'string') {
        out.push(
          <Line key="outcome" testId="timeline-outcome">
            {translate('app.timeline.outcome', { outcome: label('task.outcome', name) })}
          </Line>,
        );
      }
      for (const [field, v] of Object.entries(fields)) {
        const shown = HIDDEN_FIELDS.has(field) ? undefined : value(field, v);
        if (shown !== undefined && shown !== '') {
          out.push(
            <Line key={`field-${field}`} testId="timeline-field">
              {`${label('task.field', field)}: ${shown}`}
            </Line>,
          );
        }
      }
    }
    if (e.type === 'state_changed' && typeof data.to === 'string') {
      out.push(
        <Line key="transition" testId="timeline-transition">
          {typeof data.from === 'string' ? `${label('state', data.from)} → ${label('state', data.to)}` : label('state', data.to)}
        </Line>,
      );
    }
    if (e.assignee !== undefined) {
      out.push(
        <Line key="assignee" testId="timeline-assignee">
          {`${e.previousAssignee?.name ?? translate('app.unassigned')} → ${e.assignee?.name ?? translate('app.unassigned')}`}
        </Line>,
      );
    } else if (e.previousAssignee) {
      out.push(
        <Line key="assignee" testId="timeline-assignee">
          {translate('app.timeline.released_from', { name: e.previousAssignee.name })}
        </Line>,
      );
    }
    if (typeof data.level === 'number') {
      out.push(
        <Line key="level" testId="timeline-level">
          {translate('app.timeline.level', { level: data.level })}
        </Line>,
      );
    }
    const text = TEXT_KEYS.map((k) => data[k]).find((v) => typeof v === 'string' && v !== '') as string | undefined;
    if (text)
      out.push(
        <Line key="text" testId="timeline-text">
          {text}
        </Line>,
      );
    for (const [i, more] of (detail?.(e, translate) ?? []).entries()) {
      out.push(
        <Line key={`detail-${i}`} testId="timeline-detail">
          {more}
        </Line>,
      );
    }
    return out;
  };

  return (
    <List dense data-testid={testId ?? `${resource}-timeline`}>
      {events.map((e) => {
        const step = label('task.step', e.data?.step);
        return (
          <ListItem key={e.id} divider alignItems="flex-start" data-testid={`timeline-${e.type}`}>
            <ListItemText
              primary={[translate(`${namespace}.event.${e.type}`, { _: humanize(e.type) }), step].filter(Boolean).join(' · ')}
              secondary={
                <>
                  {`${format.dateTime(e.at)} · ${e.actor?.name ?? translate('app.system')}`}
                  <Box component="span" sx={{ display: 'block', mt: 0.5 }}>
                    {lines(e)}
                  </Box>
                </>
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
};
