// The internal request case type's strings: its namespace `internal_request` and its resource.
export const en = {
  internal_request: {
    kind: {
      document: 'Document',
      callback: 'Callback',
      data_correction: 'Data correction',
      other: 'Other',
    },
    status: {
      open: 'Open',
      awaiting_requester: 'Waiting for the requester',
      closed: 'Closed',
    },
    state: {
      fulfil: 'With the team',
      awaiting_requester: 'Question to the requester',
      closed: 'Closed',
    },
    event: {
      case_opened: 'Request sent',
      task_opened: 'Step opened',
      task_claimed: 'Taken',
      task_released: 'Released',
      task_reassigned: 'Reassigned',
      task_completed: 'Answered',
      task_cancelled: 'Withdrawn',
      state_changed: 'Moved on',
      sla_reminder: 'SLA reminder',
      sla_escalated: 'Escalated',
      case_sla_breached: 'Request deadline missed',
    },
    sections: {
      summary: 'Request',
      tasks: 'Current task',
      timeline: 'Timeline',
    },
    actions: {
      answer: 'Answer the question',
    },
    dialog: {
      answer: 'Your answer',
    },
    done: {
      answered: 'Answer sent; the request is back with the team',
    },
    task: {
      step: {
        fulfil: 'Fulfil the request',
      },
      outcome: {
        fulfilled: 'Fulfilled (reply to the requester)',
        declined: 'Declined',
        need_info: 'Ask the requester a question first',
      },
      field: {
        reply: 'Reply',
        reason: 'Reason',
        question: 'Question',
      },
    },
    empty: 'No requests. Ask another team for a document, a callback or a correction with Create.',
    severity: {
      urgent: 'Urgent',
    },
  },
  resources: {
    'internal-requests': {
      name: 'Internal request |||| Internal requests',
      fields: {
        reference: 'Reference',
        subject: 'Subject',
        client: {
          name: 'Client',
          id: 'Client',
        },
        clientId: 'Client',
        teamId: 'Team asked',
        team: {
          name: 'Team asked',
        },
        requestedBy: {
          name: 'Asked by',
        },
        kind: 'Kind',
        urgent: 'Urgent',
        status: 'Status',
        state: 'State',
        dueAt: 'Due',
        details: 'Details',
        question: 'Question',
        answer: 'Answer',
        reply: 'Reply',
        declineReason: 'Reason declined',
        slaState: 'SLA',
        openedAt: 'Sent',
        mine: 'Asked by me',
      },
    },
  },
};
