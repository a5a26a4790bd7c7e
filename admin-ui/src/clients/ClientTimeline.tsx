import { Box, Button, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { useCaseTypeOf } from '../caseTypeRegistry';
import { useFormat } from '../i18n/format';
import { humanize } from '../i18n/humanize';
import { http } from '../providers/dataProvider';
import { LogInteractionButton } from './LogInteractionDialog';
import type { Client360, TimelineItem } from './types';

const PAGE = 20;

const text = (v: unknown) => (typeof v === 'string' && v ? v : null);

/** One line of the timeline: what happened, by whom, when; an interaction's subject, body and outcome beneath. */
const Item = ({ item }: { item: TimelineItem }) => {
  const translate = useTranslate();
  const format = useFormat();
  const caseTypeOf = useCaseTypeOf();
  const d = item.data;
  let title: ReactNode;
  let details: string[] = [];
  if (item.source === 'interaction') {
    const direction = text(d.direction);
    title = [
      translate(`client.interaction.kinds.${item.type}`, { _: humanize(item.type) }),
      direction ? translate(`client.interaction.directions.${direction}`, { _: humanize(direction) }) : null,
      text(d.channel),
    ]
      .filter(Boolean)
      .join(' · ');
    const minutes = typeof d.durationSeconds === 'number' ? Math.round(d.durationSeconds / 60) : null;
    details = [
      text(d.subject),
      text(d.body),
      minutes !== null ? translate('client.timeline.duration', { minutes }) : null,
      text(d.outcome) ? translate('client.timeline.outcome', { outcome: d.outcome as string }) : null,
    ].filter((x): x is string => !!x);
  } else if (item.source === 'case') {
    const link = item.caseType && item.caseId ? caseTypeOf(item.caseType)?.link(item.caseId) : undefined;
    const reference = item.reference ?? item.caseId;
    title = (
      <>
        {translate(`${item.caseType}.event.${item.type}`, { _: humanize(item.type) })}
        {' · '}
        {link ? <Link to={link}>{reference}</Link> : reference}
      </>
    );
  } else {
    title = translate(`client.timeline.audit.${item.type}`, { _: humanize(item.type) });
    const fields = Array.isArray(d.fields) ? (d.fields as string[]) : [];
    if (fields.length) details = [translate('client.timeline.fields', { fields: fields.map(humanize).join(', ') })];
  }
  return (
    <ListItem divider alignItems="flex-start" data-testid="client-timeline-item" data-source={item.source} data-type={item.type}>
      <ListItemText
        primary={title}
        secondary={
          <>
            <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
              {[format.dateTime(item.at), item.actor?.name ?? translate('app.system')].join(' · ')}
            </Typography>
            {details.map((line, i) => (
              <Typography key={i} component="span" variant="body2" sx={{ display: 'block', whiteSpace: 'pre-wrap' }}>
                {line}
              </Typography>
            ))}
          </>
        }
      />
    </ListItem>
  );
};

/** The client's timeline, newest first: interactions, events of the cases the user may see, edits of the client.
 * The 360 brings the first page; older ones load on demand (GET /api/clients/:id/timeline?before=). */
export const ClientTimeline = () => {
  const client = useRecordContext<Client360>();
  const translate = useTranslate();
  const notify = useNotify();
  const [older, setOlder] = useState<TimelineItem[]>([]);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const first = client?.timeline;
  // a new first page (an interaction logged, the page refreshed): older pages are read again on demand
  useEffect(() => {
    setOlder([]);
    setDone((first?.length ?? 0) < PAGE);
  }, [first]);
  if (!client || !first) return null;
  const items = [...first, ...older];
  const loadOlder = async () => {
    setBusy(true);
    try {
      const before = items[items.length - 1].at;
      const { json } = await http(
        `/clients/${encodeURIComponent(client.id)}/timeline?${new URLSearchParams({ before, limit: String(PAGE) })}`,
      );
      const page = json as TimelineItem[];
      const seen = new Set(items.map((i) => i.id));
      setOlder((o) => [...o, ...page.filter((i) => !seen.has(i.id))]);
      if (page.length < PAGE) setDone(true);
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="client-timeline">
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h6">{translate('client.timeline.title')}</Typography>
        {client.mayEdit ? <LogInteractionButton clientId={client.id} /> : null}
      </Box>
      {items.length === 0 ? (
        <Typography color="text.secondary">{translate('app.timeline_empty')}</Typography>
      ) : (
        <List dense disablePadding>
          {items.map((item) => (
            <Item key={item.id} item={item} />
          ))}
        </List>
      )}
      {!done && items.length > 0 ? (
        <Button onClick={loadOlder} disabled={busy} data-testid="client-timeline-older">
          {translate('client.timeline.older')}
        </Button>
      ) : null}
    </div>
  );
};
