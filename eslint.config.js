// ESLint in `npm test`. The package's source gets typescript-eslint's strict
// type-checked rules; tests, examples, benchmarks and scripts its strict
// rules; everything the recommended rules, and no unused code or imports.
// As in valibot, non-null assertions are allowed: with
// noUncheckedIndexedAccess, `counts[slot]!` says what the code knows.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'json-schema/', '.tmp/', 'node_modules/', 'cli/dist/'] },
  js.configs.recommended,
  tseslint.configs.strict,
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/**/*.test-d.ts'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowAny: false, allowBoolean: false, allowNullish: false, allowNumber: true, allowRegExp: false, allowNever: false },
      ],
    },
  },
  {
    // The command (cli/, a package of its own): the same rules, against its own tsconfig.
    files: ['cli/src/**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: { parserOptions: { project: './cli/tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }] },
  },
  {
    files: ['test/**', 'bench/**', 'src/**/*.test.ts'],
    // A class with no members stands for any class in the disguise tests.
    rules: { '@typescript-eslint/no-extraneous-class': ['error', { allowEmpty: true }] },
  },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['test/runtimes/edge.mjs'], languageOptions: { globals: { EdgeRuntime: 'readonly' } } },
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `_name` marks what is left unused on purpose (a destructured key dropped from a copy).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
);
