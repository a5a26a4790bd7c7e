import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useRecordContext, useTranslate } from 'react-admin';
import { useFormat } from '../i18n/format';
import { humanize } from '../i18n/humanize';
import type { Complaint, TimelineEvent } from '../types';
import { complaintApi } from './api';

// Free-text parts of an event worth showing under its title, in this order of preference.
const TEXT_KEYS = ['text', 'note', 'reason', 'findings', 'request', 'resolution', 'responseSummary'];

const freeText = (event: TimelineEvent) => {
  const key = TEXT_KEYS.find((k) => typeof event.data?.[k] === 'string');
  return key ? (event.data?.[key] as string) : undefined;
};

export const Timeline = () => {
  const complaint = useRecordContext<Complaint>();
  const translate = useTranslate();
  const format = useFormat();
  // Keyed under "complaints" so every refetch of the case also refetches its timeline.
  const { data: events = [], isPending } = useQuery({
    queryKey: ['complaints', 'timeline', complaint?.id],
    queryFn: () => complaintApi.timeline(complaint!.id),
    enabled: complaint != null,
  });
  if (isPending) return null;
  if (events.length === 0) {
    return <Typography color="text.secondary">{translate('complaint.timeline.empty')}</Typography>;
  }
  // A completed step names its outcome; free text (a comment, a note...) says the rest.
  const detail = (event: TimelineEvent) => {
    const outcome = event.data?.outcome;
    const label = typeof outcome === 'string' ? translate(`complaint.task.outcome.${outcome}`, { _: humanize(outcome) }) : undefined;
    return [label, freeText(event)].filter(Boolean).join(': ');
  };

  return (
    <List dense data-testid="complaint-timeline">
      {events.map((event) => {
        const more = detail(event);
        return (
          <ListItem key={event.id} divider alignItems="flex-start" data-testid={`timeline-${event.type}`}>
            <ListItemText
              primary={translate(`complaint.event.${event.type}`, { _: humanize(event.type) })}
              secondary={
                <>
                  {`${format.dateTime(event.at)} · ${event.actor?.name ?? translate('app.system')}`}
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
