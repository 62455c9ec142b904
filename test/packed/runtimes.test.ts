// The runtime matrix: one smoke script (test/runtimes/smoke.mjs) run on the
// packed package in every runtime the package claims. Each runner prints or
// returns `{ entry, exports, passed }`: the module it loaded, the names it
// exports (the same as src/index.ts's in every build) and the checks that passed.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { EdgeVM } from '@edge-runtime/vm';
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { CHECKS } from '../runtimes/smoke.mjs';
import { BIN, CONSUMER, JSR_CONSUMER, LOWEST_PEER_CONSUMER, ROOT, RUNTIME_ENV } from './paths.ts';

const exec = promisify(execFile);

/** Runs a command in a folder, bounded in time, and parses the last line it printed. */
async function runJson(command: string, args: string[], cwd: string): Promise<unknown> {
  const { stdout } = await exec(command, args, { cwd, env: RUNTIME_ENV, timeout: 50_000, killSignal: 'SIGKILL' });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

/**
 * Bundles a runner from the consumer folder, resolving the package as a worker or edge bundler would.
 * Returns the package's files that went into the bundle.
 */
async function bundle(entry: string, format: 'esm' | 'iife', conditions: string[], outfile: string): Promise<string[]> {
  const { metafile } = await build({
    absWorkingDir: CONSUMER,
    entryPoints: [entry],
    bundle: true,
    format,
    platform: 'neutral',
    conditions,
    outfile,
    metafile: true,
    logLevel: 'warning',
  });
  return Object.keys(metafile.inputs).filter((input) => input.startsWith('node_modules/image-usage/'));
}

const PACKED = `${CONSUMER}node_modules/image-usage/`;

/** The names `src/index.ts` exports at run time: every build must export exactly these. */
const EXPORTS = Object.keys(await import('../../src/index.ts')).sort();

/** Each runtime: its name (as in the table of docs/runtimes.md), how to run the smoke test, and what it must report. */
const RUNTIMES: { name: string; run: () => Promise<unknown>; expected: unknown }[] = [
  {
    name: 'Node, ESM',
    run: () => runJson(process.execPath, ['esm.mjs'], CONSUMER),
    expected: { entry: `file://${PACKED}dist/index.js`, exports: EXPORTS, passed: CHECKS },
  },
  {
    name: 'Node, ESM, valibot 1.1.0',
    async run() {
      const valibot = JSON.parse(readFileSync(`${LOWEST_PEER_CONSUMER}node_modules/valibot/package.json`, 'utf8'));
      return { valibot: valibot.version, ...(await runJson(process.execPath, ['esm.mjs'], LOWEST_PEER_CONSUMER)) as object };
    },
    expected: {
      valibot: '1.1.0',
      entry: `file://${LOWEST_PEER_CONSUMER}node_modules/image-usage/dist/index.js`,
      exports: EXPORTS,
      passed: CHECKS,
    },
  },
  {
    name: 'Node, CJS',
    run: () => runJson(process.execPath, ['cjs.cjs'], CONSUMER),
    expected: { entry: `${PACKED}dist/index.cjs`, exports: EXPORTS, passed: CHECKS },
  },
  {
    name: 'Deno, npm package',
    run: () => runJson(BIN.deno, ['run', '--quiet', 'esm.mjs'], CONSUMER),
    expected: { entry: `file://${PACKED}dist/index.js`, exports: EXPORTS, passed: CHECKS },
  },
  {
    name: 'Deno, JSR source',
    run: () => runJson(BIN.deno, ['run', '--quiet', 'esm.mjs'], JSR_CONSUMER),
    expected: { entry: `file://${JSR_CONSUMER}package/src/index.ts`, exports: EXPORTS, passed: CHECKS },
  },
  {
    name: 'Bun',
    run: () => runJson(BIN.bun, ['esm.mjs'], CONSUMER),
    expected: { entry: `file://${PACKED}dist/index.js`, exports: EXPORTS, passed: CHECKS },
  },
  {
    name: 'workerd',
    async run() {
      const bundled = await bundle('worker.mjs', 'esm', ['workerd', 'worker', 'browser'], 'worker.bundle.js');
      const { stdout, stderr } = await exec(BIN.workerd, ['test', 'workerd.capnp'], { cwd: CONSUMER, timeout: 50_000, killSignal: 'SIGKILL' });
      expect(stderr).toContain('[ PASS ] smoke');
      return { bundled, ...JSON.parse(stdout.trim().split('\n').at(-1)!) };
    },
    expected: { bundled: expect.arrayContaining(['node_modules/image-usage/dist/index.js']), exports: EXPORTS, passed: CHECKS },
  },
  {
    name: 'Vercel edge runtime',
    async run() {
      const bundled = await bundle('edge.mjs', 'iife', ['edge-light', 'worker', 'browser'], 'edge.bundle.js');
      const vm = new EdgeVM();
      vm.evaluate(readFileSync(`${CONSUMER}edge.bundle.js`, 'utf8'));
      return { bundled, ...JSON.parse(await vm.evaluate<Promise<string>>('globalThis.smokeResult')) };
    },
    expected: { bundled: expect.arrayContaining(['node_modules/image-usage/dist/index.js']), runtime: 'edge-runtime', exports: EXPORTS, passed: CHECKS },
  },
];

describe('the packed package passes the smoke test in', () => {
  test.each(RUNTIMES)('$name', async ({ run, expected }) => {
    expect(await run()).toEqual(expected);
  });
});

test('both builds in one process (test/runtimes/dual.mjs): two ImageUsageError classes, the same name, the same answers', async () => {
  const result = (await runJson(process.execPath, ['dual.mjs'], CONSUMER)) as {
    answers: [{ parse: { totalTokens: number }; issues: unknown[] }, unknown];
    messages: [string, string];
  };
  expect(result).toMatchObject({
    files: [`file://${PACKED}dist/index.js`, `${PACKED}dist/index.cjs`],
    sameModule: false,
    sameClass: false,
    names: ['ImageUsageError', 'ImageUsageError'],
    errors: [true, true],
    ownInstanceof: [true, true],
    otherInstanceof: [false, false],
    // valibot's global configuration belongs to each copy of valibot: the ES module's reaches the ESM build only
    abortEarly: { esm: 1, cjs: 2, cjsAfterCjsConfig: 1 },
  });
  expect(result.messages[1]).toBe(result.messages[0]);
  expect(result.messages[0]).toMatch(/^Invalid image usage \(2 issues\):/);
  expect(result.answers[1]).toEqual(result.answers[0]);
  expect(result.answers[0].parse.totalTokens).toBe(4212);
  expect(result.answers[0].issues.length).toBe(2);
});

test("the runtime table of docs/runtimes.md lists exactly these runtimes", () => {
  const runtimes = readFileSync(`${ROOT}docs/runtimes.md`, 'utf8');
  const table = runtimes.split('\n\n').find((block) => block.startsWith('| runtime |'))!;
  const rows = table.split('\n').slice(2).map((row) => row.split(' | ')[0]!.replace(/^\| /, ''));
  expect(rows).toEqual(RUNTIMES.map(({ name }) => name));
});

test('the runtimes have no network: Deno cannot reach the npm registry', async () => {
  const script = "await fetch('https://registry.npmjs.org/valibot', { signal: AbortSignal.timeout(10_000) }).then(() => console.log('reached'), (error) => console.log(error.message))";
  const { stdout } = await exec(BIN.deno, ['eval', script], { cwd: CONSUMER, env: RUNTIME_ENV, timeout: 30_000 });
  expect(stdout).not.toContain('reached');
  expect(stdout).toMatch(/fail|error/i);
});
