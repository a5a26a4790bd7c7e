import { Box, Button, CardContent, CircularProgress, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Form,
  Login,
  PasswordInput,
  TextInput,
  email,
  required,
  useLocaleState,
  useLogin,
  useNotify,
  useTranslate,
} from 'react-admin';
import { LocaleSwitcher } from '../i18n/LocaleSwitcher';
import { supportedLocale } from '../i18n/messages';
import type { User } from '../types';

const LoginForm = () => {
  const login = useLogin();
  const notify = useNotify();
  const translate = useTranslate();
  const [, setLocale] = useLocaleState();
  const [loading, setLoading] = useState(false);

  const submit = async (values: Record<string, unknown>) => {
    setLoading(true);
    try {
      const user: User = await login(values);
      // The account's language becomes the console's once we know who signed in.
      const locale = supportedLocale(user?.locale);
      if (locale) setLocale(locale);
    } catch (error) {
      notify((error as Error)?.message || 'ra.auth.sign_in_error', { type: 'error' });
    } finally {
      setLoading(false);
    }
  };

  return (
    <Form onSubmit={submit} noValidate>
      <CardContent sx={{ width: 320 }}>
        <Typography variant="h6" align="center" gutterBottom>
          {translate('login.title')}
        </Typography>
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
        <Button type="submit" variant="contained" fullWidth disabled={loading} data-testid="login-submit" sx={{ mt: 2 }}>
          {loading ? <CircularProgress size={19} thickness={3} /> : translate('login.submit')}
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
