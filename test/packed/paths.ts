import { fileURLToPath } from 'node:url';

/** The package's own folder (the worktree root). */
export const ROOT: string = fileURLToPath(new URL('../../', import.meta.url));

/** Scratch space for the packed-package tests: git-ignored, rebuilt by `setup.ts`. */
export const SCRATCH: string = `${ROOT}.tmp/packed/`;

/** Where `npm pack` writes the tarball. */
export const TARBALL_DIR: string = `${SCRATCH}pack/`;

/** A consumer project with the tarball installed, as a user would have it. */
export const CONSUMER: string = `${SCRATCH}consumer/`;

/** The consumer project again, with valibot at the lowest version the peer range allows. */
export const LOWEST_PEER_CONSUMER: string = `${SCRATCH}lowest-peer/`;

/** A Deno project that gets the package as JSR source, through `jsr.json`. */
export const JSR_CONSUMER: string = `${SCRATCH}jsr/`;

/** Deno's cache, kept out of the home folder. */
export const DENO_DIR: string = `${SCRATCH}deno-dir/`;

/** The runtimes, installed from npm as devDependencies. */
export const BIN = {
  deno: `${ROOT}node_modules/.bin/deno`,
  bun: `${ROOT}node_modules/.bin/bun`,
  workerd: `${ROOT}node_modules/.bin/workerd`,
} as const;

/** A proxy that refuses every connection: a runtime that tries to download something fails loudly. */
const NO_NETWORK = 'http://127.0.0.1:9';

/**
 * The environment for the runtimes: no update checks, no colours, Deno's cache
 * under `.tmp`, and no network but 127.0.0.1 (everything they need is in
 * node_modules).
 */
export const RUNTIME_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  DENO_DIR,
  DENO_NO_UPDATE_CHECK: '1',
  NO_COLOR: '1',
  BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0',
  HTTP_PROXY: NO_NETWORK,
  HTTPS_PROXY: NO_NETWORK,
  http_proxy: NO_NETWORK,
  https_proxy: NO_NETWORK,
  NO_PROXY: '127.0.0.1,localhost',
  no_proxy: '127.0.0.1,localhost',
};
