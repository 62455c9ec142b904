import { readdirSync, rmSync } from 'node:fs';
import { defineConfig } from 'tsup';

// tsup runs the two builds below in parallel, and a build with `clean: true`
// deletes the other build's output (its declaration step removes every
// `*.d.cts` too), so `dist` is emptied once here instead.
rmSync('dist', { recursive: true, force: true });

// The source modules, sorted: esbuild lays out the shared chunks in the order
// of its entry points, and a glob gives them in the order the file system
// lists them, which differs between two clones of the same commit.
const modules = readdirSync('src', { recursive: true, encoding: 'utf8' })
  .map((file) => `src/${file.replaceAll('\\', '/')}`)
  .filter((file) => file.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(file))
  .sort();

// ESM: one output file per source module, so that a bundler drops every module
// a consumer does not import (schema construction never rides along with a
// helper). CJS: one file, for `require`. The declarations of each are one
// file bundled from src/index.ts, so they hold the public API and no internal.
export default defineConfig([
  {
    entry: modules,
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
