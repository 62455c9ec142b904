// A fresh clone has no dist/ and no json-schema/ (both are git-ignored): the
// `prepare` script builds them whenever npm packs the folder. These tests copy
// what a clone holds (the files git tracks, and any new ones it does not
// ignore) to a scratch folder beside node_modules, and check that packing it
// without building first gives the tarball the other packed tests check, and
// that an install from the folder, which npm packs the way it packs a git
// dependency, gets that package too. No network: npm takes valibot from its cache.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT, SCRATCH, TARBALL_DIR } from './paths.ts';

const run = promisify(execFile);

interface PackedFile {
  readonly path: string;
  readonly size: number;
}

const checked: { integrity: string; files: PackedFile[] } = JSON.parse(readFileSync(`${TARBALL_DIR}pack.json`, 'utf8'));
const checkedFiles = checked.files.map(({ path, size }) => ({ path, size }));

/** Copies the files a clone of the worktree would hold to `dir`, with the worktree's node_modules linked in. */
function cloneTo(dir: string): void {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  // a tracked file deleted in the worktree is listed by --cached, and is not in a clone of the change
  for (const file of listed.split('\0').filter((file) => file !== '' && existsSync(`${ROOT}${file}`))) {
    cpSync(`${ROOT}${file}`, `${dir}${file}`);
  }
  symlinkSync(`${ROOT}node_modules`, `${dir}node_modules`);
}

/** Every file under `dir`, as paths relative to it, sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(`${dir}${prefix}`, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(dir, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

const CLONE = `${SCRATCH}clone/`;
const CLONE_TO_INSTALL = `${SCRATCH}clone-to-install/`;
const FOLDER_INSTALL = `${SCRATCH}folder-install/`;

describe('a fresh clone', () => {
  let fresh: { dist: boolean; jsonSchema: boolean; sources: boolean };
  let packed: { integrity: string; files: PackedFile[] };
  let installed: string[];

  // The pack and the install each build (some 8 s); they run side by side.
  beforeAll(async () => {
    for (const dir of [CLONE, CLONE_TO_INSTALL, FOLDER_INSTALL]) mkdirSync(dir, { recursive: true });
    cloneTo(CLONE);
    cloneTo(CLONE_TO_INSTALL);
    fresh = { dist: existsSync(`${CLONE}dist`), jsonSchema: existsSync(`${CLONE}json-schema`), sources: existsSync(`${CLONE}src/index.ts`) };
    writeFileSync(`${FOLDER_INSTALL}package.json`, JSON.stringify({ name: 'folder-install', private: true }));
    const valibot = JSON.parse(readFileSync(`${ROOT}node_modules/valibot/package.json`, 'utf8')).version;
    const [pack] = await Promise.all([
      run('npm', ['pack', '--dry-run', '--json'], { cwd: CLONE, timeout: 90_000 }),
      run('npm', ['install', '--install-links', '--prefer-offline', '--no-audit', '--no-fund', `file:${CLONE_TO_INSTALL}`, `valibot@${valibot}`], {
        cwd: FOLDER_INSTALL,
        timeout: 90_000,
      }),
    ]);
    [packed] = JSON.parse(pack.stdout) as [typeof packed];
    installed = filesUnder(`${FOLDER_INSTALL}node_modules/image-usage/`);
  }, 120_000);

  test('has the sources, and neither dist/ nor json-schema/', () => {
    expect(fresh).toEqual({ dist: false, jsonSchema: false, sources: true });
  });

  test('packs (npm pack, as npm publish does) into the same tarball as the checked one, byte for byte', () => {
    expect(packed.files.map(({ path, size }) => ({ path, size }))).toEqual(checkedFiles);
    expect(packed.integrity).toBe(checked.integrity);
    expect(checkedFiles.filter(({ path }) => path.startsWith('dist/')).length).toBeGreaterThan(10);
    expect(checkedFiles.filter(({ path }) => path.startsWith('json-schema/')).length).toBe(4);
  });

  test('installs from its folder, which npm packs as it packs a git dependency (prepare runs), with every file', () => {
    expect(installed).toEqual(checkedFiles.map(({ path }) => path).sort());
  });
});
