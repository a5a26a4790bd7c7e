import { AutocompleteInput, ReferenceInput } from 'react-admin';

// Pickers for list filters, shared by the inbox and the case lists.

/** A client, by name (the API sorts clients by name and searches with q). */
export const ClientFilter = ({ label }: { source?: string; alwaysOn?: boolean; label: string }) => (
  <ReferenceInput source="clientId" reference="clients" sort={{ field: 'name', order: 'ASC' }} label={label}>
    <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} label={label} sx={{ minWidth: 220 }} data-testid="filter-client" />
  </ReferenceInput>
);

/** A person work is assigned to (supervisors: GET /api/users is theirs). */
export const AssigneeFilter = ({ label }: { source?: string; alwaysOn?: boolean; label: string }) => (
  <ReferenceInput source="assigneeId" reference="users" sort={{ field: 'name', order: 'ASC' }} label={label}>
    <AutocompleteInput
      optionText="name"
      filterToQuery={(q) => ({ q })}
      label={label}
      sx={{ minWidth: 200 }}
      data-testid="filter-assignee"
    />
  </ReferenceInput>
);
