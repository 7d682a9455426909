// The regex audit (issue 16): every regular expression in the TypeScript sources is checked for super-linear
// backtracking by eslint-plugin-regexp; `npm run lint` (run by scripts/test.mjs after the typecheck) fails on one.
// Only these rules: style and the rest of linting are not this step's business (see docs/decisions.md).
import tsParser from '@typescript-eslint/parser';
import regexp from 'eslint-plugin-regexp';

export default [
  { ignores: ['dist/**', 'node_modules/**', 'test/fixtures/**'] },
  {
    files: ['shared-rules/**/*.ts', 'server/src/**/*.ts', 'cli/src/**/*.ts', 'client/src/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    plugins: { regexp },
    rules: {
      // Exponential or polynomial backtracking on some input (nested or adjacent overlapping quantifiers).
      'regexp/no-super-linear-backtracking': ['error', { report: 'certain' }],
      // Quadratic when the regex is retried at every position of a string (test/exec/replace over file content).
      'regexp/no-super-linear-move': ['error', { report: 'certain', ignoreSticky: true, ignorePartial: false }],
      'regexp/no-misleading-capturing-group': 'error',
    },
  },
];
