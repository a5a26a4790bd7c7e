import { Box, Button, CardContent, CircularProgress, Typography } from '@mui/material';
import { useState } from 'react';
import { Form, Login, PasswordInput, TextInput, email, required, useLocaleState, useLogin, useNotify, useTranslate } from 'react-admin';
import { LocaleSwitcher } from '../i18n/LocaleSwitcher';
import { supportedLocale } from '../i18n/messages';
import { LoginStep } from '../providers/authProvider';
import { http } from '../providers/dataProvider';
import type { User } from '../types';

// Sign-in is one step, or two with two-factor authentication: a code after the password; a user whose
// role requires it and who has not enrolled enrols here (key, code, recovery codes) before going on.
type Step =
  | { kind: 'password' }
  | { kind: 'code'; challenge: string }
  | { kind: 'enrol'; secret: string; uri: string }
  | { kind: 'codes'; codes: string[] };

const LoginForm = () => {
  const login = useLogin();
  const notify = useNotify();
  const translate = useTranslate();
  const [, setLocale] = useLocaleState();
  const [loading, setLoading] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'password' });

  const submit = async (values: Record<string, unknown>) => {
    setLoading(true);
    try {
      if (step.kind === 'enrol') {
        const { json } = await http('/auth/2fa/confirm', { method: 'POST', body: JSON.stringify({ code: values.code }) });
        setStep({ kind: 'codes', codes: json.recoveryCodes });
        return;
      }
      const params =
        step.kind === 'code' ? { challenge: step.challenge, code: values.code } : step.kind === 'codes' ? { resume: true } : values;
      const user: User = await login(params);
      // The account's language becomes the console's once we know who signed in.
      const locale = supportedLocale(user?.locale);
      if (locale) setLocale(locale);
    } catch (error) {
      if (error instanceof LoginStep && error.step.kind === 'code') setStep({ kind: 'code', challenge: error.step.challenge });
      else if (error instanceof LoginStep) {
        const setup = await http('/auth/2fa/setup', { method: 'POST' }).catch((e: unknown) => e as Error);
        if (setup instanceof Error) notify(setup.message, { type: 'error' });
        else setStep({ kind: 'enrol', secret: setup.json.secret, uri: setup.json.uri });
      } else notify((error as Error)?.message || 'ra.auth.sign_in_error', { type: 'error' });
    } finally {
      setLoading(false);
    }
  };

  const codeInput = (
    <TextInput
      autoFocus
      source="code"
      label="login.code"
      autoComplete="one-time-code"
      helperText="login.code_hint"
      validate={required()}
      slotProps={{ htmlInput: { 'data-testid': 'login-code' } }}
    />
  );

  return (
    <Form onSubmit={submit} noValidate>
      <CardContent sx={{ width: 320 }}>
        <Typography variant="h6" align="center" gutterBottom>
          {translate('login.title')}
        </Typography>
        {step.kind === 'password' && (
          <>
            <TextInput
              autoFocus
              source="email"
              type="email"
              label="login.email"
              autoComplete="username"
              validate={[required(), email()]}
              slotProps={{ htmlInput: { 'data-testid': 'login-email' } }}
            />
            <PasswordInput
              source="password"
              label="login.password"
              autoComplete="current-password"
              validate={required()}
              slotProps={{ htmlInput: { 'data-testid': 'login-password' } }}
            />
          </>
        )}
        {step.kind === 'code' && codeInput}
        {step.kind === 'enrol' && (
          <>
            <Typography variant="subtitle2">{translate('login.enrol_title')}</Typography>
            <Typography variant="body2" sx={{ my: 1 }}>
              {translate('login.enrol_hint')}
            </Typography>
            <Typography variant="caption">{translate('login.secret')}</Typography>
            <Typography data-testid="login-secret" sx={{ fontFamily: 'monospace', wordBreak: 'break-all', mb: 1 }}>
              <a href={step.uri}>{step.secret}</a>
            </Typography>
            {codeInput}
          </>
        )}
        {step.kind === 'codes' && (
          <>
            <Typography variant="subtitle2">{translate('login.recovery_title')}</Typography>
            <Typography variant="body2" sx={{ my: 1 }}>
              {translate('login.recovery_hint')}
            </Typography>
            <Box component="pre" data-testid="login-recovery-codes" sx={{ fontFamily: 'monospace', m: 0 }}>
              {step.codes.join('\n')}
            </Box>
          </>
        )}
        <Button type="submit" variant="contained" fullWidth disabled={loading} data-testid="login-submit" sx={{ mt: 2 }}>
          {loading ? (
            <CircularProgress size={19} thickness={3} />
          ) : (
            translate(step.kind === 'password' ? 'login.submit' : step.kind === 'codes' ? 'login.continue' : 'login.verify')
          )}
        </Button>
      </CardContent>
    </Form>
  );
};

export const LoginPage = () => (
  <Login>
    <LoginForm />
    <Box sx={{ display: 'flex', justifyContent: 'center', pb: 1 }}>
      <LocaleSwitcher />
    </Box>
  </Login>
);
