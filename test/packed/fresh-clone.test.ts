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
const FOLDER_INSTALL = `${SCRATCH}folder-install/`;

describe('a fresh clone', () => {
  beforeAll(() => {
    for (const dir of [CLONE, FOLDER_INSTALL]) mkdirSync(dir, { recursive: true });
    cloneTo(CLONE);
  });

  test('has the sources, and neither dist/ nor json-schema/', () => {
    expect(existsSync(`${CLONE}package.json`)).toBe(true);
    expect(existsSync(`${CLONE}src/index.ts`)).toBe(true);
    expect(existsSync(`${CLONE}dist`)).toBe(false);
    expect(existsSync(`${CLONE}json-schema`)).toBe(false);
  });

  test('packs (npm pack, as npm publish does) into the same tarball as the checked one, byte for byte', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json'], { cwd: CLONE, timeout: 50_000 });
    const [packed] = JSON.parse(stdout) as [{ integrity: string; files: PackedFile[] }];
    expect(packed.files.map(({ path, size }) => ({ path, size }))).toEqual(checkedFiles);
    expect(packed.integrity).toBe(checked.integrity);
    expect(checkedFiles.filter(({ path }) => path.startsWith('dist/')).length).toBeGreaterThan(10);
    expect(checkedFiles.filter(({ path }) => path.startsWith('json-schema/')).length).toBe(4);
  });

  test('installs from its folder, which npm packs as it packs a git dependency (prepare runs; prepack would not), with every file', async () => {
    const source = `${SCRATCH}clone-for-install/`;
    mkdirSync(source, { recursive: true });
    cloneTo(source);
    writeFileSync(`${FOLDER_INSTALL}package.json`, JSON.stringify({ name: 'folder-install', private: true }));
    const valibot = JSON.parse(readFileSync(`${ROOT}node_modules/valibot/package.json`, 'utf8')).version;
    await run(
      'npm',
      ['install', '--install-links', '--prefer-offline', '--no-audit', '--no-fund', `file:${source}`, `valibot@${valibot}`],
      { cwd: FOLDER_INSTALL, timeout: 50_000 },
    );
    expect(filesUnder(`${FOLDER_INSTALL}node_modules/image-usage/`)).toEqual(checkedFiles.map(({ path }) => path).sort());
  });
});
