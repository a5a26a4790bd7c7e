import EditIcon from '@mui/icons-material/Edit';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  ArrayInput,
  AutocompleteInput,
  BooleanInput,
  DateInput,
  Form,
  HttpError,
  NumberInput,
  ReferenceInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  maxLength,
  regex,
  required,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { http } from '../providers/dataProvider';
import { supervises, usePerms } from '../providers/permissions';
import { supervisesClients } from './access';
import type { Client360 } from './types';

const TIERS = ['standard', 'silver', 'gold', 'platinum'] as const;
/** Text fields PATCH /api/clients/:id takes as they are (empty: cleared, sent as null). */
const TEXT_FIELDS = [
  'firstName',
  'lastName',
  'legalName',
  'registrationNumber',
  'dateOfBirth',
  'nationality',
  'country',
  'language',
  'segment',
] as const;
const OWNER_FIELDS = ['accountManagerId', 'branchId', 'introducingBrokerId'] as const;

interface ContactValue {
  kind: 'email' | 'phone';
  value: string;
  label?: string | null;
  primary?: boolean;
}

const RELATED_ROLES = ['director', 'beneficial_owner', 'authorised_signatory', 'shareholder'] as const;

interface RelatedValue {
  role: string;
  firstName?: string | null;
  lastName?: string | null;
  name?: string | null;
  dateOfBirth?: string | null;
  nationality?: string | null;
  sharePercent?: number | null;
}

type Values = Record<string, unknown> & { tags?: string; contacts?: ContactValue[]; relatedPersons?: RelatedValue[] };

const blank = (v: unknown) => (typeof v === 'string' ? v.trim() || null : (v ?? null));
const contactsOf = (list: ContactValue[] = []) =>
  list.map((c) => ({
    kind: c.kind,
    value: c.value?.trim() ?? '',
    ...(c.label?.trim() ? { label: c.label.trim() } : {}),
    ...(c.primary ? { primary: true } : {}),
  }));
// every field the 360 gives is sent back, so replacing the list keeps what the form does not change
const relatedOf = (list: RelatedValue[] = []) =>
  list.map((p) => {
    const text = (v: string | null | undefined) => v?.trim() || undefined;
    return Object.fromEntries(
      Object.entries({
        role: p.role,
        firstName: text(p.firstName),
        lastName: text(p.lastName),
        name: text(p.name),
        dateOfBirth: text(p.dateOfBirth),
        nationality: text(p.nationality)?.toUpperCase(),
        sharePercent: typeof p.sharePercent === 'number' ? p.sharePercent : undefined,
      }).filter(([, v]) => v !== undefined),
    );
  });
