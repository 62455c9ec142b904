// Global setup of the `cli` test project: packs both packages as `npm
// publish` would (the library without its prepare script, as `npm test` has
// just built it; the command with its prepack script, which type-checks and
// builds it), installs the two tarballs into a scratch project of a user, with
// valibot and @pydantic/genai-prices from the npm cache that `npm ci` filled,
// and copies the sample log and prices beside them. Every test of cli/test
// runs the command installed there, never cli/src.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { CLI, PACK, ROOT, SCRATCH, USER } from './paths.ts';

/** The version of a package in the root's node_modules, so that npm finds it in its cache. */
function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(`${ROOT}node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
}

/** Packs a folder; returns what npm packed. */
function pack(cwd: string, scripts: boolean): { filename: string; files: { path: string }[] } {
  const args = ['pack', '--json', '--pack-destination', PACK, ...(scripts ? [] : ['--ignore-scripts'])];
  const [packed] = JSON.parse(execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as [
    { filename: string; files: { path: string }[] },
  ];
  return packed;
}

export default function setup(): void {
  if (!existsSync(`${ROOT}dist/index.js`)) throw new Error('dist/ is missing: run `npm run build` (npm test does) first');
  rmSync(SCRATCH, { recursive: true, force: true });
  mkdirSync(PACK, { recursive: true });
  mkdirSync(USER, { recursive: true });
  const library = pack(ROOT, false);
  const command = pack(CLI, true);
  writeFileSync(`${PACK}packed.json`, JSON.stringify({ library, command }, null, 2));

  writeFileSync(`${USER}package.json`, JSON.stringify({ name: 'user', private: true }, null, 2));
  const pinned = ['@pydantic/genai-prices', 'valibot'].map((name) => `${name}@${installedVersion(name)}`);
  execFileSync(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', `${PACK}${library.filename}`, `${PACK}${command.filename}`, ...pinned],
    { cwd: USER, stdio: 'pipe' },
  );
  cpSync(`${CLI}examples/sample.jsonl`, `${USER}sample.jsonl`);
  cpSync(`${CLI}examples/prices.json`, `${USER}prices.json`);
}
