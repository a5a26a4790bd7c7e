// The interactions list's strings (admin-ui/src/interactions): part of the shell's catalog (admin-ui/src/i18n/<locale>.ts
// takes `interactionList` and the `resources.interactions` entry from here); kinds and directions are the client page's.
export const interactionList = {
  empty: 'No interactions with your clients yet.',
};

export const resource = {
  name: 'Interaction |||| Interactions',
  fields: {
    occurredAt: 'When',
    client: 'Client',
    clientId: 'Client',
    kind: 'Kind',
    direction: 'Direction',
    channel: 'Channel',
    subject: 'Subject',
    agent: 'Handled by',
    agentId: 'Handled by',
    mine: 'Mine only',
    durationSeconds: 'Duration',
    outcome: 'Outcome',
    from: 'From',
    to: 'To',
  },
};
