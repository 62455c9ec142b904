// The runtime matrix: one smoke script (test/runtimes/smoke.mjs) run on the
// packed package in every runtime the package claims. Each runner prints
// `{ entry, passed }`: the module it loaded and the checks that passed.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { EdgeVM } from '@edge-runtime/vm';
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { CHECKS } from '../runtimes/smoke.mjs';
import { BIN, CONSUMER, JSR_CONSUMER, RUNTIME_ENV } from './paths.ts';

const exec = promisify(execFile);

/** Runs a command in a folder (bounded in time) and parses the last line it printed. */
async function runJson(command: string, args: string[], cwd: string): Promise<{ entry?: string; passed: string[] }> {
  const { stdout } = await exec(command, args, { cwd, env: RUNTIME_ENV, timeout: 50_000, killSignal: 'SIGKILL' });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

/** Bundles a runner from the consumer folder, resolving the package as a worker or edge bundler would. */
async function bundle(entry: string, format: 'esm' | 'iife', conditions: string[], outfile: string): Promise<void> {
  await build({
    absWorkingDir: CONSUMER,
    entryPoints: [entry],
    bundle: true,
    format,
    platform: 'neutral',
    conditions,
    outfile,
    logLevel: 'warning',
  });
}

const DIST = `file://${CONSUMER}node_modules/image-usage/dist/`;

describe('the packed package passes the smoke test in', () => {
  test('Node, ESM (import)', async () => {
    expect(await runJson(process.execPath, ['esm.mjs'], CONSUMER)).toEqual({ entry: `${DIST}index.js`, passed: CHECKS });
  });

  test('Node, CJS (require)', async () => {
    const result = await runJson(process.execPath, ['cjs.cjs'], CONSUMER);
    expect(result).toEqual({ entry: `${CONSUMER}node_modules/image-usage/dist/index.cjs`, passed: CHECKS });
  });

  test('Deno, the npm package', async () => {
    expect(await runJson(BIN.deno, ['run', '--quiet', 'esm.mjs'], CONSUMER)).toEqual({ entry: `${DIST}index.js`, passed: CHECKS });
  });

  test('Deno, the JSR source through jsr.json', async () => {
    const result = await runJson(BIN.deno, ['run', '--quiet', 'esm.mjs'], JSR_CONSUMER);
    expect(result).toEqual({ entry: `file://${JSR_CONSUMER}package/src/index.ts`, passed: CHECKS });
  });

  test('Bun', async () => {
    expect(await runJson(BIN.bun, ['esm.mjs'], CONSUMER)).toEqual({ entry: `${DIST}index.js`, passed: CHECKS });
  });

  test('workerd (workerd test)', async () => {
    await bundle('worker.mjs', 'esm', ['workerd', 'worker', 'browser'], 'worker.bundle.js');
    const { stdout, stderr } = await exec(BIN.workerd, ['test', 'workerd.capnp'], { cwd: CONSUMER, timeout: 50_000, killSignal: 'SIGKILL' });
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({ passed: CHECKS });
    expect(stderr).toContain('[ PASS ] smoke');
  });

  test('the edge runtime (@edge-runtime/vm)', async () => {
    await bundle('edge.mjs', 'iife', ['edge-light', 'worker', 'browser'], 'edge.bundle.js');
    const vm = new EdgeVM();
    vm.evaluate(readFileSync(`${CONSUMER}edge.bundle.js`, 'utf8'));
    const result = JSON.parse(await vm.evaluate<Promise<string>>('globalThis.smokeResult'));
    expect(result).toEqual({ runtime: 'edge-runtime', passed: CHECKS });
  });
});
