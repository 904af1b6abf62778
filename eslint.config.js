// Lint rules, including the layer boundaries of STYLE.md section 1: each folder may import only what its
// layer allows, so core/ stays pure and workflows/ stay deterministic.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ioLibraries = ['fs', 'net', 'http', 'https', 'child_process', 'pg', 'ioredis', '@duckdb/*', '@temporalio/*'];
const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'workers/training/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      curly: ['error', 'multi-line'],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['config/**/*.ts'],
    ignores: ['config/**/*.test.ts'],
    rules: restrict(
      ['node:*', '../*', ...ioLibraries, '!../config/*'],
      'config/ may import only zod, yaml and other config/ modules',
    ),
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: {
      ...restrict(
        [
          'node:*',
          ...ioLibraries,
          '**/adapters/**',
          '**/activities/**',
          '**/workflows/**',
          '**/hotpath/**',
          '**/workers/**',
          '**/cli/**',
        ],
        'core/ is pure: no I/O, no outer layers (STYLE.md section 1)',
      ),
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'core/ reads no clock: time comes in through events or parameters',
        },
        { object: 'Math', property: 'random', message: 'core/ uses seeded randomness only (core/random)' },
        { object: 'process', property: 'env', message: 'core/ reads no environment' },
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.test.ts'],
    rules: restrict(
      [
        'node:*',
        ...ioLibraries,
        '!@temporalio/workflow',
        '!@temporalio/common',
        '**/adapters/**',
        '**/activities/**',
        '**/hotpath/**',
        '**/workers/**',
        '**/cli/**',
      ],
      'workflows/ run in the deterministic sandbox: @temporalio/workflow, pure core/ and types only',
    ),
  },
  {
    files: ['adapters/**/*.ts'],
    rules: restrict(
      ['**/activities/**', '**/workflows/**', '**/hotpath/**', '**/cli/**'],
      'adapters/ sit below activities, workflows and the hot path',
    ),
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
