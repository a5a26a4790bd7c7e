import { Suspense } from 'react';
import { Show, SimpleShowLayout, TextField } from 'react-admin';
import { useCaseTypes } from '../caseTypeRegistry';
import { CountryField, KycStatusField } from './fields';

export const ClientShow = () => {
  const caseTypes = useCaseTypes();
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="email" emptyText="-" />
        <TextField source="phone" emptyText="-" />
        <CountryField source="country" />
        <KycStatusField source="kycStatus" />
      </SimpleShowLayout>
      {/* Each case type's section (e.g. the client's complaints). */}
      <Suspense fallback={null}>
        {caseTypes.flatMap(({ key, clientSection: Section }) => (Section ? [<Section key={key} />] : []))}
      </Suspense>
    </Show>
  );
};
