// The leads screens' strings (admin-ui/src/leads): part of the shell's catalog (admin-ui/src/i18n/<locale>.ts
// takes `lead` and the `resources.leads` entry from here).
export const lead = {
  status: {
    new: 'New',
    contacted: 'Contacted',
    qualified: 'Qualified',
    converted: 'Converted',
    lost: 'Lost',
    merged: 'Merged',
  },
  temperature: {
    hot: 'Hot',
    warm: 'Warm',
    cold: 'Cold',
  },
  utm: {
    source: 'UTM source',
    medium: 'UTM medium',
    campaign: 'UTM campaign',
    term: 'UTM term',
    content: 'UTM content',
  },
  filter: {
    duplicate: 'Has open duplicates',
  },
  queue: {
    title: 'Duplicate review',
  },
  empty: 'No lead matches. Search by name, e-mail or phone, or add a lead.',
  not_found: 'No such lead, or not one you may see.',
  unassigned: 'Unassigned',
  you: 'You',
  became_client: 'This lead became the client',
  merged_into: {
    lead: 'Merged into the lead',
    client: 'Merged into the client',
  },
  sections: {
    lead: 'Lead',
    attribution: 'Attribution',
    duplicates: 'Possible duplicates',
  },
  duplicates: {
    none: 'No duplicates were found.',
    open_count: '%{smart_count} possible duplicate |||| %{smart_count} possible duplicates',
    other: 'Other record',
    kind_column: 'Kind',
    reason: 'Why',
    score: 'Score',
    status: 'Status',
    kind: {
      lead: 'Lead',
      client: 'Client',
    },
    reasons: {
      email: 'Same e-mail',
      phone: 'Same phone',
      name_dob: 'Similar name, same date of birth',
    },
    statuses: {
      open: 'To review',
      merged: 'Merged',
      dismissed: 'Not a duplicate',
    },
  },
  merge: {
    button: 'Merge into',
    title: 'Merge this lead?',
    confirm_lead:
      'Merge %{lead} into the lead %{other}? Its empty fields are filled from this lead, its interactions move there, and this lead ends merged. This cannot be undone.',
    confirm_client:
      'Merge %{lead} into the client %{other}? The e-mail and phone join the client’s contacts, the interactions move there, and this lead ends merged. This cannot be undone.',
    done: 'Merged',
  },
  dismiss: {
    button: 'Not a duplicate',
    done: 'Marked as not a duplicate',
  },
  create: {
    title: 'New lead',
    done: 'Lead created; no duplicates found',
    created: 'Lead created: %{name}',
    duplicates: 'It may duplicate %{smart_count} record already known: |||| It may duplicate %{smart_count} records already known:',
    review_hint: 'Open the lead to merge it or to mark a finding as not a duplicate.',
    open: 'Open the lead',
    phone_hint: 'Any format; a national number is read in the country below',
    country_hint: 'Two letters, e.g. GB',
    country_invalid: 'Two letters, e.g. GB',
    language_hint: 'e.g. en or zh-CN',
    language_invalid: 'A language tag, e.g. en or zh-CN',
    manager_hint: 'Empty: the assignment rules choose',
    assign_to_me: 'Assign to me (otherwise the assignment rules choose)',
  },
};

export const resource = {
  name: 'Lead |||| Leads',
  fields: {
    name: 'Name',
    firstName: 'First name',
    lastName: 'Last name',
    email: 'E-mail',
    phone: 'Phone',
    country: 'Country',
    language: 'Language',
    dateOfBirth: 'Date of birth',
    source: 'Source',
    campaign: 'Campaign',
    ib: 'Introducing broker',
    status: 'Status',
    temperature: 'Temperature',
    accountManagerId: 'Account manager',
    branchId: 'Branch',
    createdAt: 'Created',
    lostReason: 'Why lost',
    q: 'Search',
  },
};
