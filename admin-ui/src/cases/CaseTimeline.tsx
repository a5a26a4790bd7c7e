import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useRecordContext, useTranslate } from 'react-admin';
import { useFormat } from '../i18n/format';
import { humanize } from '../i18n/humanize';
import { http } from '../providers/dataProvider';
import type { TimelineEvent } from '../types';

// Free-text parts of an event worth showing, in this order of preference.
const TEXT_KEYS = ['text', 'note', 'reason', 'answer', 'reply', 'question', 'findings', 'request', 'resolution', 'responseSummary', 'summary', 'fileName'];

/**
 * A case's timeline for any case type: what happened (the event, the step, its outcome, the state it moved
 * to), who and when, and the free text said with it. Labels come from the case type's namespace
 * (`<namespace>.event|task.step|task.outcome|state.<name>`), with a readable fallback.
 */
export const CaseTimeline = ({ resource, namespace, testId }: { resource: string; namespace: string; testId?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const format = useFormat();
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
  const detail = (e: TimelineEvent) => {
    const outcome = e.data?.outcome as { outcome?: string } | string | undefined;
    const text = TEXT_KEYS.map((k) => e.data?.[k]).find((v) => typeof v === 'string') as string | undefined;
    return [
      label('task.step', e.data?.step),
      label('task.outcome', typeof outcome === 'string' ? outcome : outcome?.outcome),
      e.type === 'state_changed' ? label('state', e.data?.to) : undefined,
      text,
    ]
      .filter(Boolean)
      .join(' · ');
  };
  return (
    <List dense data-testid={testId ?? `${resource}-timeline`}>
      {events.map((e) => {
        const more = detail(e);
        return (
          <ListItem key={e.id} divider alignItems="flex-start" data-testid={`timeline-${e.type}`}>
            <ListItemText
              primary={translate(`${namespace}.event.${e.type}`, { _: humanize(e.type) })}
              secondary={
                <>
                  {`${format.dateTime(e.at)} · ${e.actor?.name ?? translate('app.system')}`}
                  {more && (
                    <Typography component="span" variant="body2" color="text.primary" sx={{ display: 'block' }}>
                      {more}
                    </Typography>
                  )}
                </>
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
};
