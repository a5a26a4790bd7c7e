// Lint (npm test runs it): typescript-eslint's type-aware rules, chiefly promises nobody awaits or catches
// (a floating promise in a handler is how an error escapes to `unhandledRejection`) and type-only imports
// (workflow bundles and the console must not pull in server code for a type). Formatting is Prettier's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'admin-ui/dist/', 'data/', '.tools/', 'coverage/', '**/*.cjs', '**/*.mjs', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // a variable a closure reads before its one assignment (a workflow's engine, set after the first await)
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // the product validates and strips control characters (NUL, SUB) on purpose: PostgreSQL cannot store NUL
      'no-control-regex': 'off',
    },
  },
  {
    // tests and benches read JSON bodies and SQL rows whose shape the assertion itself checks
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
