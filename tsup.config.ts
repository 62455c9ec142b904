import { readdirSync, rmSync } from 'node:fs';
import { defineConfig } from 'tsup';

// tsup runs the two builds below in parallel, and a build with `clean: true`
// deletes the other build's output (its declaration step removes every
// `*.d.cts` too), so `dist` is emptied once here instead.
rmSync('dist', { recursive: true, force: true });

// The source modules, sorted, as an object (output path: source): esbuild lays
// out the shared chunks and the imports of each file in the order of its entry
// points, and tsup globs an array of entries again, which gives them in the
// order the file system lists them, different between two clones of one commit.
const modules = Object.fromEntries(
  readdirSync('src', { recursive: true, encoding: 'utf8' })
    .map((file) => file.replaceAll('\\', '/'))
    .filter((file) => file.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(file))
    .sort()
    .map((file) => [file.slice(0, -'.ts'.length), `src/${file}`]),
);

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
