import { List, ListItem, ListItemText } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useRecordContext, useTranslate } from 'react-admin';
import { useFormat } from '../i18n/format';
import { humanize } from '../i18n/humanize';
import { http } from '../providers/dataProvider';
import type { TimelineEvent } from '../types';
import type { KycReview } from './types';

const TEXT_KEYS = ['reason', 'note', 'request', 'summary', 'fileName'];

export const KycTimeline = () => {
  const review = useRecordContext<KycReview>();
  const translate = useTranslate();
  const format = useFormat();
  // Keyed under the resource so a refetch of the review also refetches its timeline.
  const { data: events = [] } = useQuery({
    queryKey: ['kyc-reviews', 'timeline', review?.id],
    queryFn: async () => (await http(`/kyc-reviews/${encodeURIComponent(String(review!.id))}/timeline`)).json as TimelineEvent[],
    enabled: review != null,
  });
  const detail = (e: TimelineEvent) => {
    const outcome = e.data?.outcome as { outcome?: string } | string | undefined;
    const name = typeof outcome === 'string' ? outcome : outcome?.outcome;
    const step = typeof e.data?.step === 'string' ? translate(`kyc_review.task.step.${e.data.step}`) : undefined;
    const to = typeof e.data?.to === 'string' ? translate(`kyc_review.state.${e.data.to}`) : undefined;
    const text = TEXT_KEYS.map((k) => e.data?.[k]).find((v) => typeof v === 'string') as string | undefined;
    return [step, name && translate(`kyc_review.task.outcome.${name}`, { _: humanize(name) }), to, text].filter(Boolean).join(': ');
  };
  return (
    <List dense data-testid="kyc-timeline">
      {events.map((e) => (
        <ListItem key={e.id} divider>
          <ListItemText
            primary={translate(`kyc_review.event.${e.type}`, { _: humanize(e.type) })}
            secondary={`${format.dateTime(e.at)} · ${e.actor?.name ?? translate('app.system')}${detail(e) ? ` · ${detail(e)}` : ''}`}
          />
        </ListItem>
      ))}
    </List>
  );
};
