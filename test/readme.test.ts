import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { SNIPPETS, withAssertions } from './snippets.ts';

// Every TypeScript block of the README and of docs/ that names no module
// setting is a whole program (see test/snippets.ts): each is type-checked
// (strict, against src/ as `image-usage`) and run here, and its `// →` lines
// are assertions.

const ROOT = new URL('../', import.meta.url);
const SNIPPETS_DIR = new URL('.tmp/snippets/', ROOT);
const snippets = SNIPPETS.filter((snippet) => snippet.module === undefined);

beforeAll(() => {
  rmSync(SNIPPETS_DIR, { recursive: true, force: true });
  mkdirSync(SNIPPETS_DIR, { recursive: true });
  for (const { name, code } of snippets) writeFileSync(new URL(`${name}.ts`, SNIPPETS_DIR), withAssertions(code));
  writeFileSync(
    new URL('tsconfig.json', SNIPPETS_DIR),
    JSON.stringify({
      extends: '../../tsconfig.json',
      // `types: ['node']` declares the fetch API's Response and the like, which Hono's snippets use.
      compilerOptions: { isolatedDeclarations: false, declaration: false, types: ['node'], paths: { 'image-usage': ['../../src/index.ts'] } },
      include: ['*.ts'],
    }),
  );
});

describe('the code blocks of the README and the docs', () => {
  test('the README stays short enough to read to the end: at most 250 lines', () => {
    expect(readFileSync(new URL('README.md', ROOT), 'utf8').trimEnd().split('\n').length).toBeLessThanOrEqual(250);
  });

  test('are there, in the README and in docs/', () => {
    expect(snippets.filter(({ name }) => name.startsWith('README')).length).toBeGreaterThanOrEqual(6);
    expect(snippets.filter(({ name }) => name.startsWith('docs')).length).toBeGreaterThanOrEqual(3);
  });

  test('type-check (tsc --strict, against src/)', async () => {
    const tsc = new URL('node_modules/.bin/tsc', ROOT).pathname;
    const result = await promisify(execFile)(tsc, ['-p', new URL('tsconfig.json', SNIPPETS_DIR).pathname]).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      ({ code, stdout, stderr }: { code: unknown; stdout: string; stderr: string }) => ({ code, stdout, stderr }),
    );
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  }, 60_000);

  test.each(snippets.map((snippet) => [snippet.name, snippet] as const))('%s runs and its → lines hold', async (_, { name, arrows }) => {
    const assertions: Array<[unknown, unknown]> = [];
    (globalThis as { __expect?: unknown }).__expect = (actual: unknown, expected: unknown) => assertions.push([actual, expected]);
    await import(new URL(`${name}.ts`, SNIPPETS_DIR).href);
    expect(assertions.length).toBe(arrows);
    for (const [actual, expected] of assertions) expect(actual).toStrictEqual(expected);
  });
});
