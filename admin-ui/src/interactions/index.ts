import InteractionIcon from '@mui/icons-material/Forum';
import { lazy } from 'react';

// Interactions with every client in the user's scope (GET /api/interactions): calls, e-mails, chats, meetings,
// notes and system events, filtered by kind, channel, direction, agent, client and days. A row opens its client.
export default {
  list: lazy(() => import('./InteractionList').then((m) => ({ default: m.InteractionList }))),
  icon: InteractionIcon,
};
