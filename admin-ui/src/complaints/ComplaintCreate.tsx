import { AutocompleteInput, Create, ReferenceInput, SaveButton, SelectInput, SimpleForm, TextInput, Toolbar, required } from 'react-admin';
import { categories, channels, choices, severities } from './enums';

const FormToolbar = () => (
  <Toolbar>
    <SaveButton data-testid="complaint-submit" />
  </Toolbar>
);

export const ComplaintCreate = () => (
  <Create redirect="show">
    <SimpleForm toolbar={<FormToolbar />}>
      {/* The API sorts clients by name, not by react-admin's default `id`, and answers 400 to that default. */}
      <ReferenceInput source="clientId" reference="clients" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" filterToQuery={(q) => ({ q })} validate={required()} data-testid="complaint-client" />
      </ReferenceInput>
      <SelectInput
        source="channel"
        choices={choices('complaint.channel', channels)}
        validate={required()}
        data-testid="complaint-channel"
      />
      <SelectInput
        source="category"
        choices={choices('complaint.category', categories)}
        validate={required()}
        data-testid="complaint-category"
      />
      <SelectInput
        source="severity"
        choices={choices('complaint.severity', severities)}
        validate={required()}
        data-testid="complaint-severity"
      />
      <TextInput
        source="description"
        multiline
        minRows={4}
        fullWidth
        validate={required()}
        slotProps={{ htmlInput: { 'data-testid': 'complaint-description' } }}
      />
    </SimpleForm>
  </Create>
);
