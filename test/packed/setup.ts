// Global setup of the `packed` test project: packs the built package with
// `npm pack` (skipping its `prepare` script, the build: `npm test` has just
// built, and fresh-clone.test.ts shows that a pack with the script gives the
// same tarball), installs the tarball into a scratch consumer project (with
// valibot, hono, @hono/standard-validator, ajv and @types/node from the npm
// cache that `npm ci` filled), copies the runtime smoke scripts and the
// examples beside it, and lays out a Deno project that gets the package as JSR
// source through `jsr.json`. Every test in test/packed/ works on these, never
// on `src/`.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { CONSUMER, JSR_CONSUMER, LOWEST_PEER_CONSUMER, ROOT, SCRATCH, TARBALL_DIR } from './paths.ts';

/** The installed version of a devDependency, so that npm finds it in its cache. */
function installedVersion(name: string): string {
  return JSON.parse(readFileSync(`${ROOT}node_modules/${name}/package.json`, 'utf8')).version;
}

export default function setup(): void {
  if (!existsSync(`${ROOT}dist/index.js`)) throw new Error('dist/ is missing: run `npm run build` (npm test does) first');
  rmSync(SCRATCH, { recursive: true, force: true });
  mkdirSync(TARBALL_DIR, { recursive: true });
  mkdirSync(CONSUMER, { recursive: true });

  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', TARBALL_DIR], { cwd: ROOT, encoding: 'utf8' }),
  );
  writeFileSync(`${TARBALL_DIR}pack.json`, JSON.stringify(packed, null, 2));

  writeFileSync(`${CONSUMER}package.json`, JSON.stringify({ name: 'consumer', private: true }, null, 2));
  const dependencies = ['valibot', 'hono', '@hono/standard-validator', 'ajv', '@types/node'].map((name) => `${name}@${installedVersion(name)}`);
  execFileSync(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', `${TARBALL_DIR}${packed.filename}`, ...dependencies],
    { cwd: CONSUMER, stdio: 'pipe' },
  );
  cpSync(`${ROOT}test/runtimes`, CONSUMER, { recursive: true });
  cpSync(`${ROOT}examples`, `${CONSUMER}examples`, { recursive: true });

  // The same package beside valibot 1.1.0, the lowest version of the peer range
  // (installed as the devDependency `valibot-lowest`), and Node's types.
  for (const name of ['image-usage', '@types/node', 'undici-types']) {
    cpSync(`${CONSUMER}node_modules/${name}`, `${LOWEST_PEER_CONSUMER}node_modules/${name}`, { recursive: true });
  }
  cpSync(`${ROOT}node_modules/valibot-lowest`, `${LOWEST_PEER_CONSUMER}node_modules/valibot`, { recursive: true });
  cpSync(`${ROOT}test/runtimes`, LOWEST_PEER_CONSUMER, { recursive: true });
  cpSync(`${CONSUMER}package.json`, `${LOWEST_PEER_CONSUMER}package.json`);

  // JSR: Deno's `links` use a local folder in place of the registry, but only
  // one with a deno.json, so the package's jsr.json is copied in as one.
  mkdirSync(`${JSR_CONSUMER}package`, { recursive: true });
  cpSync(`${ROOT}jsr.json`, `${JSR_CONSUMER}package/deno.json`);
  cpSync(`${ROOT}src`, `${JSR_CONSUMER}package/src`, { recursive: true });
  cpSync(`${ROOT}test/runtimes`, JSR_CONSUMER, { recursive: true });
  const { name, version } = JSON.parse(readFileSync(`${ROOT}jsr.json`, 'utf8'));
  writeFileSync(
    `${JSR_CONSUMER}deno.json`,
    JSON.stringify(
      {
        imports: { 'image-usage': `jsr:${name}@^${version}` },
        links: ['./package'],
        // valibot (an npm: import in jsr.json) comes from the consumer's node_modules, not the network.
        nodeModulesDir: 'manual',
      },
      null,
      2,
    ),
  );
  symlinkSync(`${CONSUMER}node_modules`, `${JSR_CONSUMER}node_modules`);
}
