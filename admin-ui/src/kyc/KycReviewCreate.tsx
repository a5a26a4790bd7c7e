import { AutocompleteInput, Create, ReferenceInput, SaveButton, SelectInput, SimpleForm, TextInput, Toolbar, required } from 'react-admin';
import { choices } from '../i18n/choices';
import { reviewKinds } from './enums';

const FormToolbar = () => (
  <Toolbar>
    <SaveButton data-testid="kyc-submit" />
  </Toolbar>
);

/** Starts a KYC review of a client (POST /api/kyc-reviews); a client with an open review is refused with the reason. */
export const KycReviewCreate = () => (
  <Create redirect="show">
    <SimpleForm toolbar={<FormToolbar />} defaultValues={{ kind: 'onboarding' }}>
      {/* The API sorts clients by name, not by react-admin's default `id`. */}
      <ReferenceInput source="clientId" reference="clients" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput
          optionText="name"
          filterToQuery={(q) => ({ q })}
          validate={required()}
          label="resources.kyc-reviews.fields.clientId"
          data-testid="kyc-client"
        />
      </ReferenceInput>
      <SelectInput
        source="kind"
        label="resources.kyc-reviews.fields.kind"
        choices={choices('kyc_review.kind', reviewKinds)}
        validate={required()}
      />
      <TextInput source="note" label="resources.kyc-reviews.fields.note" multiline minRows={3} fullWidth />
    </SimpleForm>
  </Create>
);
