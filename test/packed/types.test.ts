// TypeScript in a consumer's project, against the packed package: its
// declarations beside valibot 1.5.0 (the consumer project) and 1.1.0, the
// lowest of the peer range (the lowest-peer project), with the TypeScript
// versions and settings docs/runtimes.md speaks of. The consumer's file is
// test/packed/types/valibot-tools.ts: valibot's v.flatten, v.summarize and
// v.getDotPath on every issues array the package hands out. Each check is one
// tsc program; `skipLibCheck: false` type-checks the .d.ts files too (the
// package's and valibot's), which takes most of the time.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { CONSUMER, LOWEST_PEER_CONSUMER, ROOT, SCRATCH } from './paths.ts';

const run = promisify(execFile);

/** The TypeScript versions: the devDependency, and the two of test/typescript/ (packages of their own). */
const TYPESCRIPT = {
  '5.9': `${ROOT}node_modules/typescript/`,
  '5.1': `${ROOT}test/typescript/5.1/node_modules/typescript/`,
  '5.0': `${ROOT}test/typescript/5.0/node_modules/typescript/`,
} as const;

/** The package beside valibot 1.1.0, with ImageUsageIssues made readonly, as it once was. */
const READONLY_ISSUES = `${SCRATCH}readonly-issues/`;

const PROJECTS = { '1.5.0': CONSUMER, '1.1.0': LOWEST_PEER_CONSUMER, 'readonly issues': READONLY_ISSUES } as const;

const NODE16 = { module: 'node16', types: ['node'] };
const BUNDLER_59 = { module: 'preserve', moduleResolution: 'bundler', types: ['node'] };
/** Type-check the .d.ts files of the packages (not TypeScript's own lib files). */
const LIB_CHECK = { skipLibCheck: false, skipDefaultLibCheck: true };
const DOM = { types: [], lib: ['es2022', 'dom'] };

/** Errors expected of a check: where they all are, their codes, and what each says. */
interface Failure {
  readonly in: 'valibot' | 'consumer';
  readonly codes: readonly string[];
  readonly text?: RegExp;
}

interface Check {
  readonly name: string;
  readonly typescript: keyof typeof TYPESCRIPT;
  readonly project: keyof typeof PROJECTS;
  readonly options: Record<string, unknown>;
  /** The consumer's file as an ES module (`mts`), a CommonJS one (`cts`), or as the setting takes a `.ts`. */
  readonly files: readonly ('mts' | 'cts' | 'ts')[];
  /** No errors, unless given. */
  readonly fails?: Failure;
}

const CHECKS: readonly Check[] = [
  { name: '5.9, node16, ESM and CJS, valibot 1.5.0', typescript: '5.9', project: '1.5.0', options: NODE16, files: ['mts', 'cts'] },
  { name: '5.9, node16, ESM and CJS, valibot 1.1.0', typescript: '5.9', project: '1.1.0', options: NODE16, files: ['mts', 'cts'] },
  { name: '5.9, bundler, valibot 1.5.0', typescript: '5.9', project: '1.5.0', options: BUNDLER_59, files: ['ts'] },
  { name: '5.9, bundler, valibot 1.1.0', typescript: '5.9', project: '1.1.0', options: BUNDLER_59, files: ['ts'] },
  {
    name: '5.1.3, node16, the .d.ts checked, @types/node, valibot 1.5.0',
    typescript: '5.1',
    project: '1.5.0',
    options: { ...NODE16, ...LIB_CHECK },
    files: ['mts'],
  },
  {
    name: '5.1.3, bundler, the .d.ts checked, the DOM lib, valibot 1.1.0',
    typescript: '5.1',
    project: '1.1.0',
    options: { module: 'esnext', moduleResolution: 'bundler', ...DOM, ...LIB_CHECK },
    files: ['ts'],
  },
  {
    // TypeScript 5.0 cannot check valibot's own declarations, and has nothing to say of the package's or the consumer's
    name: '5.0.4, node16, the .d.ts checked, the DOM lib, valibot 1.1.0',
    typescript: '5.0',
    project: '1.1.0',
    options: { module: 'node16', ...DOM, ...LIB_CHECK },
    files: ['mts'],
    fails: { in: 'valibot', codes: ['TS2344', 'TS2536', 'TS2574'] },
  },
  { name: '5.0.4, node16, the .d.ts skipped, valibot 1.1.0', typescript: '5.0', project: '1.1.0', options: NODE16, files: ['mts'] },
  {
    // valibot's declarations name Blob and File, which only Node's types and the DOM lib declare
    name: '5.9, node16, the .d.ts checked, neither @types/node nor the DOM lib, valibot 1.5.0',
    typescript: '5.9',
    project: '1.5.0',
    options: { module: 'node16', types: [], lib: ['es2022'], ...LIB_CHECK },
    files: ['mts'],
    fails: { in: 'valibot', codes: ['TS2304'], text: /^Cannot find name '(Blob|File)'\.$/ },
  },
  {
    // the check can fail: a readonly tuple is not what valibot 1.1.0's v.flatten and v.summarize take
    name: '5.9, node16, readonly ImageUsageIssues, valibot 1.1.0',
    typescript: '5.9',
    project: 'readonly issues',
    options: NODE16,
    files: ['mts'],
    fails: { in: 'consumer', codes: ['TS2345', 'TS2769'] },
  },
];

