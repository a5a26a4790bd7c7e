import { AutocompleteInput, BooleanInput, Create, ReferenceInput, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { choices, requestKinds } from './enums';

export const RequestCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      {/* The API sorts clients by name, not by react-admin's default `id`. */}
      <ReferenceInput source="clientId" reference="clients" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} validate={required()} data-testid="request-client" />
      </ReferenceInput>
      <ReferenceInput source="teamId" reference="teams" sort={{ field: 'name', order: 'ASC' }}>
        <SelectInput
          optionText={(t: { name: string; branch: string }) => `${t.name} (${t.branch})`}
          validate={required()}
          data-testid="request-team"
        />
      </ReferenceInput>
      <SelectInput
        source="kind"
        choices={choices('internal_request.kind', requestKinds)}
        validate={required()}
        data-testid="request-kind"
      />
      <TextInput source="subject" fullWidth validate={required()} slotProps={{ htmlInput: { 'data-testid': 'request-subject' } }} />
      <TextInput
        source="details"
        multiline
        minRows={4}
        fullWidth
        validate={required()}
        slotProps={{ htmlInput: { 'data-testid': 'request-details' } }}
      />
      <BooleanInput source="urgent" />
    </SimpleForm>
  </Create>
);
