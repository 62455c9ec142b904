import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';

// Every TypeScript block of the README and of docs/ is a whole program: each
// is type-checked (strict, against src/ as `image-usage`) and run here, and
// every `expression; // → value` line in it is an assertion that the
// expression equals the value. An arrow line whose expression is missing
// (`// → value` on a line of its own) asserts on the line above.

const ROOT = new URL('../', import.meta.url);
const SNIPPETS = new URL('.tmp/snippets/', ROOT);
const documents = ['README.md', ...readdirSync(new URL('docs/', ROOT)).map((file) => `docs/${file}`)];

interface Snippet {
  readonly name: string;
  readonly code: string;
  readonly arrows: number;
}

const snippets: Snippet[] = documents.flatMap((document) =>
  [...readFileSync(new URL(document, ROOT), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((match, index) => ({
    name: `${document.replace(/[/.]/g, '-')}-${index + 1}`,
    code: match[1]!,
    arrows: (match[1]!.match(/\/\/ → /g) ?? []).length,
  })),
);

/** Turns each `// →` line into a call of `__expect`, which the test defines. */
function withAssertions(code: string): string {
  const out: string[] = [];
  for (const line of code.split('\n')) {
    const arrow = /^(\s*)(.*?);?\s*\/\/ → (.+)$/.exec(line);
    const alone = /^(\s*)\/\/ → (.+)$/.exec(line);
    if (alone) {
      const expression = out.pop()!.trim().replace(/;$/, '');
      out.push(`${alone[1]!}__expect(${expression}, ${alone[2]!});`);
    } else if (arrow?.[2]) {
      out.push(`${arrow[1]!}__expect(${arrow[2]}, ${arrow[3]!});`);
    } else {
      out.push(line);
    }
  }
  return `declare function __expect(actual: unknown, expected: unknown): void;\n${out.join('\n')}\nexport {};\n`;
}

beforeAll(() => {
  rmSync(SNIPPETS, { recursive: true, force: true });
  mkdirSync(SNIPPETS, { recursive: true });
  for (const { name, code } of snippets) writeFileSync(new URL(`${name}.ts`, SNIPPETS), withAssertions(code));
  writeFileSync(
    new URL('tsconfig.json', SNIPPETS),
    JSON.stringify({
      extends: '../../tsconfig.json',
      compilerOptions: { isolatedDeclarations: false, declaration: false, paths: { 'image-usage': ['../../src/index.ts'] } },
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
    const result = await promisify(execFile)(tsc, ['-p', new URL('tsconfig.json', SNIPPETS).pathname]).catch((error: unknown) => error);
    expect((result as { stdout: string }).stdout).toBe('');
  }, 60_000);

  test.each(snippets.map((snippet) => [snippet.name, snippet] as const))('%s runs and its → lines hold', async (_, { name, arrows }) => {
    const assertions: Array<[unknown, unknown]> = [];
    (globalThis as { __expect?: unknown }).__expect = (actual: unknown, expected: unknown) => assertions.push([actual, expected]);
    await import(new URL(`${name}.ts`, SNIPPETS).href);
    expect(assertions.length).toBe(arrows);
    for (const [actual, expected] of assertions) expect(actual).toStrictEqual(expected);
  });
});