/** Each error tsc reports: the file (relative to the project, `node_modules/` and all), the code and the message. */
interface Diagnostic {
  readonly file: string;
  readonly code: string;
  readonly text: string;
}

/** Runs one check's tsc program in its project; returns its errors and the files it read. */
async function typecheck({ name, typescript, project, options, files }: Check): Promise<{ errors: Diagnostic[]; read: string[] }> {
  const dir = `${PROJECTS[project]}types/`;
  const config = `tsconfig.${name.replace(/[^\w.]+/g, '-')}.json`;
  const compilerOptions = { strict: true, noEmit: true, target: 'es2022', skipLibCheck: true, ...options };
  writeFileSync(`${dir}${config}`, JSON.stringify({ compilerOptions, files: files.map((extension) => `valibot-tools.${extension}`) }));
  const tsc = [`${TYPESCRIPT[typescript]}bin/tsc`, '-p', config, '--listFiles'];
  const { stdout } = await run(process.execPath, tsc, { cwd: dir, timeout: 55_000 }).catch((error: { stdout?: string }) => ({
    stdout: error.stdout ?? String(error),
  }));
  // an error tied to no file (an unknown option, say) counts too, as the file '(none)'
  const errors = [...stdout.matchAll(/^(?:(?:\.\.\/)?(\S+?)\(\d+,\d+\): )?error (TS\d+): (.*)$/gm)].map(([, file, code, text]) => ({
    file: file ?? '(none)',
    code: code!,
    text: text!,
  }));
  return { errors, read: stdout.split('\n').filter((line) => line.startsWith('/')) };
}

/** Runs every check, two at a time (vitest runs the test files one by one here, and tsc uses one core). */
async function typecheckAll(): Promise<Map<string, Awaited<ReturnType<typeof typecheck>>>> {
  const results = new Map<string, Awaited<ReturnType<typeof typecheck>>>();
  const queue = [...CHECKS];
  const next = async (): Promise<void> => {
    const check = queue.shift();
    if (check === undefined) return;
    results.set(check.name, await typecheck(check));
    await next();
  };
  await Promise.all([next(), next()]);
  return results;
}

