import { fileURLToPath } from 'node:url';

/** The repository's root (the library's package). */
export const ROOT: string = fileURLToPath(new URL('../../', import.meta.url));

/** The command's package. */
export const CLI: string = `${ROOT}cli/`;

/** Scratch space of these tests: git-ignored, laid out again by setup.ts. */
export const SCRATCH: string = `${ROOT}.tmp/cli/`;

/** Where `npm pack` writes both tarballs, and setup.ts what it packed (`packed.json`). */
export const PACK: string = `${SCRATCH}pack/`;

/** A user's project with both tarballs installed, as `npm install` lays them out; the sample log beside them. */
export const USER: string = `${SCRATCH}user/`;

/** The command as npm installed it in the user's project. */
export const BIN: string = `${USER}node_modules/.bin/image-usage`;

/** A proxy that refuses every connection: the command must not need the network. */
const NO_NETWORK = 'http://127.0.0.1:9';

/**
 * The environment the command runs in: no network (the catalog is in the
 * package), npm offline, and neither NO_COLOR nor CI (each test sets what it
 * tests), so that a progress line shows only where a test gives a terminal.
 */
export const ENV: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries({
    ...process.env,
    HTTP_PROXY: NO_NETWORK,
    HTTPS_PROXY: NO_NETWORK,
    http_proxy: NO_NETWORK,
    https_proxy: NO_NETWORK,
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
  }).filter(([name]) => !['NO_COLOR', 'FORCE_COLOR', 'CI', 'COLUMNS', 'TZ'].includes(name)),
);