const tagsOf = (text: string | undefined) => [
  ...new Set(
    (text ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  ),
];

/** The form's starting values: the client as the 360 gives it. */
const initialValues = (c: Client360): Values => ({
  firstName: c.firstName ?? '',
  lastName: c.lastName ?? '',
  legalName: c.legalName ?? '',
  registrationNumber: c.registrationNumber ?? '',
  dateOfBirth: c.dateOfBirth ?? '',
  nationality: c.nationality ?? '',
  nationalId: c.nationalId ?? '',
  country: c.country ?? '',
  language: c.language ?? '',
  segment: c.segment ?? '',
  tier: c.tier ?? 'standard',
  tags: (c.tags ?? []).join(', '),
  contacts: (c.contacts ?? []).map((x) => ({ kind: x.kind, value: x.value, label: x.label ?? '', primary: x.primary })),
  relatedPersons: (c.relatedPersons ?? []).map(({ id: _id, ...p }) => ({
    ...p,
    firstName: p.firstName ?? '',
    lastName: p.lastName ?? '',
    dateOfBirth: p.dateOfBirth ?? '',
    nationality: p.nationality ?? '',
  })),
  accountManagerId: c.accountManager?.id ?? '',
  branchId: c.branch?.id ?? '',
  introducingBrokerId: c.introducingBroker?.id ?? '',
});

/** Only what changed: PATCH takes the fields given (contacts and related persons replaced as a whole). */
export const patchOf = (before: Values, after: Values, opts: { owner: boolean; nationalId: boolean }): Record<string, unknown> => {
  const body: Record<string, unknown> = {};
  for (const k of TEXT_FIELDS) {
    const v = blank(after[k]);
    if (v !== blank(before[k])) body[k] = k === 'country' || k === 'nationality' ? ((v as string | null)?.toUpperCase() ?? null) : v;
  }
  if (after.tier !== before.tier) body.tier = after.tier;
  const tags = tagsOf(after.tags);
  if (JSON.stringify(tags) !== JSON.stringify(tagsOf(before.tags))) body.tags = tags;
  const contacts = contactsOf(after.contacts);
  if (JSON.stringify(contacts) !== JSON.stringify(contactsOf(before.contacts))) body.contacts = contacts;
  const related = relatedOf(after.relatedPersons);
  if (JSON.stringify(related) !== JSON.stringify(relatedOf(before.relatedPersons))) body.relatedPersons = related;
  if (opts.nationalId && blank(after.nationalId) !== blank(before.nationalId)) body.nationalId = blank(after.nationalId);
  if (opts.owner)
    for (const k of OWNER_FIELDS) {
      const v = blank(after[k]);
      if (v !== blank(before[k])) body[k] = k === 'branchId' ? (v ?? undefined) : v;
    }
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
};

/** The introducing brokers the user may pick (GET /api/introducing-brokers). */
const useIntroducingBrokers = (enabled: boolean) => {
  const [list, setList] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    http('/introducing-brokers').then(
      ({ json }) => live && setList(json as { id: string; name: string }[]),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [enabled]);
  return list;
};

const tid = (id: string) => ({ slotProps: { htmlInput: { 'data-testid': `client-edit-${id}` } } });

/** Edit the client (PATCH /api/clients/:id, audited with before and after): names, contacts, tier, tags, language,
 * country, segment, related persons (directors, beneficial owners, signatories, shareholders); the national id for roles
 * that see it; account manager, branch and introducing broker for roles that supervise client books. Offered only when
 * the 360 says `mayEdit`; 400 field errors land on the fields; after saving the page reloads, and the edit appears on
 * the timeline. */
export const EditClientButton = () => {
  const client = useRecordContext<Client360>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePerms();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const owner = supervisesClients(permissions);
  const ibs = useIntroducingBrokers(open && owner);
  if (!client?.mayEdit) return null;
  const corporate = client.type === 'corporate';
  const nationalId = !client.masked?.includes('nationalId');
  const before = initialValues(client);
  const submit = async (values: Record<string, unknown>) => {
    setError(null);
    const body = patchOf(before, values as Values, { owner, nationalId });
    if (!Object.keys(body).length) {
      setOpen(false);
      return;
    }
    try {
      await http(`/clients/${encodeURIComponent(client.id)}`, { method: 'PATCH', body: JSON.stringify(body) });
      notify('client.edit.saved', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (e) {
      const errors = e instanceof HttpError ? (e.body as { errors?: Record<string, unknown> } | undefined)?.errors : undefined;
      const message = (e as Error).message;
      setError(translate(message, { _: message }));
      // react-admin puts what the submit answers on the fields (`contacts.0.value`, `lastName`, ...)
      if (errors) return errors;
    }
  };
  const country = regex(/^[A-Za-z]{2}$/, 'lead.create.country_invalid');
  return (
    <>
      <Button startIcon={<EditIcon />} onClick={() => setOpen(true)} data-testid="client-edit">
        {translate('ra.action.edit')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="md" data-testid="client-edit-dialog">
        <DialogTitle>{translate('client.edit.title', { name: client.name })}</DialogTitle>
        {/* its own record: inside the client page, Form would otherwise start from the 360 record itself (tags as a list) */}
        <Form onSubmit={submit} record={before}>
          <DialogContent>
            {error && (
              <Alert severity="error" sx={{ mb: 2 }} data-testid="client-edit-error">
                {error}
              </Alert>
            )}
            {corporate ? (
              <>
                <TextInput
                  source="legalName"
                  label="client.edit.legal_name"
                  validate={[required(), maxLength(200)]}
                  fullWidth
                  {...tid('legalName')}
                />
                <TextInput
                  source="registrationNumber"
                  label="client.edit.registration_number"
                  validate={maxLength(60)}
                  fullWidth
                  {...tid('registrationNumber')}
                />
              </>
            ) : (
              <>
                <TextInput source="firstName" label="client.edit.first_name" validate={maxLength(100)} fullWidth {...tid('firstName')} />
                <TextInput
                  source="lastName"
                  label="client.edit.last_name"
                  validate={[required(), maxLength(100)]}
                  fullWidth
                  {...tid('lastName')}
                />
                <DateInput source="dateOfBirth" label="client.edit.date_of_birth" fullWidth {...tid('dateOfBirth')} />
                <TextInput source="nationality" label="client.edit.nationality" validate={country} fullWidth {...tid('nationality')} />
                {nationalId && (
                  <TextInput
                    source="nationalId"
                    label="resources.clients.fields.nationalId"
                    validate={maxLength(40)}
                    fullWidth
                    {...tid('nationalId')}
                  />
                )}
              </>
            )}
            <TextInput source="country" label="resources.clients.fields.country" validate={country} fullWidth {...tid('country')} />
            <TextInput
              source="language"
              label="client.edit.language"
              validate={regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'lead.create.language_invalid')}
              helperText="lead.create.language_hint"
              fullWidth
              {...tid('language')}
            />
            <SelectInput
              source="tier"
              label="client.profile.tier"
              choices={TIERS.map((id) => ({ id, name: translate(`client.tier.${id}`) }))}
              validate={required()}
              fullWidth
              data-testid="client-edit-tier"
            />
            <TextInput source="tags" label="client.profile.tags" helperText="client.edit.tags_hint" fullWidth {...tid('tags')} />
            <TextInput source="segment" label="client.edit.segment" validate={maxLength(40)} fullWidth {...tid('segment')} />
            <Typography variant="subtitle1" sx={{ mt: 2 }}>
              {translate('client.edit.contacts')}
            </Typography>
            <ArrayInput source="contacts" label={false} data-testid="client-edit-contacts">
              <SimpleFormIterator inline disableReordering>
                <SelectInput
                  source="kind"
                  label="client.edit.contact_kind"
                  choices={[
                    { id: 'email', name: translate('resources.clients.fields.email') },
                    { id: 'phone', name: translate('resources.clients.fields.phone') },
                  ]}
                  validate={required()}
                />
                <TextInput source="value" label="client.edit.contact_value" validate={[required(), maxLength(254)]} />
                <TextInput source="label" label="client.edit.contact_label" validate={maxLength(40)} />
                <BooleanInput source="primary" label="client.edit.contact_primary" />
              </SimpleFormIterator>
            </ArrayInput>
            <Typography variant="subtitle1" sx={{ mt: 2 }}>
              {translate('client.related.title')}
            </Typography>
            <ArrayInput source="relatedPersons" label={false} data-testid="client-edit-related">
              <SimpleFormIterator inline disableReordering>
                <SelectInput
                  source="role"
                  label="client.related.role"
                  choices={RELATED_ROLES.map((id) => ({ id, name: translate(`client.related.roles.${id}`) }))}
                  validate={required()}
                />
                <TextInput source="name" label="client.related.name" validate={maxLength(200)} />
                <TextInput source="firstName" label="client.edit.first_name" validate={maxLength(100)} />
                <TextInput source="lastName" label="client.edit.last_name" validate={maxLength(100)} />
                <DateInput source="dateOfBirth" label="client.edit.date_of_birth" />
                <TextInput source="nationality" label="client.edit.nationality" validate={country} />
                <NumberInput source="sharePercent" label="client.related.share" min={0} max={100} />
              </SimpleFormIterator>
            </ArrayInput>
            {owner && (
              <>
                <Typography variant="subtitle1" sx={{ mt: 2 }}>
                  {translate('client.edit.owner')}
                </Typography>
                {supervises(permissions) ? (
                  <ReferenceInput source="accountManagerId" reference="users" sort={{ field: 'name', order: 'ASC' }}>
                    <AutocompleteInput
                      label="resources.clients.fields.accountManager.name"
                      optionText="name"
                      filterToQuery={(q) => ({ q })}
                      fullWidth
                      data-testid="client-edit-accountManagerId"
                    />
                  </ReferenceInput>
                ) : (
                  <TextInput
                    source="accountManagerId"
                    label="resources.clients.fields.accountManager.name"
                    fullWidth
                    {...tid('accountManagerId')}
                  />
                )}
                <TextInput source="branchId" label="client.edit.branch_id" validate={required()} fullWidth {...tid('branchId')} />
                <SelectInput
                  source="introducingBrokerId"
                  label="client.profile.introducing_broker"
                  choices={ibs}
                  emptyText={translate('client.edit.none')}
                  fullWidth
                  data-testid="client-edit-introducingBrokerId"
                />
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <Button type="submit" variant="contained" data-testid="client-edit-submit">
              {translate('ra.action.save')}
            </Button>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