describe('the packed declarations, from a consumer project', () => {
  let results: Map<string, Awaited<ReturnType<typeof typecheck>>>;
  beforeAll(async () => {
    rmSync(READONLY_ISSUES, { recursive: true, force: true });
    // a package.json of its own, or `image-usage` would resolve to the worktree itself, as its own name
    mkdirSync(READONLY_ISSUES, { recursive: true });
    cpSync(`${LOWEST_PEER_CONSUMER}package.json`, `${READONLY_ISSUES}package.json`);
    cpSync(`${LOWEST_PEER_CONSUMER}node_modules/image-usage`, `${READONLY_ISSUES}node_modules/image-usage`, { recursive: true });
    for (const name of ['valibot', '@types/node', 'undici-types']) {
      cpSync(`${LOWEST_PEER_CONSUMER}node_modules/${name}`, `${READONLY_ISSUES}node_modules/${name}`, { recursive: true });
    }
    const declarations = `${READONLY_ISSUES}node_modules/image-usage/dist/index.d.ts`;
    const mutable = 'type ImageUsageIssues = [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]];';
    const text = readFileSync(declarations, 'utf8');
    if (!text.includes(mutable)) throw new Error(`dist/index.d.ts has no \`${mutable}\``);
    writeFileSync(declarations, text.replace(mutable, 'type ImageUsageIssues = readonly [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]];'));
    for (const dir of Object.values(PROJECTS)) {
      mkdirSync(`${dir}types`, { recursive: true });
      for (const extension of ['mts', 'cts', 'ts']) cpSync(`${ROOT}test/packed/types/valibot-tools.ts`, `${dir}types/valibot-tools.${extension}`);
    }
    results = await typecheckAll();
  }, 240_000);

  test('use the TypeScript versions they are meant to, and valibot 1.5.0 and 1.1.0', () => {
    const version = (dir: string) => JSON.parse(readFileSync(`${dir}package.json`, 'utf8')).version;
    expect(version(TYPESCRIPT['5.9'])).toMatch(/^5\.9\./);
    expect(version(TYPESCRIPT['5.1'])).toBe('5.1.3');
    expect(version(TYPESCRIPT['5.0'])).toBe('5.0.4');
    expect(version(`${CONSUMER}node_modules/valibot/`)).toBe('1.5.0');
    expect(version(`${LOWEST_PEER_CONSUMER}node_modules/valibot/`)).toBe('1.1.0');
    // the ESM and the CJS declarations are one file twice, so checking one checks both
    const dist = `${CONSUMER}node_modules/image-usage/dist/`;
    expect(readFileSync(`${dist}index.d.ts`, 'utf8')).toBe(readFileSync(`${dist}index.d.cts`, 'utf8'));
  });

  test('the README and docs/runtimes.md name 5.1, the lowest TypeScript tested to pass, and 5.0.4 as failing', () => {
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    const runtimes = readFileSync(`${ROOT}docs/runtimes.md`, 'utf8').replaceAll(/\s+/g, ' ');
    expect(CHECKS.some((check) => check.typescript === '5.1' && check.fails === undefined)).toBe(true);
    expect(CHECKS.some((check) => check.typescript === '5.0' && check.fails?.in === 'valibot')).toBe(true);
    expect(readme).toContain('TypeScript 5.1+');
    expect(runtimes).toContain('**TypeScript 5.1 or later**');
    expect(runtimes).toContain('pass with TypeScript 5.1.3');
    expect(runtimes).toContain('TypeScript 5.0.4');
  });

  test('the consumer file uses every schema the package exports', async () => {
    const schemas = Object.keys(await import('../../src/index.ts')).filter((name) => name.endsWith('Schema'));
    const file = readFileSync(`${ROOT}test/packed/types/valibot-tools.ts`, 'utf8');
    expect(schemas.length).toBeGreaterThanOrEqual(15);
    // A schema, or a function that makes one (the response schemas, whose options are the schema's): called.
    for (const schema of schemas) expect([schema, file.includes(`v.safeParse(${schema},`) || file.includes(`v.safeParse(${schema}(`)]).toEqual([schema, true]);
  });

  test.each(CHECKS.map((check) => [check.name, check] as const))('tsc %s', (name, check) => {
    const { errors, read } = results.get(name)!;
    // everything it read is the project's or TypeScript's own: the package and valibot from the project's node_modules
    const project = PROJECTS[check.project];
    expect(read.filter((file) => !file.startsWith(project) && !file.startsWith(`${TYPESCRIPT[check.typescript]}lib/`))).toEqual([]);
    const declarations = check.files.map((extension) => `${project}node_modules/image-usage/dist/index.d.${extension === 'cts' ? 'cts' : 'ts'}`);
    expect(read).toEqual(expect.arrayContaining(declarations));
    expect(read.some((file) => file.startsWith(`${project}node_modules/valibot/dist/`))).toBe(true);
    if (check.fails === undefined) {
      expect(errors).toEqual([]);
      return;
    }
    const { in: where, codes, text } = check.fails;
    const place = where === 'valibot' ? (file: string) => file.startsWith('node_modules/valibot/dist/') : (file: string) => file.startsWith('valibot-tools.');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter(({ file, text: message }) => !place(file) || (text !== undefined && !text.test(message)))).toEqual([]);
    expect([...new Set(errors.map(({ code }) => code))].sort()).toEqual(codes);
  });
});
