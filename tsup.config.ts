import { defineConfig } from 'tsup';

// ESM: one output file per source module, so that a bundler drops every module
// a consumer does not import (schema construction never rides along with a
// helper). CJS: one file, for `require`. The two builds run side by side, so
// neither cleans dist/ (that would delete the other's files): `npm run build`
// empties it first.
export default defineConfig([
  {
    entry: ['src/**/*.ts', '!src/**/*.test.ts', '!src/**/*.test-d.ts'],
    format: 'esm',
    dts: true,
    splitting: true,
    outDir: 'dist',
    target: 'es2022',
  },
  {
    entry: ['src/index.ts'],
    format: 'cjs',
    dts: true,
    outDir: 'dist',
    target: 'es2022',
  },
]);
