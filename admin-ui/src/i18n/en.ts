// Every string of the console's shell (inbox, notifications, layout, login). Case types bring their own
// (admin-ui/src/<case type>/i18n/). Other languages must translate every key (test/unit/i18n.test.ts).
export const en = {
  app: {
    timeline_empty: 'Nothing has happened yet',
    unassigned: 'Unassigned',
    system: 'System',
  },
  login: {
    title: 'Sign in to Broker CRM',
    email: 'E-mail',
    password: 'Password',
    submit: 'Sign in',
    code: 'Code',
    code_hint: 'Enter the 6-digit code from your authenticator app, or a recovery code.',
    verify: 'Verify',
    enrol_title: 'Set up two-factor authentication',
    enrol_hint: 'Your role requires two-factor authentication. Add this key to your authenticator app (or open the link on your phone), then enter the code it shows.',
    secret: 'Key',
    recovery_title: 'Recovery codes',
    recovery_hint: 'Keep these codes somewhere safe. Each one signs you in once if you lose your phone. They are shown only now.',
    continue: 'Continue',
  },
  errors: {
    code: {
      VALIDATION_FAILED: 'Some fields are not valid',
      INVALID_CREDENTIALS: 'Wrong e-mail or password',
      INVALID_CODE: 'The code is wrong or has expired',
      UNAUTHENTICATED: 'Your session has ended, please sign in again',
      FORBIDDEN: 'You are not allowed to do this',
      NOT_FOUND: 'Not found, or outside your scope',
      CONFLICT: 'This was changed in the meantime; the page has been refreshed',
      RATE_LIMITED: 'Too many attempts; please wait a few minutes',
      INTERNAL: 'Something went wrong on the server; please try again',
    },
    reason: {
      TWO_FACTOR_ENROLMENT_REQUIRED: 'Set up two-factor authentication first',
      TASK_ALREADY_CLAIMED: 'Someone else has just taken this task',
      FOUR_EYES: 'Another person must approve this: you worked on an earlier step of this case',
      STEP_NOT_OPEN: 'This step is no longer open',
    },
  },
  sla: {
    state: {
      on_track: 'On track',
      at_risk: 'At risk',
      breached: 'Breached',
      paused: 'Paused',
    },
    left: '%{time} left',
    overdue: '%{time} overdue',
    paused: 'Clock paused',
    units: {
      d: '%{n}d',
      h: '%{n}h',
      m: '%{n}m',
      s: '%{n}s',
    },
  },
  inbox: {
    title: 'Inbox',
    tabs: {
      mine: 'My tasks',
      team: 'My team\'s queue',
    },
    status: {
      open: 'Open',
      claimed: 'Claimed',
      completed: 'Completed',
      cancelled: 'Cancelled',
    },
    actions: {
      claim: 'Claim',
      release: 'Release',
      complete: 'Complete',
      reassign: 'Reassign',
    },
    claimed: 'Task claimed',
    released: 'Task released',
    completed: 'Step completed',
    reassigned: 'Task reassigned',
    bulk_reassigned: '%{ok} of %{total} tasks reassigned',
    reassign: {
      title: 'Reassign',
      assignee: 'New assignee',
      confirm: 'Reassign',
    },
    form: {
      title: 'Complete this step',
      outcome: 'Outcome',
      submit: 'Complete step',
      claim_first: 'Claim this task to complete it.',
      not_yours: 'This task is assigned to %{name}.',
      closed: 'This task is %{status}.',
    },
    no_open_tasks: 'No open tasks',
  },
  notification: {
    bell: 'Notifications',
    empty: 'No unread notifications',
    marked_all: 'All notifications marked as read',
    message: {
      task_assigned: 'Assigned to you: %{step} for %{client}',
      task_available: 'New task in your queue: %{step} for %{client}',
      sla_reminder: '%{percent}% of the time for %{step} has passed (%{client})',
      sla_escalation: 'Escalation level %{level}: %{step} is overdue (%{client})',
      case_breach: 'Case deadline missed (%{client})',
    },
    type: {
      task_assigned: 'Task assigned to you',
      task_available: 'New task in your queue',
      sla_reminder: 'SLA reminder',
      sla_escalation: 'SLA escalation',
      case_update: 'Case update',
    },
    actions: {
      mark_read: 'Mark read',
      mark_all_read: 'Mark all read',
      see_all: 'See all',
    },
  },
  dashboard: {
    agent: {
      title: 'My work',
      next_due: 'Next due',
      nothing: 'Nothing assigned to you right now',
    },
  },
  client: {
    kyc_status: {
      pending: 'Pending',
      in_review: 'In review',
      approved: 'Approved',
      rejected: 'Rejected',
      suspended: 'Suspended',
    },
  },
  resources: {
    tasks: {
      name: 'Task |||| Tasks',
      fields: {
        caseId: 'Case',
        caseType: 'Case type',
        client: {
          name: 'Client',
        },
        step: 'Step',
        status: 'Status',
        assignee: {
          name: 'Assignee',
        },
        priority: 'Priority',
        dueAt: 'Time left',
        slaState: 'SLA',
        createdAt: 'Created',
      },
    },
    clients: {
      name: 'Client |||| Clients',
      fields: {
        name: 'Name',
        email: 'E-mail',
        phone: 'Phone',
        country: 'Country',
        kycStatus: 'KYC status',
      },
    },
    notifications: {
      name: 'Notification |||| Notifications',
      fields: {
        createdAt: 'Received',
        type: 'Type',
        title: 'Title',
        body: 'Details',
        unread: 'Unread',
        data: {
          reference: 'Case',
        },
      },
    },
  },
};
