// The layers point one way (docs/architecture.md, "Layers"). `npm test` runs this check: an import against
// the direction, or a Node built-in in workflow code, fails it.
//   platform    database, environment, timeline, settings, live channel, the screening and CRM libraries:
//               imports no other layer but the pure modules of workflows (business time, types)
//   workflows   deterministic: @temporalio/workflow and their own pure modules; activities by type only
//   activities  platform, and the pure modules of workflows (definitions, state tables, models)
//   api         platform, and workflows' definitions, types, update definitions and ids
//   worker      activities and workflows
//   admin-ui    talks to the API over HTTP only
const RUNTIME = { dependencyTypesNot: ['type-only'] };
// workflow modules that run only inside a workflow (they use @temporalio/workflow at run time)
const WORKFLOW_RUNTIME = '^workflows/(.+/workflow|engine/(case-engine|bootstrap|projection-writer|request-slot|case-flow))\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'workflows-are-deterministic',
      comment: 'Workflow code imports only @temporalio/workflow and its own modules (activities as types only).',
      severity: 'error',
      from: { path: '^workflows/' },
      to: { pathNot: ['^workflows/', '^node_modules/@temporalio/workflow/'], ...RUNTIME },
    },
    {
      name: 'no-node-builtins-in-workflows',
      severity: 'error',
      from: { path: '^workflows/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'platform-is-the-bottom',
      comment: 'platform/ serves api and activities and imports neither (workflow types only).',
      severity: 'error',
      from: { path: '^platform/' },
      to: { path: '^(api|activities|worker|scripts|admin-ui|prisma|bench|test)/' },
    },
    {
      name: 'platform-uses-pure-workflow-modules',
      comment: 'platform may use the pure modules of workflows (business time, types), never workflow runtime code.',
      severity: 'error',
      from: { path: '^platform/' },
      to: { path: WORKFLOW_RUNTIME, ...RUNTIME },
    },
    {
      name: 'activities-below-api',
      severity: 'error',
      from: { path: '^activities/' },
      to: { path: '^(api|worker|scripts|admin-ui|bench|test)/' },
    },
    {
      name: 'activities-use-pure-workflow-modules',
      comment: 'Activities may use definitions, state tables and pure models, never workflow runtime code.',
      severity: 'error',
      from: { path: '^activities/' },
      to: { path: WORKFLOW_RUNTIME, ...RUNTIME },
    },
    {
      name: 'api-above-platform',
      severity: 'error',
      from: { path: '^api/' },
      to: { path: '^(activities|worker|scripts|admin-ui|bench|test)/' },
    },
    {
      name: 'api-does-not-run-workflows',
      severity: 'error',
      from: { path: '^api/' },
      to: { path: WORKFLOW_RUNTIME, ...RUNTIME },
    },
    {
      name: 'worker-below-api',
      severity: 'error',
      from: { path: '^worker/' },
      to: { path: '^(api|scripts|admin-ui)/' },
    },
    {
      name: 'console-over-http-only',
      severity: 'error',
      from: { path: '^admin-ui/' },
      to: { path: '^(api|activities|platform|worker|workflows|prisma|scripts)/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|data|node_modules|\\.tools)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
