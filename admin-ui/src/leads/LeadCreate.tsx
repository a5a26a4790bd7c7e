import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  AutocompleteInput,
  BooleanInput,
  Create,
  DateInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  email,
  maxLength,
  regex,
  required,
  useGetIdentity,
  useNotify,
  useTranslate,
} from 'react-admin';
import { supervises, usePerms } from '../providers/permissions';
import { humanize } from '../i18n/humanize';
import { useFormat } from '../i18n/format';
import { leadPath, recordPath } from './api';
import { TEMPERATURES, type CreatedLead } from './types';

/** Drops empty fields: the API takes absent ones, not empty strings or nulls. */
const present = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== ''));

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

/** After creating: the duplicates POST /api/leads found (each linked to its lead or client page) and who got the lead. */
const CreatedDialog = ({ lead }: { lead: CreatedLead }) => {
  const translate = useTranslate();
  const format = useFormat();
  const navigate = useNavigate();
  return (
    <Dialog open fullWidth maxWidth="sm" data-testid="lead-created-dialog">
      <DialogTitle>{translate('lead.create.created', { name: `${lead.firstName} ${lead.lastName}` })}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="lead-created-duplicates">
          {translate('lead.create.duplicates', { smart_count: lead.duplicates.length })}
        </Alert>
        <List dense>
          {lead.duplicates.map((d) => (
            <ListItem key={`${d.kind}:${d.id}:${d.reason}`} data-testid="lead-created-duplicate" data-kind={d.kind} data-other={d.id}>
              <ListItemText
                primary={
                  <Link to={recordPath(d.kind, d.id)}>
                    {d.detail?.matchedName ?? `${translate(`lead.duplicates.kind.${d.kind}`)} ${d.id}`}
                  </Link>
                }
                secondary={`${translate(`lead.duplicates.reasons.${d.reason}`, { _: humanize(d.reason) })} · ${format.percent(d.score)}`}
              />
            </ListItem>
          ))}
        </List>
        <Typography variant="body2" color="text.secondary">
          {translate('lead.create.review_hint')}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={() => navigate(leadPath(lead.id))} data-testid="lead-created-open">
          {translate('lead.create.open')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** Manual entry (POST /api/leads): the API finds duplicates among leads and clients and applies the assignment rules.
 * Supervisors may pick the account manager; anyone else may take the lead themselves (default: an agent sees only
 * their own leads, so a lead the rules gave someone else would vanish from their view). 400 field errors land on
 * the fields. */
export const LeadCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const { permissions } = usePerms();
  const { identity } = useGetIdentity();
  const [created, setCreated] = useState<CreatedLead | null>(null);
  const picks = supervises(permissions);
  const transform = (v: Record<string, unknown>) => {
    const { assignToMe, ...rest } = v;
    const body = present(Object.fromEntries(Object.entries(rest).map(([k, x]) => [k, trimmed(x)])));
    if (typeof body.country === 'string') body.country = body.country.toUpperCase();
    if (!picks && assignToMe && identity) body.accountManagerId = identity.id;
    return body;
  };
  const onSuccess = (lead: CreatedLead) => {
    if (lead.duplicates.length) setCreated(lead);
    else {
      notify('lead.create.done', { type: 'success' });
      void navigate(leadPath(lead.id));
    }
  };
  const text = (source: string, max: number, extra: object = {}) => (
    <TextInput
      source={source}
      validate={maxLength(max)}
      fullWidth
      slotProps={{ htmlInput: { 'data-testid': `lead-${source}` } }}
      {...extra}
    />
  );
  return (
    <>
      <Create<CreatedLead> transform={transform} redirect={false} mutationOptions={{ onSuccess }} title="lead.create.title">
        <SimpleForm defaultValues={{ source: 'manual', temperature: 'warm', assignToMe: true }} sx={{ maxWidth: 640 }}>
          {text('firstName', 100, { validate: [required(), maxLength(100)] })}
          {text('lastName', 100, { validate: [required(), maxLength(100)] })}
          {text('email', 254, { validate: [email(), maxLength(254)], type: 'email' })}
          {text('phone', 40, { helperText: 'lead.create.phone_hint' })}
          {text('country', 2, { validate: regex(/^[A-Za-z]{2}$/, 'lead.create.country_invalid'), helperText: 'lead.create.country_hint' })}
          {text('language', 10, {
            validate: regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'lead.create.language_invalid'),
            helperText: 'lead.create.language_hint',
          })}
          <DateInput source="dateOfBirth" fullWidth slotProps={{ htmlInput: { 'data-testid': 'lead-dateOfBirth' } }} />
          {text('source', 60, { validate: [required(), maxLength(60)] })}
          {text('campaign', 120)}
          <SelectInput
            source="temperature"
            choices={TEMPERATURES.map((id) => ({ id, name: translate(`lead.temperature.${id}`) }))}
            fullWidth
            data-testid="lead-temperature"
          />
          {text('ib', 100)}
          {text('utmSource', 200, { label: 'lead.utm.source' })}
          {text('utmMedium', 200, { label: 'lead.utm.medium' })}
          {text('utmCampaign', 200, { label: 'lead.utm.campaign' })}
          {text('utmTerm', 200, { label: 'lead.utm.term' })}
          {text('utmContent', 200, { label: 'lead.utm.content' })}
          {picks ? (
            <ReferenceInput source="accountManagerId" reference="users" sort={{ field: 'name', order: 'ASC' }}>
              <AutocompleteInput
                optionText="name"
                filterToQuery={(q) => ({ q })}
                helperText="lead.create.manager_hint"
                fullWidth
                data-testid="lead-accountManagerId"
              />
            </ReferenceInput>
          ) : (
            <BooleanInput source="assignToMe" label="lead.create.assign_to_me" data-testid="lead-assignToMe" />
          )}
        </SimpleForm>
      </Create>
      {created && <CreatedDialog lead={created} />}
    </>
  );
};
