import { rmSync } from 'node:fs';
import { defineConfig } from 'tsup';

// tsup runs the two builds below in parallel, and a build with `clean: true`
// deletes the other build's output (its declaration step removes every
// `*.d.cts` too), so `dist` is emptied once here instead.
rmSync('dist', { recursive: true, force: true });

// ESM: one output file per source module, so that a bundler drops every module
// a consumer does not import (schema construction never rides along with a
// helper). CJS: one file, for `require`. The declarations of each are one
// file bundled from src/index.ts, so they hold the public API and no internal.
export default defineConfig([
  {
    entry: ['src/**/*.ts', '!src/**/*.test.ts', '!src/**/*.test-d.ts'],
    format: 'esm',
    dts: { entry: 'src/index.ts' },
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
