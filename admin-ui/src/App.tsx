import { lazy } from 'react';
import { Admin, CustomRoutes, Resource, type I18nProvider } from 'react-admin';
import { Route } from 'react-router-dom';
import { CaseTypesProvider } from './caseTypeRegistry';
import { CASE_TYPES } from './caseTypes';
import { incidents, settings, slaPolicies } from './admin';
import accounts from './accounts';
import clients from './clients';
import { Dashboard } from './dashboard/Dashboard';
import imports from './imports';
import interactions from './interactions';
import leads from './leads';
import { Layout } from './layout/Layout';
import { OverdueList, Runs, ScenarioList, ScenarioShow, Suppression, alerts } from './monitoring';
import { LoginPage } from './login/LoginPage';
import notifications from './notifications';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import tasks from './tasks';
import transactions from './transactions';

// Pages outside a resource, loaded when opened.
const ScreeningLists = lazy(() => import('./screening/ScreeningLists').then((m) => ({ default: m.ScreeningLists })));
const IntroducingBrokers = lazy(() => import('./introducing-brokers/IntroducingBrokers').then((m) => ({ default: m.IntroducingBrokers })));

export const App = ({ i18nProvider }: { i18nProvider: I18nProvider }) => (
  <CaseTypesProvider value={CASE_TYPES}>
    <Admin
      title="Broker CRM"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      layout={Layout}
      dashboard={Dashboard}
      requireAuth
      disableTelemetry
    >
      <Resource name="tasks" {...tasks} />
      {CASE_TYPES.map(({ key, resource }) => (
        <Resource key={key} {...resource} />
      ))}
      <Resource name="clients" {...clients} />
      <Resource name="leads" {...leads} />
      <Resource name="interactions" {...interactions} />
      <Resource name="accounts" {...accounts} />
      <Resource name="transactions" {...transactions} />
      <Resource name="imports" {...imports} />
      <Resource name="notifications" {...notifications} />
      <Resource name="incidents" {...incidents} />
      <Resource name="sla-policies" {...slaPolicies} />
      <Resource name="settings" {...settings} />
      <Resource name="alerts" {...alerts} />
      <CustomRoutes>
        <Route path="/screening-lists" element={<ScreeningLists />} />
        <Route path="/introducing-brokers" element={<IntroducingBrokers />} />
        <Route path="/monitoring/scenarios" element={<ScenarioList />} />
        <Route path="/monitoring/scenarios/:id" element={<ScenarioShow />} />
        <Route path="/monitoring/kyc-overdue" element={<OverdueList />} />
        <Route path="/monitoring/suppression" element={<Suppression />} />
        <Route path="/monitoring/runs" element={<Runs />} />
      </CustomRoutes>
    </Admin>
  </CaseTypesProvider>
);
